/** nn.Linear: y = x W^T + b. */
import { Module } from './module';
import { kaimingUniform, uniform } from './init';
import { linear } from '../ops/linalg';
import { zeros } from '../create';
import type { Tensor } from '../tensor';
import type { Rng } from '../random';
import type { DType } from '../storage';

/** Options of layers with weights: the rng that draws them (required), bias (default true), dtype. */
export interface LayerOptions {
  readonly rng: Rng;
  readonly bias?: boolean;
  readonly dtype?: DType;
}

/**
 * Initialises weight and bias as PyTorch's Linear and Conv2d do: weight from kaiming_uniform with
 * a = sqrt(5), which is U(-1/sqrt(fan_in), 1/sqrt(fan_in)), and bias from the same range.
 * Mutates both; advances rng.
 */
export function resetLayer(weight: Tensor, bias: Tensor | null, rng: Rng): void {
  kaimingUniform(weight, rng, { a: Math.sqrt(5) });
  const fanIn = weight.shape.slice(1).reduce((a, b) => a * b, 1);
  const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
  if (bias !== null) uniform(bias, rng, -bound, bound);
}

/**
 * Fully connected layer. Shapes: input (*, H_in) -> output (*, H_out), * any leading dimensions.
 * Parameters: weight (H_out, H_in), bias (H_out).
 */
export class Linear extends Module {
  /** (outFeatures, inFeatures). */
  readonly weight: Tensor;
  /** (outFeatures), or null when created with bias: false. */
  readonly bias: Tensor | null;

  /** A layer from inFeatures to outFeatures inputs, initialised as in PyTorch from options.rng. */
  constructor(readonly inFeatures: number, readonly outFeatures: number, { rng, bias = true, dtype }: LayerOptions) {
    super();
    const options = dtype === undefined ? {} : { dtype };
    this.weight = this.registerParameter('weight', zeros([outFeatures, inFeatures], options));
    this.bias = bias ? this.registerParameter('bias', zeros([outFeatures], options)) : null;
    resetLayer(this.weight, this.bias, rng);
  }

  /** x W^T + b. */
  forward(x: Tensor): Tensor {
    return linear(x, this.weight, this.bias);
  }
}
