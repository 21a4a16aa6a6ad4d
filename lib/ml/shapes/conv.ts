/**
 * Output sizes of convolution and pooling, as PyTorch defines them (nn.Conv2d, nn.MaxPool2d,
 * nn.AvgPool2d), computed without building any tensor. Each size is
 *
 *   H_out = floor((H + 2p − d(k − 1) − 1) / s) + 1
 *
 * with k the kernel size, s the stride, p the zero padding and d the dilation (1 for pooling).
 * Pooling's ceil_mode=True rounds up instead, then drops a last window that would start in the
 * right padding.
 */

/** Kernel, stride, padding and dilation along one spatial dimension. */
export interface WindowSpec {
  kernel: number;
  stride: number;
  padding: number;
  dilation: number;
  /** Pooling's ceil_mode: round the division up (default false: down). */
  ceilMode?: boolean;
}

/** The output size along one dimension, or the reason there is none. */
export type SizeResult = { ok: true; size: number; exact: boolean } | { ok: false; reason: string };

/**
 * H_out = floor((H + 2p − d(k − 1) − 1) / s) + 1 for one dimension. `exact` is false when the
 * division leaves a remainder, i.e. the last rows of the (padded) input are never covered (or,
 * with ceilMode, are covered by a last window that hangs over the edge).
 */
export function windowOutputSize(input: number, { kernel, stride, padding, dilation, ceilMode = false }: WindowSpec): SizeResult {
  for (const [name, value, min] of [
    ['input size', input, 1],
    ['kernel_size', kernel, 1],
    ['stride', stride, 1],
    ['padding', padding, 0],
    ['dilation', dilation, 1],
  ] as const) {
    if (!Number.isInteger(value) || value < min) return { ok: false, reason: `${name} must be a whole number ≥ ${min}, got ${value}` };
  }
  const span = dilation * (kernel - 1) + 1;
  const padded = input + 2 * padding;
  const numerator = padded - span;
  const size = windowFormula(input, { kernel, stride, padding, dilation, ceilMode });
  if (size < 1) {
    return {
      ok: false,
      reason: `the kernel covers ${span} ${dilation > 1 ? `(dilation ${dilation} × (${kernel} − 1) + 1) ` : ''}but the padded input is only ${padded} (${input} + 2 × ${padding})`,
    };
  }
  return { ok: true, size, exact: numerator % stride === 0 };
}

/**
 * The size the formula gives, below 1 too (PyTorch quotes it in "Output size is too small"), as
 * PyTorch's pooling_output_shape computes it: floor((H + 2p − d(k − 1) − 1 + (s − 1 if ceilMode)) / s) + 1,
 * rounding toward −∞, then with ceilMode one less if the last window would start in the right padding.
 */
export function windowFormula(input: number, { kernel, stride, padding, dilation, ceilMode = false }: WindowSpec): number {
  const numerator = input + 2 * padding - dilation * (kernel - 1) - 1;
  if (!ceilMode) return Math.floor(numerator / stride) + 1;
  const size = Math.floor((numerator + stride - 1) / stride) + 1;
  return (size - 1) * stride >= input + padding ? size - 1 : size;
}

/** Trainable parameters of nn.Conv2d(C_in, C_out, k): C_out · (C_in/groups · k_h · k_w) weights and C_out biases. */
export function conv2dParameterCount(
  inChannels: number,
  outChannels: number,
  kernel: readonly [number, number],
  { bias = true, groups = 1 }: { bias?: boolean; groups?: number } = {},
): { weights: number; biases: number } {
  return { weights: outChannels * (inChannels / groups) * kernel[0] * kernel[1], biases: bias ? outChannels : 0 };
}

/** Trainable parameters of nn.Linear(in, out): in · out weights and out biases. */
export function linearParameterCount(inFeatures: number, outFeatures: number, bias = true): { weights: number; biases: number } {
  return { weights: inFeatures * outFeatures, biases: bias ? outFeatures : 0 };
}
