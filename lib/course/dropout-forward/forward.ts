/**
 * One vector of hidden activations through the engine's nn.Dropout(p), in model.train() or
 * model.eval() mode, for the lesson's dropout-forward widget: the mask of the first pass, its output,
 * and the mean output over many passes, which converges to h (or to (1 − p)·h without the scaling).
 */
import { mul, nn, ones, Rng, Tensor } from '../../engine';

/** Number of hidden units shown (U below). */
export const UNITS = 16;
/** Seed of the activations h: fixed, so every reader sees the same h. */
export const ACTIVATION_SEED = 14;
/** The pass counts the widget averages over. */
export const PASS_COUNTS = [1, 10, 100, 1000] as const;
/** Largest seed of the mask generator. */
export const MAX_MASK_SEED = 999_999;

/**
 * The activations h, shape (U,), float32: each uniform on [0.1, 1] from a seeded Rng, rounded to two
 * decimals. Positive, as after the ReLU in front of the lesson's nn.Dropout, but without its exact
 * zeros (a dropped 0 looks like a kept one), and short enough that h/(1 − p) can be checked by eye.
 */
export function hiddenActivations(): Float32Array {
  const rng = new Rng(ACTIVATION_SEED);
  return Float32Array.from({ length: UNITS }, () => Math.round(100 * (0.1 + 0.9 * rng.random())) / 100);
}

/** What the widget asks for. */
export interface ForwardRequest {
  /** Drop probability, 0 ≤ p ≤ 1 (PyTorch 1.13 accepts p = 1 and returns zeros). */
  p: number;
  /** true after model.train(), false after model.eval(). */
  training: boolean;
  /** Seed of the mask generator; pass 1 draws the mask shown. */
  seed: number;
  /** How many forward passes the mean is taken over (≥ 1). */
  passes: number;
  /** false: Srivastava et al.'s unscaled training output m ⊙ h instead of PyTorch's m ⊙ h / (1 − p). */
  scaled: boolean;
}

/** The answer: every array has shape (U,). */
export interface ForwardResult {
  /** The input h. */
  h: Float32Array;
  /** Whether the first pass kept each unit (all true in evaluation mode). */
  kept: boolean[];
  /** The factor the first pass multiplied each unit by: 0 or 1/(1 − p) (1 without the scaling or in eval). */
  factor: Float32Array;
  /** The first pass's output. */
  output: Float32Array;
  /** Mean of the outputs over `passes` passes (float64 sums of the float32 outputs). */
  mean: Float64Array;
  /** What the mean converges to: h, or (1 − p)·h in training mode without the scaling. */
  limit: Float64Array;
  /** max_i |mean_i − h_i|. */
  gapToH: number;
  /** max_i |mean_i − limit_i|. */
  gapToLimit: number;
  /** The number of passes averaged. */
  passes: number;
  /** After k = 1 … passes passes: max_i |running mean_i − limit_i| (index k − 1). */
  gapHistory: Float64Array;
  /** After k = 1 … passes passes: max_i |running mean_i − h_i| (the same as gapHistory unless unscaled). */
  hGapHistory: Float64Array;
}

/**
 * Runs h through nn.Dropout(p) `passes` times. The output is the module's own. The mask comes from
 * a twin nn.Dropout(p) with the same seed applied to ones(U): its rng makes the same draws, so its
 * output is exactly the factor the first module multiplied h by (a zero in h hides its mask otherwise).
 * Without the scaling, the output is h times the twin's 0/1 mask, by the engine's mul.
 */
export function dropoutForward(request: ForwardRequest, h: Float32Array = hiddenActivations()): ForwardResult {
  const { p, training, seed, passes, scaled } = request;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`dropoutForward: expected a probability p from 0 to 1, got ${p}`);
  if (!Number.isInteger(passes) || passes < 1) throw new RangeError(`dropoutForward: expected a whole number of passes ≥ 1, got ${passes}`);
  const input = new Tensor(Float32Array.from(h), [h.length]);
  const unit = ones([h.length]);
  const drop = new nn.Dropout(p, { rng: new Rng(seed) });
  const twin = new nn.Dropout(p, { rng: new Rng(seed) });
  if (training) drop.train();
  else drop.eval();
  twin.train(training);
  const shrink = training && !scaled ? 1 - p : 1;
  const limit = Float64Array.from(h, (v) => shrink * v);
  const sums = new Float64Array(h.length);
  const gapHistory = new Float64Array(passes);
  const hGapHistory = new Float64Array(passes);
  let firstFactor = new Float32Array(0);
  let firstOutput = new Float32Array(0);
  for (let pass = 0; pass < passes; pass++) {
    const scaledOut = drop.forward(input);
    const factor = twin.forward(unit);
    const keep = new Tensor(Float32Array.from(factor.data, (v) => (v === 0 ? 0 : 1)), [h.length]);
    const output = scaled || !training ? scaledOut : mul(input, keep);
    const out = Float32Array.from(output.data);
    let gap = 0;
    let hGap = 0;
    for (let i = 0; i < h.length; i++) {
      sums[i]! += out[i]!;
      const running = sums[i]! / (pass + 1);
      gap = Math.max(gap, Math.abs(running - limit[i]!));
      hGap = Math.max(hGap, Math.abs(running - h[i]!));
    }
    gapHistory[pass] = gap;
    hGapHistory[pass] = hGap;
    if (pass === 0) {
      firstFactor = Float32Array.from(scaled || !training ? factor.data : keep.data);
      firstOutput = out;
    }
  }
  const mean = sums.map((s) => s / passes);
  const gap = (to: ArrayLike<number>): number => Math.max(...Array.from(mean, (m, i) => Math.abs(m - to[i]!)));
  return {
    h,
    kept: Array.from(firstFactor, (f) => f !== 0),
    factor: firstFactor,
    output: firstOutput,
    mean,
    limit,
    gapToH: gap(h),
    gapToLimit: gap(limit),
    passes,
    gapHistory,
    hGapHistory,
  };
}
