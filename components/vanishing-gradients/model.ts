/** The vanishing-gradients widget's settings, which live in lib/ so that exercises re-run its runs with the same code. */
export {
  ACTIVATION_OPTIONS,
  BATCH_STOPS,
  DATASET_OPTIONS,
  GAIN_OPTIONS,
  INIT_OPTIONS,
  LR_STOPS,
  MAX_STEPS,
  OPTIMIZER_OPTIONS,
  PRESETS,
  WIDTH_STOPS,
  preset,
  runConfig,
  vanishingSchema,
  type GainName,
  type VanishingSettings,
} from '../../lib/course/vanishing-gradients';
