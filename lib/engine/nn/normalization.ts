/** nn.BatchNorm2d. */
import { Module } from './module';
import { batchNorm } from '../ops/normalization';
import { ones, zeros } from '../create';
import type { Tensor } from '../tensor';
import type { DType } from '../storage';

/** BatchNorm2d's options, with PyTorch's defaults: eps 1e-5, momentum 0.1, affine true, trackRunningStats true. */
export interface BatchNormOptions {
  /** Added to the variance before the square root. */
  readonly eps?: number;
  /** Weight of each new batch in the running statistics; null for their plain average over all batches so far. */
  readonly momentum?: number | null;
  /** Learn a per-channel scale (weight, starting at 1) and shift (bias, starting at 0). */
  readonly affine?: boolean;
  /** Keep running statistics for evaluation; without them, every mode uses the batch's own statistics. */
  readonly trackRunningStats?: boolean;
  readonly dtype?: DType;
}

/**
 * Batch normalisation over the channels of NCHW images. Shapes: (N, C, H, W) -> (N, C, H, W).
 * Parameters: weight (C), bias (C) when affine. Buffers: running_mean (C), running_var (C) when
 * tracking running statistics.
 *
 * In training mode each channel is normalised with the mean and (biased) variance of this batch
 * over N, H and W, and the running statistics move towards them (the variance unbiased, as in
 * PyTorch); in eval mode the running statistics are used instead.
 */
export class BatchNorm2d extends Module {
  /** (C): the scale γ, or null without affine. */
  readonly weight: Tensor | null;
  /** (C): the shift β, or null without affine. */
  readonly bias: Tensor | null;
  /** (C): running mean, starting at 0; null without trackRunningStats. */
  readonly runningMean: Tensor | null;
  /** (C): running variance, starting at 1; null without trackRunningStats. */
  readonly runningVar: Tensor | null;
  /** Training batches seen (PyTorch's num_batches_tracked). */
  numBatchesTracked = 0;
  readonly eps: number;
  readonly momentum: number | null;

  /** Batch normalisation of numFeatures channels. */
  constructor(readonly numFeatures: number, { eps = 1e-5, momentum = 0.1, affine = true, trackRunningStats = true, dtype }: BatchNormOptions = {}) {
    super();
    const options = dtype === undefined ? {} : { dtype };
    this.eps = eps;
    this.momentum = momentum;
    this.weight = affine ? this.registerParameter('weight', ones([numFeatures], options)) : null;
    this.bias = affine ? this.registerParameter('bias', zeros([numFeatures], options)) : null;
    this.runningMean = trackRunningStats ? this.registerBuffer('running_mean', zeros([numFeatures], options)) : null;
    this.runningVar = trackRunningStats ? this.registerBuffer('running_var', ones([numFeatures], options)) : null;
  }

  /** Normalises x (N, C, H, W). In training mode with running statistics, updates them (mutates). */
  forward(x: Tensor): Tensor {
    if (x.ndim !== 4) throw new RangeError(`BatchNorm2d: expected 4D input (got ${x.ndim}D input)`);
    const tracking = this.runningMean !== null;
    let momentum = 0;
    if (this.training && tracking) {
      this.numBatchesTracked += 1;
      momentum = this.momentum ?? 1 / this.numBatchesTracked;
    }
    return batchNorm(x, this.runningMean, this.runningVar, {
      weight: this.weight,
      bias: this.bias,
      training: this.training || !tracking,
      momentum,
      eps: this.eps,
    });
  }
}
