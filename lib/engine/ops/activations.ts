/** Activation functions and dropout. */
import { primitives as P } from '../primitives';
import { Tensor } from '../tensor';
import type { Rng } from '../random';
import { formatShape, normalizeDim } from '../shape';
import { allocate, type Data, type DType } from '../storage';
import { add, div, erf, exp, ge, gt, le, mul, sub, where } from './arithmetic';

/** tanh(x). */
export const tanh = (x: Tensor): Tensor => P.tanh(x);
/** 1 / (1 + e^-x). */
export const sigmoid = (x: Tensor): Tensor => P.sigmoid(x);
/** max(x, 0); its gradient at 0 is 0. */
export const relu = (x: Tensor): Tensor => P.relu(x);
/**
 * log(1 + e^(beta x)) / beta, computed without overflow, and x itself where beta x > threshold
 * (PyTorch's defaults: beta 1, threshold 20).
 */
export const softplus = (x: Tensor, beta = 1, threshold = 20): Tensor => {
  const scaled = beta === 1 ? x : mul(x, beta);
  const smooth = beta === 1 ? P.softplus(scaled) : div(P.softplus(scaled), beta);
  return where(gt(scaled, threshold), x, smooth);
};
/** x where x > 0, else negativeSlope * x. */
export const leakyRelu = (x: Tensor, negativeSlope = 0.01): Tensor => where(gt(x, 0), x, mul(x, negativeSlope));
/** x where x > 0, else alpha (e^x − 1) (PyTorch's default alpha: 1). */
export const elu = (x: Tensor, alpha = 1): Tensor => {
  const positive = gt(x, 0);
  // e^x only where x <= 0: e^x of a large x would be Infinity, and 0 · Infinity a NaN gradient.
  return where(positive, x, mul(sub(exp(where(positive, 0, x)), 1), alpha));
};
/**
 * x clamped to [minVal, maxVal] with gradient 1 strictly inside and 0 at the bounds and outside,
 * as PyTorch's hardtanh (defaults -1 and 1).
 */
export const hardtanh = (x: Tensor, minVal = -1, maxVal = 1): Tensor => where(le(x, minVal), minVal, where(ge(x, maxVal), maxVal, x));
/** min(max(x, 0), 6): hardtanh(x, 0, 6). */
export const relu6 = (x: Tensor): Tensor => hardtanh(x, 0, 6);
const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
/**
 * Gaussian error linear unit x Φ(x), Φ the standard normal distribution function:
 * x/2 (1 + erf(x/√2)), or with approximate 'tanh' x/2 (1 + tanh(√(2/π) (x + 0.044715 x³))).
 */
export const gelu = (x: Tensor, approximate: 'none' | 'tanh' = 'none'): Tensor => {
  if (approximate === 'none') return mul(mul(x, 0.5), add(erf(mul(x, Math.SQRT1_2)), 1));
  if (approximate === 'tanh') return mul(mul(x, 0.5), add(tanh(mul(add(x, mul(mul(mul(x, x), x), 0.044715)), SQRT_2_OVER_PI)), 1));
  throw new RangeError(`gelu: approximate argument must be either none or tanh. Got '${String(approximate)}'`);
};
/** x * sigmoid(x) (also called swish). */
export const silu = (x: Tensor): Tensor => mul(x, sigmoid(x));
/** log(softmax(x)) along `dim`, computed stably. */
export const logSoftmax = (x: Tensor, dim: number): Tensor => P.logSoftmax(x, normalizeDim('logSoftmax', dim, x.ndim));
/** e^x / sum(e^x) along `dim`, computed stably. */
export const softmax = (x: Tensor, dim: number): Tensor => exp(logSoftmax(x, dim));

/** dropout's options: `training` false makes it the identity (as in eval mode). */
export interface DropoutOptions {
  readonly training?: boolean;
  readonly rng: Rng;
}

/**
 * Zeroes each element with probability p and scales the rest by 1 / (1 - p), so the expected value
 * is unchanged. Draws one uniform number per element from `rng`.
 */
export const dropout = (x: Tensor, p: number, { training = true, rng }: DropoutOptions): Tensor => {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`dropout: probability has to be between 0 and 1, but got ${p}`);
  if (!training || p === 0) return x;
  return mul(x, new Tensor(keepMask(x.dtype, x.numel(), p, rng), x.shape));
};

/** `count` factors, each 0 with probability p and 1 / (1 - p) otherwise; one draw from rng each. */
function keepMask(dtype: DType, count: number, p: number, rng: Rng): Data {
  const mask = allocate(dtype, count);
  const scale = p === 1 ? 0 : 1 / (1 - p);
  for (let i = 0; i < count; i++) mask[i] = rng.random() < p ? 0 : scale;
  return mask;
}

/**
 * Channel dropout (PyTorch 1.13's dropout2d): zeroes whole channels, each with probability p, and
 * scales the rest by 1 / (1 - p). x is (N, C, H, W), or 3-D, which PyTorch 1.13 reads as (N, C, L)
 * (one draw per x[n, c]). Draws one uniform number per channel from `rng`.
 */
export const dropout2d = (x: Tensor, p: number, { training = true, rng }: DropoutOptions): Tensor => {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`dropout2d: probability has to be between 0 and 1, but got ${p}`);
  if (x.ndim !== 3 && x.ndim !== 4) throw new RangeError(`dropout2d: expected a 3-D or 4-D input, got ${formatShape(x.shape)}`);
  if (!training || p === 0) return x;
  const [n, c] = x.shape as [number, number];
  return mul(x, new Tensor(keepMask(x.dtype, n * c, p, rng), x.ndim === 4 ? [n, c, 1, 1] : [n, c, 1]));
};
