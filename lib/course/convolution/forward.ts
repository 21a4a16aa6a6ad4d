/** The convolution widget's forward pass: the engine's conv2d on a picture, in float64. */
import { conv2d, Tensor } from '../../engine';
import type { Picture } from './picture';
import type { ConvSpec } from './window';

/** A picture, C_out filters of shape (C_in, k, k) with biases, and the layer's settings. */
export interface ConvRequest {
  readonly input: Picture;
  /** (C_out, C_in, k, k), row-major. */
  readonly weights: Float64Array<ArrayBuffer>;
  /** (C_out). */
  readonly bias: Float64Array<ArrayBuffer>;
  readonly spec: ConvSpec;
}

/** The output feature maps (C_out, H_out, W_out) and the shape the engine gave them, batch included. */
export interface ConvOutput {
  /** The engine's output shape: [1, C_out, H_out, W_out]. */
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

/**
 * Runs conv2d(x, weight, bias, { stride, padding, dilation }) with x of shape (1, C_in, H, W).
 * Throws the engine's RangeError when the shapes do not fit (for example a kernel larger than the
 * padded input).
 */
export function convolve({ input, weights, bias, spec }: ConvRequest): ConvOutput {
  const { channels, height, width } = input;
  const k = spec.kernel;
  const outChannels = bias.length;
  if (weights.length !== outChannels * channels * k * k) {
    throw new RangeError(`convolve: expected ${outChannels} × ${channels} × ${k} × ${k} = ${outChannels * channels * k * k} weights, got ${weights.length}`);
  }
  const x = new Tensor(input.data, [1, channels, height, width]);
  const w = new Tensor(weights, [outChannels, channels, k, k]);
  const b = new Tensor(bias, [outChannels]);
  const y = conv2d(x, w, b, { stride: spec.stride, padding: spec.padding, dilation: spec.dilation });
  return { shape: [...y.shape], data: y.data instanceof Float64Array ? y.data : Float64Array.from(y.data) };
}
