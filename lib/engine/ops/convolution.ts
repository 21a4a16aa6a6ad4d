/** Convolution and pooling over images in NCHW layout, with their shape checks. */
import { primitives as P } from '../primitives';
import type { Tensor } from '../tensor';
import type { Geometry } from '../kernels/conv';
import { formatShape } from '../shape';

/** A size for both spatial dimensions, or [height, width]. */
export type Pair = number | readonly [number, number];

/** conv2d's options (PyTorch's defaults: stride 1, padding 0, dilation 1). */
export interface Conv2dOptions {
  readonly stride?: Pair;
  readonly padding?: Pair;
  readonly dilation?: Pair;
}

/** Pooling options (stride defaults to the kernel size, as in PyTorch). */
export interface PoolOptions {
  readonly stride?: Pair;
  readonly padding?: Pair;
  /**
   * Round the output size up instead of down (PyTorch's ceil_mode), keeping a last, partial window
   * as long as it starts inside the input or its left padding.
   */
  readonly ceilMode?: boolean;
}

/** maxPool2d's options: pooling options and dilation. */
export interface MaxPoolOptions extends PoolOptions {
  readonly dilation?: Pair;
}

function pair(op: string, name: string, value: Pair, min: number): [number, number] {
  const [h, w] = typeof value === 'number' ? [value, value] : value;
  if (!Number.isInteger(h) || !Number.isInteger(w) || h < min || w < min) {
    throw new RangeError(`${op}: ${name} must be integers >= ${min}, got ${String(value)}`);
  }
  return [h, w];
}

/**
 * Windows along one dimension: floor((n + 2p − d(k − 1) − 1) / s) + 1, or with ceilMode the same
 * rounded up, less one if that last window would start in the right padding (PyTorch's rule).
 */
function windowCount(n: number, k: number, s: number, p: number, d: number, ceilMode: boolean): number {
  const room = n + 2 * p - d * (k - 1) - 1;
  if (!ceilMode) return Math.floor(room / s) + 1;
  const count = Math.floor((room + s - 1) / s) + 1;
  return (count - 1) * s >= n + p ? count - 1 : count;
}

/** The loop geometry of a windowed op over x (N, C, H, W) with F output channels. */
function geometry(op: string, x: Tensor, F: number, kernel: Pair, stride: Pair, padding: Pair, dilation: Pair, ceilMode = false): Geometry {
  const [N, C, H, W] = x.shape as [number, number, number, number];
  const [KH, KW] = pair(op, 'kernel size', kernel, 1);
  const [sh, sw] = pair(op, 'stride', stride, 1);
  const [ph, pw] = pair(op, 'padding', padding, 0);
  const [dh, dw] = pair(op, 'dilation', dilation, 1);
  const OH = windowCount(H, KH, sh, ph, dh, ceilMode);
  const OW = windowCount(W, KW, sw, pw, dw, ceilMode);
  if (OH < 1 || OW < 1) {
    throw new RangeError(
      `${op}: padded input size per channel (${H + 2 * ph}x${W + 2 * pw}) is smaller than the kernel size (${dh * (KH - 1) + 1}x${dw * (KW - 1) + 1})`,
    );
  }
  return { N, C, H, W, F, KH, KW, OH, OW, sh, sw, ph, pw, dh, dw };
}

/** Runs `f` on a batched (4-D) view of x, accepting unbatched (C, H, W) input as PyTorch does. */
function batched(op: string, x: Tensor, f: (x4: Tensor) => Tensor): Tensor {
  if (x.ndim === 4) return f(x);
  if (x.ndim === 3) return f(x.unsqueeze(0)).squeeze(0);
  throw new RangeError(`${op}: expected a 3-D (unbatched) or 4-D (batched) input, got input of size ${formatShape(x.shape)}`);
}

/**
 * 2-D convolution (cross-correlation, as in PyTorch). Shapes: x (N, C_in, H, W) or (C_in, H, W),
 * weight (C_out, C_in, kH, kW), bias (C_out) -> (N, C_out, H_out, W_out) with
 * H_out = floor((H + 2 padding - dilation (kH - 1) - 1) / stride) + 1, W_out likewise.
 */
export const conv2d = (x: Tensor, weight: Tensor, bias: Tensor | null = null, options: Conv2dOptions = {}): Tensor =>
  batched('conv2d', x, (x4) => {
    if (weight.ndim !== 4) {
      throw new RangeError(`conv2d: expected a 4-D weight (out_channels, in_channels, kH, kW), got ${formatShape(weight.shape)}`);
    }
    const [F, C, KH, KW] = weight.shape as [number, number, number, number];
    if (x4.shape[1] !== C) throw new RangeError(`conv2d: expected ${C} input channels, got ${x4.shape[1]}`);
    if (bias !== null && (bias.ndim !== 1 || bias.shape[0] !== F)) {
      throw new RangeError(`conv2d: expected bias of shape [${F}], got ${formatShape(bias.shape)}`);
    }
    const geo = geometry('conv2d', x4, F, [KH, KW], options.stride ?? 1, options.padding ?? 0, options.dilation ?? 1);
    return P.conv2d(x4, weight, bias, geo);
  });

/**
 * PyTorch's two padding checks, in its order: pad ≤ half the effective (dilated) kernel, height
 * first (pooling_output_shape), then pad ≤ half the kernel itself (pool2d_shape_check).
 */
function checkPoolPadding(op: string, kernel: Pair, padding: Pair, dilation: Pair): void {
  const [KH, KW] = pair(op, 'kernel size', kernel, 1);
  const [ph, pw] = pair(op, 'padding', padding, 0);
  const [dh, dw] = pair(op, 'dilation', dilation, 1);
  for (const [p, k, d] of [[ph, KH, dh], [pw, KW, dw]] as const) {
    if (p > Math.floor(((k - 1) * d + 1) / 2)) {
      throw new RangeError(`${op}: pad should be at most half of effective kernel size, but got pad=${p}, kernel_size=${k} and dilation=${d}`);
    }
  }
  if (2 * ph > KH || 2 * pw > KW) {
    throw new RangeError(`${op}: pad should be smaller than or equal to half of kernel size, but got padW = ${pw}, padH = ${ph}, kW = ${KW}, kH = ${KH}`);
  }
}

function poolGeometry(op: string, x4: Tensor, kernelSize: Pair, options: MaxPoolOptions): Geometry {
  const { stride = kernelSize, padding = 0, dilation = 1, ceilMode = false } = options;
  checkPoolPadding(op, kernelSize, padding, dilation);
  return geometry(op, x4, x4.shape[1]!, kernelSize, stride, padding, dilation, ceilMode);
}

/** Max over kernelSize windows. Shapes: (N, C, H, W) or (C, H, W) -> (N, C, H_out, W_out), sizes as in conv2d. */
export const maxPool2d = (x: Tensor, kernelSize: Pair, options: MaxPoolOptions = {}): Tensor =>
  batched('maxPool2d', x, (x4) => P.maxPool2d(x4, poolGeometry('maxPool2d', x4, kernelSize, options)));

/**
 * Mean over kernelSize windows, zero padding counted (PyTorch's count_include_pad); a window that
 * ceilMode lets hang past the padding is divided by the part inside it, as PyTorch does.
 */
export const avgPool2d = (x: Tensor, kernelSize: Pair, options: PoolOptions = {}): Tensor =>
  batched('avgPool2d', x, (x4) => P.avgPool2d(x4, poolGeometry('avgPool2d', x4, kernelSize, options)));
