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

/** The L2 norm of `values` in double precision. */
function float64Norm(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]! * values[i]!;
  return Math.sqrt(sum);
}

/**
 * clip_grad_norm_ as in PyTorch 1.13, in the gradients' own precision: each gradient's norm is
 * taken in its dtype (float32 as float32Norm computes it), the total norm is the norm of those
 * norms (float32 when every gradient is float32, else float64, as torch.stack promotes), and every
 * gradient is multiplied by min(1, maxNorm / (totalNorm + 1e-6)), cast to the gradient's dtype.
 * With a non-finite total the multiplier is 0 (norm Infinity: finite entries become 0 and infinite
 * ones NaN, since 0 · ∞ = NaN) or NaN (norm NaN: every entry becomes NaN), unless
 * `errorIfNonfinite`, which throws and leaves the gradients alone. Returns the total norm before
 * clipping. Mutates `.grad`.
 */
export function clipGradNorm(params: Iterable<Tensor>, maxNorm: number, { errorIfNonfinite = false }: ClipGradNormOptions = {}): number {
  const grads = gradients(params);
  if (grads.length === 0) return 0;
  const allFloat32 = grads.every((g) => g.dtype === 'float32');
  const norms = grads.map((g) => (g.dtype === 'float32' ? float32Norm(g.data) : float64Norm(g.data)));
  const total = allFloat32 ? float32Norm(norms) : float64Norm(norms);
  if (errorIfNonfinite && !Number.isFinite(total)) {
    throw new RangeError(
      `clipGradNorm: the total norm of order 2 for gradients from \`parameters\` is non-finite (${total}), so it cannot be clipped. ` +
        'To scale the gradients by the non-finite norm anyway, pass errorIfNonfinite: false',
    );
  }
  // PyTorch multiplies unconditionally (clamp keeps NaN), so a NaN norm turns every gradient into NaN.
  const coefficient = allFloat32 ? Math.fround(Math.fround(maxNorm) / Math.fround(total + Math.fround(1e-6))) : maxNorm / (total + 1e-6);
  const clamped = coefficient > 1 ? 1 : coefficient;
  if (clamped === 1) return total;
  for (const g of grads) {
    const c = g.dtype === 'float32' ? Math.fround(clamped) : clamped;
    for (let i = 0; i < g.data.length; i++) g.data[i] = g.data[i]! * c;
  }
  return total;
}

/** Clamps every gradient element to [-clipValue, clipValue]. Returns the global L2 norm before clipping. Mutates `.grad`. */
export function clipGradValue(params: Iterable<Tensor>, clipValue: number): number {
  const list = [...params];
  const total = gradNorm(list);
  for (const g of gradients(list)) for (let i = 0; i < g.data.length; i++) g.data[i] = Math.min(clipValue, Math.max(-clipValue, g.data[i]!));
  return total;
}
