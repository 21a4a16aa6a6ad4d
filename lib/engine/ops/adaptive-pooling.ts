/** Adaptive pooling: pools an image to a chosen output size, whatever the input's size. */
import { primitives as P } from '../primitives';
import type { Tensor } from '../tensor';
import { formatShape } from '../shape';
import { batched } from './convolution';

/** An output size for both dimensions, or [height, width] where null keeps that input dimension. */
export type AdaptiveSize = number | readonly [number | null, number | null];

/** The output size for x (N, C, H, W), after PyTorch 1.13's checks and in its words. */
function resolveOutputSize(op: string, x: Tensor, size: AdaptiveSize): [number, number] {
  if (x.ndim !== 3 && x.ndim !== 4) throw new RangeError(`${op}: Expected 3D or 4D tensor, but got ${formatShape(x.shape)}`);
  const pair = typeof size === 'number' ? [size, size] : size;
  if (pair.length !== 2) throw new RangeError(`${op}: output_size must be 2`);
  const [h, w] = [pair[0] ?? x.shape[x.ndim - 2]!, pair[1] ?? x.shape[x.ndim - 1]!];
  if (!Number.isInteger(h) || !Number.isInteger(w)) throw new RangeError(`${op}: output_size must be integers, got ${String(size)}`);
  if (h < 0 || w < 0) throw new RangeError(`${op}: elements of output_size must be greater than or equal to 0 but received {${h}, ${w}}`);
  for (const dim of [x.ndim - 2, x.ndim - 1]) {
    if (x.shape[dim] === 0) {
      throw new RangeError(`${op}: Expected input to have non-zero size for non-batch dimensions, but input has sizes ${formatShape(x.shape)} with dimension ${dim} being empty`);
    }
  }
  return [h, w];
}

/**
 * Mean over windows chosen so that the output is outputSize: output cell (i, j) averages input rows
 * floor(i H / H_out) to ceil((i + 1) H / H_out) − 1 and the columns likewise (PyTorch's windows,
 * which overlap when H_out does not divide H). Shapes: (N, C, H, W) or (C, H, W) -> (N, C, H_out, W_out).
 */
export const adaptiveAvgPool2d = (x: Tensor, outputSize: AdaptiveSize): Tensor => {
  const size = resolveOutputSize('adaptiveAvgPool2d', x, outputSize);
  return batched('adaptiveAvgPool2d', x, (x4) => P.adaptiveAvgPool2d(x4, size));
};

/** Max over the windows of adaptiveAvgPool2d; the gradient goes to the first maximum of each window. Shapes as there. */
export const adaptiveMaxPool2d = (x: Tensor, outputSize: AdaptiveSize): Tensor => {
  const size = resolveOutputSize('adaptiveMaxPool2d', x, outputSize);
  return batched('adaptiveMaxPool2d', x, (x4) => P.adaptiveMaxPool2d(x4, size));
};
