/**
 * The vanishing-gradients widget's settings: URL fields, presets, and the two runs' configs. In lib/
 * (not beside the view) because exercises re-run the widget's runs from a student's settings, in
 * the page and in the teacher's grader, with this same code.
 */
import { calculateGain } from '../../engine';
import type { ClassificationTask, DatasetName, HiddenActivation, OwnClassificationTask, InitScheme, OptimizerName, TrainConfig } from '../../ml/training';
import { enumField, numberField } from '../../common';

/** The hidden layers' activations offered. */
export const ACTIVATION_OPTIONS = [
  { value: 'sigmoid', label: 'Sigmoid' },
  { value: 'tanh', label: 'Tanh' },
  { value: 'relu', label: 'ReLU' },
  { value: 'leakyRelu', label: 'Leaky ReLU (0.01)' },
] as const satisfies readonly { value: HiddenActivation; label: string }[];

/** The initialisations offered. */
export const INIT_OPTIONS = [
  { value: 'default', label: 'PyTorch default' },
  { value: 'xavier', label: 'Xavier (Glorot)' },
  { value: 'he', label: 'He (Kaiming)' },
  { value: 'zeros', label: 'Zeros' },
] as const satisfies readonly { value: InitScheme; label: string }[];

/** Xavier's gain: xavier_uniform_'s default 1, or what calculate_gain recommends for tanh or ReLU. */
export const GAIN_OPTIONS = [
  { value: '1', short: '1', label: "1 (xavier_uniform_'s default)", gain: 1 },
  { value: 'tanh', short: '5/3', label: "5/3 = calculate_gain('tanh')", gain: calculateGain('tanh') },
  { value: 'relu', short: '√2', label: "√2 = calculate_gain('relu')", gain: calculateGain('relu') },
] as const;

/** A gain option's name in the URL. */
export type GainName = (typeof GAIN_OPTIONS)[number]['value'];

/** The datasets offered: the generated ones, and the reader's own points ('own', kept in the browser, never in the URL). */
export const DATASET_OPTIONS = [
  { value: 'circles', label: 'Two circles' },
  { value: 'moons', label: 'Moons' },
  { value: 'spiral', label: 'Spiral' },
  { value: 'xor', label: 'XOR' },
  { value: 'own', label: 'Your data' },
] as const satisfies readonly { value: DatasetName | 'own'; label: string }[];

/** The optimisers offered. */
export const OPTIMIZER_OPTIONS = [
  { value: 'sgd', label: 'SGD' },
  { value: 'momentum', label: 'SGD + momentum 0.9' },
  { value: 'adam', label: 'Adam' },
] as const satisfies readonly { value: OptimizerName; label: string }[];

/** Each run stops after this many updates. */
export const MAX_STEPS = 3000;

/** The learning rate slider's stops. */
export const LR_STOPS = [0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3] as const;
/** The width slider's stops. */
export const WIDTH_STOPS = [4, 8, 16, 32, 64] as const;
/** The batch size slider's stops. */
export const BATCH_STOPS = [8, 16, 32, 64, 128, 800] as const;

const values = <T extends string>(options: readonly { value: T }[]): T[] => options.map((o) => o.value);

/** URL fields (names appear in shared links). Run A and run B differ in activation and initialisation only. */
export const vanishingSchema = {
  dataset: enumField(values(DATASET_OPTIONS), 'circles'),
  depth: numberField({ default: 10, min: 1, max: 20, integer: true }),
  width: numberField({ default: 32, min: 2, max: 64, integer: true }),
  lr: numberField({ default: 0.1, min: 0.0001, max: 10 }),
  opt: enumField(values(OPTIMIZER_OPTIONS), 'sgd'),
  batch: numberField({ default: 32, min: 1, max: 800, integer: true }),
  seed: numberField({ default: 1, min: 1, max: 999_999, integer: true }),
  a: enumField(values(ACTIVATION_OPTIONS), 'sigmoid'),
  ainit: enumField(values(INIT_OPTIONS), 'default'),
  again: enumField(values(GAIN_OPTIONS), '1'),
  b: enumField(values(ACTIVATION_OPTIONS), 'relu'),
  binit: enumField(values(INIT_OPTIONS), 'he'),
  bgain: enumField(values(GAIN_OPTIONS), '1'),
  speed: enumField(['0', '1', '5', '20'], '0'),
};

