/** Activation functions and dropout. */
import { primitives as P } from '../primitives';
import { Tensor } from '../tensor';
import type { Rng } from '../../random';
import { normalizeDim } from '../shape';
import { allocate } from '../storage';
import { exp, gt, mul, where } from './arithmetic';

/** tanh(x). */
export const tanh = (x: Tensor): Tensor => P.tanh(x);
/** 1 / (1 + e^-x). */
export const sigmoid = (x: Tensor): Tensor => P.sigmoid(x);
/** max(x, 0); its gradient at 0 is 0. */
export const relu = (x: Tensor): Tensor => P.relu(x);
/** log(1 + e^x), computed without overflow. */
export const softplus = (x: Tensor): Tensor => P.softplus(x);
/** x where x > 0, else negativeSlope * x. */
export const leakyRelu = (x: Tensor, negativeSlope = 0.01): Tensor => where(gt(x, 0), x, mul(x, negativeSlope));
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
  const mask = allocate(x.dtype, x.numel());
  const scale = p === 1 ? 0 : 1 / (1 - p);
  for (let i = 0; i < mask.length; i++) mask[i] = rng.random() < p ? 0 : scale;
  return mul(x, new Tensor(mask, x.shape));
};
