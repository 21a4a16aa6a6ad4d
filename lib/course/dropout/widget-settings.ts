/**
 * The dropout widget's settings: URL fields, presets, and the two runs' settings (run A without
 * dropout, run B with it). In lib/ (not beside the view) because the experiment exercise re-runs
 * the widget's runs from a student's settings, in the page and in the teacher's grader.
 */
import { enumField, numberField } from '../../common';
import type { DropoutPlacement } from './network';
import { DEFAULT_SETTINGS, type DropoutSettings } from './run';

/** Where run B's dropout goes, as the placement control offers it. */
export const PLACEMENT_OPTIONS = [
  { value: 'fc', label: 'Between the fully connected layers' },
  { value: 'pools', label: 'After each pool' },
  { value: 'both', label: 'Both' },
] as const satisfies readonly { value: Exclude<DropoutPlacement, 'none'>; label: string }[];

/** The training-set size slider's stops. */
export const SIZE_STOPS = [100, 200, 300, 500, 750, 1000, 1500, 2000] as const;
/** The dropout rate slider's stops. */
export const RATE_STOPS = [0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8] as const;
/** The weight decay slider's stops. */
export const DECAY_STOPS = [0, 0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03] as const;
/** The epochs slider's stops. */
export const EPOCH_STOPS = [5, 10, 15, 20, 30, 40, 50, 60] as const;
/** The learning rate slider's stops. */
export const LR_STOPS = [0.0003, 0.001, 0.003, 0.01, 0.03] as const;

/** URL fields (names appear in shared links). */
export const dropoutSchema = {
  n: numberField({ default: DEFAULT_SETTINGS.trainSize, min: 100, max: 2000, integer: true }),
  p: numberField({ default: DEFAULT_SETTINGS.p, min: 0.05, max: 0.9 }),
  at: enumField(
    PLACEMENT_OPTIONS.map((o) => o.value),
    'fc',
  ),
  wd: numberField({ default: DEFAULT_SETTINGS.weightDecay, min: 0, max: 0.1 }),
  epochs: numberField({ default: DEFAULT_SETTINGS.epochs, min: 1, max: 100, integer: true }),
  lr: numberField({ default: DEFAULT_SETTINGS.learningRate, min: 0.0001, max: 0.1 }),
  seed: numberField({ default: DEFAULT_SETTINGS.seed, min: 1, max: 999_999, integer: true }),
};

/** The widget's settings, as the URL holds them. */
export type DropoutWidgetSettings = {
  n: number;
  p: number;
  at: Exclude<DropoutPlacement, 'none'>;
  wd: number;
  epochs: number;
  lr: number;
  seed: number;
};

/** Run A's settings (no dropout) or run B's (dropout p at the chosen place); everything else shared. */
export function runSettings(s: DropoutWidgetSettings, run: 'a' | 'b'): DropoutSettings {
  return {
    trainSize: s.n,
    p: run === 'a' ? 0 : s.p,
    placement: run === 'a' ? 'none' : s.at,
    weightDecay: s.wd,
    learningRate: s.lr,
    epochs: s.epochs,
    batchSize: DEFAULT_SETTINGS.batchSize,
    seed: s.seed,
  };
}

/** One-click setups the lesson refers to: its table's two training-set sizes. */
export const DROPOUT_PRESETS: readonly { label: string; settings: Partial<DropoutWidgetSettings> }[] = [
  { label: '100 digits', settings: { n: 100, p: 0.5, at: 'fc', wd: 0, epochs: 30, lr: 0.003, seed: 1 } },
  { label: '1,000 digits', settings: { n: 1000, p: 0.5, at: 'fc', wd: 0, epochs: 30, lr: 0.003, seed: 1 } },
];