/** The widget's settings. */
export type VanishingSettings = {
  dataset: DatasetName | 'own';
  depth: number;
  width: number;
  lr: number;
  opt: OptimizerName;
  batch: number;
  seed: number;
  a: HiddenActivation;
  ainit: InitScheme;
  again: GainName;
  b: HiddenActivation;
  binit: InitScheme;
  bgain: GainName;
};

/** The default dataset's task, which 'own' falls back to when the reader has no points. */
const generatedTask = (dataset: DatasetName): ClassificationTask => ({ kind: 'classification', dataset, n: 1000, noise: dataset === 'spiral' ? 0.05 : 0.1 });

/**
 * The config of run A or B. With the dataset 'own', `own` is the reader's task (their points, from
 * the browser's storage); without it the runs train on the default dataset, two circles.
 */
export function runConfig(s: VanishingSettings, run: 'a' | 'b', own?: OwnClassificationTask): TrainConfig {
  const init = run === 'a' ? s.ainit : s.binit;
  return {
    task: s.dataset === 'own' ? (own ?? generatedTask('circles')) : generatedTask(s.dataset),
    seed: s.seed,
    depth: s.depth,
    width: s.width,
    activation: run === 'a' ? s.a : s.b,
    init,
    // The gain matters to Xavier only; leaving it out elsewhere keeps the config (and the run) the same.
    ...(init === 'xavier' ? { gain: GAIN_OPTIONS.find((o) => o.value === (run === 'a' ? s.again : s.bgain))?.gain ?? 1 } : {}),
    initScale: 1,
    lr: s.lr,
    optimizer: s.opt,
    batchSize: s.batch,
    clip: { mode: 'none', threshold: 1 },
  };
}

const DEFAULTS = { depth: 10, width: 32, lr: 0.1, opt: 'sgd', batch: 32, seed: 1, dataset: 'circles', again: '1', bgain: '1' } as const;

/**
 * One-click experiments the lesson refers to. Each but the first changes one thing between the
 * runs, the activation or the initialisation, so that the two effects can be told apart.
 */
export const PRESETS: readonly { label: string; settings: Partial<VanishingSettings> }[] = [
  { label: 'Sigmoid vs ReLU + He', settings: { ...DEFAULTS, a: 'sigmoid', ainit: 'default', b: 'relu', binit: 'he' } },
  { label: 'Default init: sigmoid vs ReLU', settings: { ...DEFAULTS, a: 'sigmoid', ainit: 'default', b: 'relu', binit: 'default' } },
  { label: 'Xavier init: sigmoid vs tanh', settings: { ...DEFAULTS, a: 'sigmoid', ainit: 'xavier', b: 'tanh', binit: 'xavier' } },
  { label: 'Tanh: default vs Xavier init', settings: { ...DEFAULTS, a: 'tanh', ainit: 'default', b: 'tanh', binit: 'xavier' } },
  { label: 'ReLU, 20 layers: default vs He init', settings: { ...DEFAULTS, a: 'relu', ainit: 'default', b: 'relu', binit: 'he', depth: 20 } },
  { label: 'Tanh: zero init vs Xavier', settings: { ...DEFAULTS, a: 'tanh', ainit: 'zeros', b: 'tanh', binit: 'xavier' } },
  { label: 'Narrow: ReLU vs leaky ReLU', settings: { ...DEFAULTS, a: 'relu', ainit: 'he', b: 'leakyRelu', binit: 'he', width: 4 } },
];

/** The preset with this label (for tests and the lesson's claims); throws if there is none. */
export function preset(label: string): Partial<VanishingSettings> {
  const found = PRESETS.find((p) => p.label === label);
  if (!found) throw new RangeError(`preset: expected one of ${PRESETS.map((p) => `"${p.label}"`).join(', ')}, got "${label}"`);
  return found.settings;
}
