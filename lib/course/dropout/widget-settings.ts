/**
 * The dropout widget's settings: URL fields, presets, and the two runs' settings (run A, the plain
 * baseline; run B with its remedies: dropout, random shifts, both or neither). In lib/ (not beside
 * the view) because the experiment exercises re-run the widget's runs from a student's settings, in
 * the page and in the teacher's grader.
 */
import { enumField, numberField } from '../../common';
import type { DropoutPlacement } from './network';
import { DEFAULT_SETTINGS, type DropoutSettings } from './run';
import { MAX_SHIFT } from './shift';

/** Where run B's dropout goes, as the placement control offers it ('none': run B without dropout, for shifts alone). */
export const PLACEMENT_OPTIONS = [
  { value: 'fc', label: 'Between the fully connected layers' },
  { value: 'pools', label: 'After each pool' },
  { value: 'both', label: 'Both' },
  { value: 'none', label: 'No dropout' },
] as const satisfies readonly { value: DropoutPlacement; label: string }[];

/** Run B's random shifts, as the shift control offers them (the URL holds the value). */
export const SHIFT_OPTIONS = [
  { value: '0', label: 'None' },
  { value: '1', label: 'Up to 1 pixel' },
  { value: '2', label: 'Up to 2 pixels' },
] as const;

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
  shift: numberField({ default: 0, min: 0, max: MAX_SHIFT, integer: true }),
};

/** The widget's settings, as the URL holds them. */
export type DropoutWidgetSettings = {
  n: number;
  p: number;
  at: DropoutPlacement;
  wd: number;
  epochs: number;
  lr: number;
  seed: number;
  /** Run B's random shifts: up to this many pixels (0 for none). */
  shift: number;
};

/** Run A's settings (no remedy) or run B's (dropout p at the chosen place, if any, and its shifts); everything else shared. */
export function runSettings(s: DropoutWidgetSettings, run: 'a' | 'b'): DropoutSettings {
  const dropout = run === 'b' && s.at !== 'none';
  return {
    trainSize: s.n,
    p: dropout ? s.p : 0,
    placement: dropout ? s.at : 'none',
    weightDecay: s.wd,
    learningRate: s.lr,
    epochs: s.epochs,
    batchSize: DEFAULT_SETTINGS.batchSize,
    seed: s.seed,
    shift: run === 'b' ? s.shift : 0,
  };
}

/** Run B's remedies in words, for its name: "dropout p = 0.5, between the fully connected layers; shifts up to 1 pixel". */
export function remediesOf(s: Pick<DropoutWidgetSettings, 'p' | 'at' | 'shift'>): string {
  const placement = PLACEMENT_OPTIONS.find((o) => o.value === s.at)?.label.toLowerCase() ?? s.at;
  const dropout = s.at === 'none' ? undefined : `dropout p = ${s.p}, ${placement}`;
  const shifts = s.shift > 0 ? `shifts up to ${s.shift} pixel${s.shift === 1 ? '' : 's'}` : undefined;
  if (dropout && shifts) return `${dropout}; ${shifts}`;
  if (shifts) return `${shifts}, no dropout`;
  return dropout ?? 'no remedy, as run A';
}

/** One-click setups the lesson refers to: its first table's two training-set sizes, and run B with shifts alone on 100 digits (its shifts table). */
export const DROPOUT_PRESETS: readonly { label: string; settings: Partial<DropoutWidgetSettings> }[] = [
  { label: '100 digits', settings: { n: 100, p: 0.5, at: 'fc', wd: 0, epochs: 30, lr: 0.003, seed: 1, shift: 0 } },
  { label: '1,000 digits', settings: { n: 1000, p: 0.5, at: 'fc', wd: 0, epochs: 30, lr: 0.003, seed: 1, shift: 0 } },
  { label: '100 digits, shifts', settings: { n: 100, p: 0.5, at: 'none', wd: 0, epochs: 60, lr: 0.003, seed: 1, shift: 1 } },
];
