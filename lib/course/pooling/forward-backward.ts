/** The pooling widget's computation: the engine's maxPool2d or avgPool2d forward, then backward() with the reader's upstream gradient. */
import { avgPool2d, maxPool2d, Tensor } from '../../engine';
import type { PoolMode, PoolSpec } from './pool';

/** A feature map (H × W, row-major), the pooling settings, and dL/dy for the output (H_out × W_out, row-major). */
export interface PoolRequest {
  readonly mode: PoolMode;
  readonly map: Float64Array;
  readonly height: number;
  readonly width: number;
  readonly spec: PoolSpec;
  /** The upstream gradient dL/dy; it must have the output's size. */
  readonly upstream: Float64Array;
}

/** The pooled map y, and dL/dx that backward() sent to the input. */
export interface PoolResult {
  /** The engine's output shape (1, 1, H_out, W_out). */
  readonly shape: readonly number[];
  readonly output: Float64Array;
  /** dL/dx, H × W, row-major. */
  readonly inputGrad: Float64Array;
}

/**
 * y = pool(x) with x of shape (1, 1, H, W) in float64, then y.backward(dL/dy): x.grad is where
 * the upstream gradient goes. Throws the engine's RangeError for settings PyTorch refuses, and a
 * RangeError when the upstream gradient does not match the output.
 */
export function poolForwardBackward({ mode, map, height, width, spec, upstream }: PoolRequest): PoolResult {
  const x = new Tensor(Float64Array.from(map), [1, 1, height, width], true);
  const options = { stride: spec.stride, padding: spec.padding };
  const y = mode === 'max' ? maxPool2d(x, spec.kernel, options) : avgPool2d(x, spec.kernel, options);
  if (upstream.length !== y.numel()) {
    throw new RangeError(`poolForwardBackward: expected an upstream gradient of ${y.numel()} values (${y.shape.slice(2).join(' × ')}), got ${upstream.length}`);
  }
  y.backward(new Tensor(Float64Array.from(upstream), y.shape));
  const grad = x.grad;
  if (grad === null) throw new Error('poolForwardBackward: backward() left no gradient on the input');
  return { shape: [...y.shape], output: Float64Array.from(y.data), inputGrad: Float64Array.from(grad.data) };
}
