/**
 * The loss race: one small network trained twice from the same confidently wrong start, with
 * binary cross-entropy (run A) and with squared error on the sigmoid output (run B). Its settings
 * (URL fields, the runs' configs) live in lib/ so that tests and exercises re-run exactly the
 * widget's runs.
 */
import { enumField, numberField } from '../../common';
import { DEEP_SIGMOID, type OwnClassificationTask, type TrainConfig } from '../../ml/training';

/** One tanh layer of 16 units (Xavier) on two circles of 400 points, plain SGD on minibatches of 32. */
export const RACE_NETWORK: TrainConfig = {
  ...DEEP_SIGMOID,
  task: { kind: 'classification', dataset: 'circles', n: 400, noise: 0.1 },
  depth: 1,
  width: 16,
  activation: 'tanh',
  init: 'xavier',
  lr: 0.3,
};

/** Each run stops after this many updates. */
export const RACE_MAX_STEPS = 4000;
/** The widget evaluates on the full data every this many steps. */
export const RACE_EVAL_EVERY = 25;
/** The bad start's strength b (the output bias starts at −b) offered by the slider. */
export const BAD_START_STOPS = [0, 2, 4, 6, 8, 10] as const;
/** The learning rates offered by the slider. */
export const RACE_LR_STOPS = [0.03, 0.1, 0.3, 1, 3] as const;

/** URL fields (names appear in shared links, beside the lesson's other widgets' y, z, expr, vals, step, preset, dtype, e). */
export const raceSchema = {
  bad: numberField({ default: 8, min: 0, max: 12 }),
  lr: numberField({ default: 0.3, min: 0.001, max: 10 }),
  seed: numberField({ default: 1, min: 1, max: 999_999, integer: true }),
  speed: enumField(['0', '1', '5', '20'], '5'),
  /** The data: two circles, or the reader's own points ('own': kept in the browser, never in the URL). */
  data: enumField(['circles', 'own'], 'circles'),
};

/** The datasets the race offers. */
export const RACE_DATA_OPTIONS = [
  { value: 'circles', label: 'Two circles' },
  { value: 'own', label: 'Your data' },
] as const;

/** The settings that make the runs (the speed only paces them). */
export interface RaceSettings {
  /** The bad start's strength: the output bias starts at −bad. */
  bad: number;
  lr: number;
  seed: number;
  /** Two circles (the default) or the reader's own points. */
  data?: 'circles' | 'own';
}

/**
 * Run A (cross-entropy) or B (squared error on σ(z)), from the output bias −bad. With the data
 * 'own', `own` is the reader's task; without it the runs train on two circles.
 */
export function raceConfig(s: RaceSettings, run: 'a' | 'b', own?: OwnClassificationTask): TrainConfig {
  const task = s.data === 'own' && own ? own : RACE_NETWORK.task;
  return { ...RACE_NETWORK, task, seed: s.seed, lr: s.lr, outputBias: 0 - s.bad, outputLoss: run === 'a' ? 'crossEntropy' : 'squaredError' };
}

/** The first evaluated step whose `metric` reaches `target` (to within float32's rounding: the history keeps float32), or null if none did. */
export function firstStepReaching(evaluations: { steps: ArrayLike<number>; columns: Readonly<Record<string, ArrayLike<number>>> }, metric: 'trainAccuracy' | 'testAccuracy', target: number): number | null {
  const values = evaluations.columns[metric];
  if (!values) throw new RangeError(`firstStepReaching: expected a series "${metric}", got ${Object.keys(evaluations.columns).join(', ')}`);
  for (let i = 0; i < evaluations.steps.length; i++) if ((values[i] ?? NaN) >= target - 1e-6) return evaluations.steps[i] ?? null;
  return null;
}

/** What the race's summary needs to know about one run. */
export interface RaceRunState {
  step: number;
  /** Loss and accuracy on the full training set at the latest evaluation, and the step it was taken at. */
  trainLoss: number;
  trainAccuracy: number;
  evaluatedAt: number;
  /** The output layer's gradient norm: at step 0 at the initial weights, later the last update's. */
  outputGradient: number;
  diverged?: { step: number };
}

const percent = (x: number): string => `${(100 * x).toFixed(1)} %`;
const figure = (x: number): string => (Number.isFinite(x) ? String(Number(x.toPrecision(3))) : String(x));

/** One run of the race in words: its step, training loss and accuracy, and its output layer's gradient norm. */
export function describeRaceRun(name: string, run: RaceRunState): string {
  if (run.diverged) return `${name} stopped at step ${run.diverged.step}: the loss or the gradient became infinite.`;
  const at = run.evaluatedAt === run.step ? '' : ` (evaluated at step ${run.evaluatedAt})`;
  const when = run.step === 0 ? 'at step 0, before any update' : `at step ${run.step}`;
  const weights = run.step === 0 ? ' at the initial weights' : '';
  return `${name} ${when}: training accuracy ${percent(run.trainAccuracy)}, loss ${figure(run.trainLoss)}${at}; output layer's gradient norm ${figure(run.outputGradient)}${weights}.`;
}

/** Both runs in words, and how many times larger cross-entropy's output gradient is than squared error's. */
export function describeRace(a: RaceRunState, b: RaceRunState): string {
  const ratio = a.outputGradient / b.outputGradient;
  const compare = a.step === b.step && Number.isFinite(ratio) && ratio > 0 ? ` Cross-entropy's output gradient is ${figure(ratio)} times squared error's.` : '';
  return `${describeRaceRun('Run A (cross-entropy)', a)} ${describeRaceRun('Run B (squared error)', b)}${compare}`;
}
