/**
 * The exploding-gradients widget's settings: URL fields, presets, and the two runs' configs. In lib/
 * (not beside the view) because exercises re-run the widget's runs from a student's settings, in
 * the page and in the teacher's grader, with this same code.
 */
import type { ClipMode, TrainConfig } from '../../ml/training';
import { EXPLODING_MLP, EXPLODING_RNN } from '../../ml/training';
import { enumField, numberField } from '../../common';

/** The models offered: a deep ReLU regression MLP or a ReLU RNN over a sequence. */
export const MODEL_OPTIONS = [
  { value: 'mlp', label: 'Regression MLP (ReLU)' },
  { value: 'rnn', label: 'RNN over a sequence (ReLU)' },
] as const;

/** Run B's clipping modes offered (run A never clips). */
export const CLIP_OPTIONS = [
  { value: 'norm', label: 'Global norm (clip_grad_norm_)' },
  { value: 'value', label: 'By value (clip_grad_value_)' },
  { value: 'tensor', label: 'Each tensor by its own norm' },
] as const satisfies readonly { value: Exclude<ClipMode, 'none'>; label: string }[];

/** The learning rate slider's stops. */
export const LR_STOPS = [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3] as const;
/** The initial weight scale slider's stops. */
export const SCALE_STOPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;
/** The clipping threshold slider's stops. */
export const THRESHOLD_STOPS = [0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30] as const;
/** The sequence length slider's stops. */
export const SEQ_STOPS = [10, 20, 30, 50, 100] as const;

/** URL fields. Run A never clips; run B clips as chosen. */
export const explodingSchema = {
  model: enumField(['mlp', 'rnn'], 'mlp'),
  lr: numberField({ default: 0.01, min: 0.00001, max: 1 }),
  scale: numberField({ default: 2, min: 0.1, max: 5 }),
  depth: numberField({ default: 6, min: 1, max: 12, integer: true }),
  seqlen: numberField({ default: 30, min: 2, max: 200, integer: true }),
  clip: enumField(['norm', 'value', 'tensor'], 'norm'),
  max: numberField({ default: 1, min: 0.001, max: 100 }),
  seed: numberField({ default: 1, min: 1, max: 999_999, integer: true }),
  speed: enumField(['0', '1', '5', '20'], '0'),
};

/** The widget's settings. */
export interface ExplodingSettings {
  model: 'mlp' | 'rnn';
  lr: number;
  scale: number;
  depth: number;
  seqlen: number;
  clip: Exclude<ClipMode, 'none'>;
  max: number;
  seed: number;
}

/** The config of run A (no clipping) or B (clipping). */
export function runConfig(s: ExplodingSettings, run: 'a' | 'b'): TrainConfig {
  const base: TrainConfig =
    s.model === 'mlp'
      ? { ...EXPLODING_MLP, depth: s.depth }
      : { ...EXPLODING_RNN, task: { kind: 'sequence', n: 1000, seqLen: s.seqlen } };
  return {
    ...base,
    seed: s.seed,
    lr: s.lr,
    initScale: s.scale,
    clip: run === 'a' ? { mode: 'none', threshold: s.max } : { mode: s.clip, threshold: s.max },
  };
}

/** One-click setups the lesson refers to. Each sets the seed back to 1, where the lesson's numbers are. */
export const PRESETS: readonly { label: string; settings: Partial<ExplodingSettings> }[] = [
  { label: 'Large initial weights', settings: { model: 'mlp', scale: 2, lr: 0.01, depth: 6, seed: 1 } },
  { label: 'Large learning rate', settings: { model: 'mlp', scale: 1, lr: 0.1, depth: 6, seed: 1 } },
  { label: 'RNN over 30 steps', settings: { model: 'rnn', scale: EXPLODING_RNN.initScale, lr: EXPLODING_RNN.lr, seqlen: 30, seed: 1 } },
];
