/** The exploding-gradients widget's settings, which live in lib/ so that exercises re-run its runs with the same code. */
export {
  CLIP_OPTIONS,
  explodingSchema,
  LR_STOPS,
  MODEL_OPTIONS,
  PRESETS,
  runConfig,
  SCALE_STOPS,
  SEQ_STOPS,
  THRESHOLD_STOPS,
  type ExplodingSettings,
} from '../../lib/course/exploding-gradients';
