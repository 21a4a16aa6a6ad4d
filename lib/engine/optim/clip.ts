/** Gradient clipping, as torch.nn.utils.clip_grad_norm_ and clip_grad_value_. */
import type { Tensor } from '../tensor';

function gradients(params: Iterable<Tensor>): Tensor[] {
  const out: Tensor[] = [];
  for (const p of params) if (p.grad !== null) out.push(p.grad);
  return out;
}

/** The global L2 norm of all gradients: sqrt of the sum of every squared element (in double precision). */
export function gradNorm(params: Iterable<Tensor>): number {
  let sum = 0;
  for (const p of params) {
    if (p.grad === null) continue;
    const g = p.grad.data;
    for (let i = 0; i < g.length; i++) sum += g[i]! * g[i]!;
  }
  return Math.sqrt(sum);
}

const FLOAT32_MAX = 3.4028234663852886e38;

/**
 * The L2 norm of `values` as PyTorch 1.13 computes a float32 norm on the CPU: each square is a
 * float32 (tiny ones flush to 0) and so is the running sum, so the result is Infinity as soon as
 * the sum of squares passes float32's largest value (a norm above about 1.8 × 10¹⁹), although the
 * norm itself would fit.
 */
export function float32Norm(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    sum += Math.fround(v * v);
  }
  if (sum > FLOAT32_MAX) return Infinity;
  return Math.fround(Math.sqrt(Math.fround(sum)));
}

/** Options of clipGradNorm, PyTorch's defaults. */
export interface ClipGradNormOptions {
  /** Throw instead of scaling when the total norm is Infinity or NaN (PyTorch's `error_if_nonfinite`). */
  readonly errorIfNonfinite?: boolean;
}

/**
 * clip_grad_norm_ as in PyTorch 1.13: the total norm is the float32 norm of the per-tensor float32
 * norms (see float32Norm), and every gradient is multiplied by min(1, maxNorm / (totalNorm + 1e-6)).
 * With a non-finite total the multiplier is 0 (norm Infinity: finite entries become 0 and infinite
 * ones NaN, since 0 · ∞ = NaN) or NaN (norm NaN: every entry becomes NaN), unless
 * `errorIfNonfinite`, which throws and leaves the gradients alone. Returns the total norm before
 * clipping. Mutates `.grad`.
 */
export function clipGradNorm(params: Iterable<Tensor>, maxNorm: number, { errorIfNonfinite = false }: ClipGradNormOptions = {}): number {
  const grads = gradients(params);
  if (grads.length === 0) return 0;
  const total = float32Norm(grads.map((g) => float32Norm(g.data)));
  if (errorIfNonfinite && !Number.isFinite(total)) {
    throw new RangeError(
      `clipGradNorm: the total norm of order 2 for gradients from \`parameters\` is non-finite (${total}), so it cannot be clipped. ` +
        'To scale the gradients by the non-finite norm anyway, pass errorIfNonfinite: false',
    );
  }
  // PyTorch multiplies unconditionally (clamp keeps NaN), so a NaN norm turns every gradient into NaN.
  const coefficient = Math.fround(Math.fround(maxNorm) / Math.fround(total + Math.fround(1e-6)));
  const clamped = coefficient > 1 ? 1 : coefficient;
  if (clamped !== 1) for (const g of grads) for (let i = 0; i < g.data.length; i++) g.data[i] = g.data[i]! * clamped;
  return total;
}

/** Clamps every gradient element to [-clipValue, clipValue]. Returns the global L2 norm before clipping. Mutates `.grad`. */
export function clipGradValue(params: Iterable<Tensor>, clipValue: number): number {
  const list = [...params];
  const total = gradNorm(list);
  for (const g of gradients(list)) for (let i = 0; i < g.data.length; i++) g.data[i] = Math.min(clipValue, Math.max(-clipValue, g.data[i]!));
  return total;
}
