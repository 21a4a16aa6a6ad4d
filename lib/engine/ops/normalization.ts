/** Batch normalisation, as torch.nn.functional.batch_norm, built from the primitives (no gradient code of its own). */
import type { Tensor } from '../tensor';
import { noGrad } from '../autograd';
import { formatShape } from '../shape';
import { add, div, mul, sqrt, sub } from './arithmetic';
import { mean } from './reductions';

/** batchNorm's options, with PyTorch's defaults: no weight or bias, training false, momentum 0.1, eps 1e-5. */
export interface BatchNormOptions {
  /** Per-channel scale γ, shape (C). */
  readonly weight?: Tensor | null;
  /** Per-channel shift β, shape (C). */
  readonly bias?: Tensor | null;
  /** Normalise with this batch's statistics (and update the running ones) instead of the running ones. */
  readonly training?: boolean;
  /** Weight of the new batch in the running statistics. */
  readonly momentum?: number;
  /** Added to the variance before the square root. */
  readonly eps?: number;
}

/** Throws PyTorch's message unless t holds one number per channel. */
function checkPerChannel(name: string, t: Tensor | null | undefined, C: number): void {
  if (t != null && t.numel() !== C) throw new RangeError(`batchNorm: ${name} should contain ${C} elements not ${t.numel()}`);
}

/**
 * Normalises each channel of x (N, C, *) (* any further dimensions, such as H, W):
 * y = (x − mean) / sqrt(var + eps) · weight + bias, per channel.
 *
 * - training: mean and var are this batch's, over N and * (var biased, divided by their count n);
 *   runningMean and runningVar, if given, are updated in place (mutated) as
 *   running = (1 − momentum) running + momentum · batch statistic, the variance unbiased
 *   (times n / (n − 1)), as PyTorch does.
 * - not training: mean and var are runningMean and runningVar (required).
 *
 * Gradients flow to x, weight and bias (never to the running statistics).
 */
export function batchNorm(x: Tensor, runningMean: Tensor | null, runningVar: Tensor | null, options: BatchNormOptions = {}): Tensor {
  const { weight = null, bias = null, training = false, momentum = 0.1, eps = 1e-5 } = options;
  if (x.ndim < 2) throw new RangeError(`batchNorm: expected an input (N, C, *) of 2 or more dimensions, got ${formatShape(x.shape)}`);
  const C = x.shape[1]!;
  const n = C === 0 ? 0 : x.numel() / C;
  // PyTorch 1.13's checks, in its order and words.
  if (training && n === 1) throw new RangeError(`batchNorm: Expected more than 1 value per channel when training, got input size ${formatShape(x.shape)}`);
  if (runningMean === null && !training) throw new RangeError('batchNorm: running_mean must be defined in evaluation mode');
  checkPerChannel('running_mean', runningMean, C);
  if (runningVar === null && !training) throw new RangeError('batchNorm: running_var must be defined in evaluation mode');
  checkPerChannel('running_var', runningVar, C);
  checkPerChannel('weight', weight, C);
  checkPerChannel('bias', bias, C);

  const perChannel = (t: Tensor): Tensor => t.reshape(x.shape.map((d, i) => (i === 1 ? d : 1)));
  const dims = x.shape.map((_, i) => i).filter((i) => i !== 1);
  let normalized: Tensor;
  if (training) {
    const batchMean = mean(x, dims, true);
    const centered = sub(x, batchMean);
    const batchVar = mean(centered.square(), dims, true);
    normalized = div(centered, sqrt(add(batchVar, eps)));
    if (n > 0) {
      noGrad(() => {
        if (runningMean !== null) blendInto(runningMean, batchMean, momentum, 1);
        if (runningVar !== null) blendInto(runningVar, batchVar, momentum, n / (n - 1));
      });
    }
  } else {
    normalized = div(sub(x, perChannel(runningMean!)), sqrt(add(perChannel(runningVar!), eps)));
  }
  if (weight !== null) normalized = mul(normalized, perChannel(weight));
  if (bias !== null) normalized = add(normalized, perChannel(bias));
  return normalized;
}

/** running = (1 − momentum) running + momentum · scale · batch, element by element. Mutates running. */
function blendInto(running: Tensor, batch: Tensor, momentum: number, scale: number): void {
  const r = running.data;
  for (let c = 0; c < r.length; c++) r[c] = momentum * scale * batch.data[c]! + (1 - momentum) * r[c]!;
}
