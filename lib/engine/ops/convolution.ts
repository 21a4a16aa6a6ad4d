/** Convolution and pooling over images in NCHW layout, with their shape checks. */
import { primitives as P } from '../primitives';
import type { Tensor } from '../tensor';
import type { Geometry } from '../kernels/conv';
import { formatShape } from '../shape';
import { pad } from './shaping';

/** A size for both spatial dimensions, or [height, width]. */
export type Pair = number | readonly [number, number];

/**
 * conv2d's padding: zeros added on each side, or 'valid' (none) or 'same' (the output keeps the
 * input's size; stride must be 1, and an odd total d (k − 1) puts the extra row or column at the
 * bottom or right, as PyTorch does).
 */
export type Conv2dPadding = Pair | 'same' | 'valid';

/** conv2d's options (PyTorch's defaults: stride 1, padding 0, dilation 1, groups 1). */
export interface Conv2dOptions {
  readonly stride?: Pair;
  readonly padding?: Conv2dPadding;
  readonly dilation?: Pair;
  /** Split the channels into this many groups, each convolved with its own filters (C_in and C_out divisible by it). */
  readonly groups?: number;
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

/** avgPool2d's options: pooling options and whether padding counts in each mean. */
export interface AvgPoolOptions extends PoolOptions {
  /** Count the zeros of the padding in each window's mean (PyTorch's count_include_pad, default true). */
  readonly countIncludePad?: boolean;
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

/**
 * The loop geometry of a windowed op over x (N, C, H, W) with F output channels. When no window
 * fits, it throws PyTorch 1.13's message: conv2d names the padded input and the dilated kernel,
 * the pools the input and the output size they calculated (rounded as ceilMode says).
 */
function geometry(op: string, x: Tensor, F: number, kernel: Pair, stride: Pair, padding: Pair, dilation: Pair, ceilMode = false, G = 1): Geometry {
  const [N, C, H, W] = x.shape as [number, number, number, number];
  const [KH, KW] = pair(op, 'kernel size', kernel, 1);
  const [sh, sw] = pair(op, 'stride', stride, 1);
  const [ph, pw] = pair(op, 'padding', padding, 0);
  const [dh, dw] = pair(op, 'dilation', dilation, 1);
  const OH = windowCount(H, KH, sh, ph, dh, ceilMode);
  const OW = windowCount(W, KW, sw, pw, dw, ceilMode);
  if (OH < 1 || OW < 1) {
    throw new RangeError(
      op === 'conv2d'
        ? `${op}: Calculated padded input size per channel: (${H + 2 * ph} x ${W + 2 * pw}). Kernel size: (${dh * (KH - 1) + 1} x ${dw * (KW - 1) + 1}). Kernel size can't be greater than actual input size`
        : `${op}: Given input size: (${C}x${H}x${W}). Calculated output size: (${C}x${OH}x${OW}). Output size is too small`,
    );
  }
  return { N, C, H, W, F, KH, KW, OH, OW, sh, sw, ph, pw, dh, dw, G };
}

/** Runs `f` on a batched (4-D) view of x, accepting unbatched (C, H, W) input as PyTorch does. */
export function batched(op: string, x: Tensor, f: (x4: Tensor) => Tensor): Tensor {
  if (x.ndim === 4) return f(x);
  if (x.ndim === 3) return f(x.unsqueeze(0)).squeeze(0);
  // PyTorch 1.13's words for conv2d; the pools' own messages differ by op (and avg_pool2d's is an IndexError), so they get ours.
  if (op === 'conv2d') throw new RangeError(`conv2d: Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: ${formatShape(x.shape)}`);
  throw new RangeError(`${op}: expected a 3-D (unbatched) or 4-D (batched) input, got input of size ${formatShape(x.shape)}`);
}

/**
 * 2-D convolution (cross-correlation, as in PyTorch). Shapes: x (N, C_in, H, W) or (C_in, H, W),
 * weight (C_out, C_in / groups, kH, kW), bias (C_out) -> (N, C_out, H_out, W_out) with
 * H_out = floor((H + 2 padding - dilation (kH - 1) - 1) / stride) + 1, W_out likewise
 * (H_out = H with padding 'same'). With groups G, output channels j·C_out/G to (j+1)·C_out/G − 1
 * see only input channels j·C_in/G to (j+1)·C_in/G − 1.
 */
export const conv2d = (x: Tensor, weight: Tensor, bias: Tensor | null = null, options: Conv2dOptions = {}): Tensor =>
  batched('conv2d', x, (x4) => {
    if (weight.ndim !== 4) {
      throw new RangeError(`conv2d: expected a 4-D weight (out_channels, in_channels / groups, kH, kW), got ${formatShape(weight.shape)}`);
    }
    const { stride = 1, dilation = 1, groups = 1 } = options;
    const [F, Cg, KH, KW] = weight.shape as [number, number, number, number];
    if (!Number.isInteger(groups)) throw new RangeError(`conv2d: groups must be a positive integer, got ${groups}`);
    if (groups <= 0) throw new RangeError('conv2d: non-positive groups is not supported');
    const { input, padding } = applyPaddingString(x4, options.padding ?? 0, stride, [KH, KW], dilation);
    // PyTorch 1.13's checks and words, in its order. (The doubled brackets are PyTorch's.)
    if (F % groups !== 0) {
      throw new RangeError(`conv2d: Given groups=${groups}, expected weight to be divisible by ${groups} at dimension 0, but got weight of size [${formatShape(weight.shape)}] instead`);
    }
    if (input.shape[1] !== Cg * groups) {
      throw new RangeError(
        `conv2d: Given groups=${groups}, weight of size ${formatShape(weight.shape)}, expected input${formatShape(input.shape)} to have ${Cg * groups} channels, but got ${input.shape[1]} channels instead`,
      );
    }
    if (bias !== null && (bias.ndim !== 1 || bias.shape[0] !== F)) {
      throw new RangeError(`conv2d: Given weight of size ${formatShape(weight.shape)}, expected bias to be 1-dimensional with ${F} elements, but got bias of size ${formatShape(bias.shape)} instead`);
    }
    const geo = geometry('conv2d', input, F, [KH, KW], stride, padding, dilation, false, groups);
    return P.conv2d(input, weight, bias, geo);
  });

/**
 * Resolves a padding string as PyTorch does: 'valid' is 0; 'same' needs stride 1 and pads d (k − 1)
 * in total, half each side, the odd extra row or column at the bottom or right (added to the input
 * here, so that shape errors quote the padded input, as PyTorch's do).
 */
function applyPaddingString(x4: Tensor, padding: Conv2dPadding, stride: Pair, kernel: readonly [number, number], dilation: Pair): { input: Tensor; padding: Pair } {
  if (typeof padding !== 'string') return { input: x4, padding };
  if (padding === 'valid') return { input: x4, padding: 0 };
  if (padding !== 'same') throw new RangeError(`conv2d: Invalid padding string: '${String(padding)}'`);
  const [sh, sw] = pair('conv2d', 'stride', stride, 1);
  if (sh !== 1 || sw !== 1) throw new RangeError("conv2d: padding='same' is not supported for strided convolutions");
  const [dh, dw] = pair('conv2d', 'dilation', dilation, 1);
  const total = [dh * (kernel[0] - 1), dw * (kernel[1] - 1)] as const;
  const extra = [total[0] % 2, total[1] % 2] as const;
  const input = extra[0] || extra[1] ? pad(x4, [0, extra[1], 0, extra[0]]) : x4;
  return { input, padding: [Math.floor(total[0] / 2), Math.floor(total[1] / 2)] };
}

/**
 * PyTorch 1.13's padding check (pooling_output_shape): each padding at most half its kernel size,
 * height first; dilation plays no part. (Newer PyTorch, e.g. the main branch's Pool.h at commit
 * 05f542c, measures against the dilated kernel instead, so accepts more padding when dilated, and
 * words it "pad should be at most half of effective kernel size, but got pad=3, kernel_size=3 and
 * dilation=2".)
 */
function checkPoolPadding(op: string, kernel: Pair, padding: Pair): void {
  const [KH, KW] = pair(op, 'kernel size', kernel, 1);
  const [ph, pw] = pair(op, 'padding', padding, 0);
  for (const [p, k] of [[ph, KH], [pw, KW]] as const) {
    if (p > Math.floor(k / 2)) throw new RangeError(`${op}: pad should be at most half of kernel size, but got pad=${p} and kernel_size=${k}`);
  }
}

function poolGeometry(op: string, x4: Tensor, kernelSize: Pair, options: MaxPoolOptions): Geometry {
  const { stride = kernelSize, padding = 0, dilation = 1, ceilMode = false } = options;
  checkPoolPadding(op, kernelSize, padding);
  return geometry(op, x4, x4.shape[1]!, kernelSize, stride, padding, dilation, ceilMode);
}

/** Max over kernelSize windows. Shapes: (N, C, H, W) or (C, H, W) -> (N, C, H_out, W_out), sizes as in conv2d. */
export const maxPool2d = (x: Tensor, kernelSize: Pair, options: MaxPoolOptions = {}): Tensor =>
  batched('maxPool2d', x, (x4) => P.maxPool2d(x4, poolGeometry('maxPool2d', x4, kernelSize, options)));

/**
 * Mean over kernelSize windows, zero padding counted unless countIncludePad is false; a window that
 * ceilMode lets hang past the padding is divided by the part inside it, as PyTorch does.
 */
export const avgPool2d = (x: Tensor, kernelSize: Pair, options: AvgPoolOptions = {}): Tensor =>
  batched('avgPool2d', x, (x4) => P.avgPool2d(x4, poolGeometry('avgPool2d', x4, kernelSize, options), options.countIncludePad ?? true));
