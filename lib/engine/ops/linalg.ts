/** Matrix products. */
import { primitives as P } from '../primitives';
import type { Tensor } from '../tensor';
import { broadcastShapes, type Shape } from '../shape';

/** A product of sizes (1 for none). */
const prod = (sizes: Shape): number => sizes.reduce((n, d) => n * d, 1);

/**
 * PyTorch 1.13's message for operands matmul cannot multiply, or null when it can. The wording is
 * that of the kernel the ranks send the call to (for contiguous operands, as the engine's are):
 *
 * - 1-D @ 1-D is `dot`: "inconsistent tensor size, …";
 * - 2-D @ 1-D is `mv`; so is (…, n, m) @ 1-D, its batch folded into rows: "size mismatch, got …";
 * - 1-D or 2-D @ 2-D is `mm` (a 1-D left operand as one row); so is (…, n, m) @ 2-D, folded into
 *   (… n) × m: "mat1 and mat2 shapes cannot be multiplied (8x3 and 4x5)";
 * - 1-D or 2-D @ (…, m, p) is computed transposed, (bᵀ folded) @ aᵀ, so `mm` or `mv` quote the
 *   transposed shapes: (4, 3) @ (2, 4, 5) gives "(10x4 and 3x4)";
 * - both at least 3-D: the batch dimensions broadcast first ("The size of tensor a (2) must match
 *   …"), then `bmm` checks the inner sizes: "Expected size for first two dimensions of batch2
 *   tensor to be: [2, 3] but got: [2, 4]."
 */
function matmulError(a: Shape, b: Shape): string | null {
  const mm = (rows: number, k: number, k2: number, cols: number): string | null =>
    k === k2 ? null : `mat1 and mat2 shapes cannot be multiplied (${rows}x${k} and ${k2}x${cols})`;
  const mv = (rows: number, k: number, n: number): string | null => (k === n ? null : `size mismatch, got ${rows}, ${rows}x${k},${n}`);
  const [na, nb] = [a.length, b.length];
  if (na === 0 || nb === 0) return `both arguments to matmul need to be at least 1D, but they are ${na}D and ${nb}D`;
  if (na === 1 && nb === 1) {
    return a[0] === b[0] ? null : `inconsistent tensor size, expected tensor [${a[0]}] and src [${b[0]}] to have the same number of elements, but got ${a[0]} and ${b[0]} elements respectively`;
  }
  if (nb <= 2 && na >= 2) {
    const rows = prod(a.slice(0, -1));
    return nb === 1 ? mv(rows, a[na - 1]!, b[0]!) : mm(rows, a[na - 1]!, b[0]!, b[1]!);
  }
  if (na === 1 && nb === 2) return mm(1, a[0]!, b[0]!, b[1]!);
  if (na <= 2) {
    // b is at least 3-D: PyTorch multiplies bᵀ (its batch folded into rows) by aᵀ.
    const rows = prod(b.slice(0, -2)) * b[nb - 1]!;
    return na === 1 ? mv(rows, b[nb - 2]!, a[0]!) : mm(rows, b[nb - 2]!, a[1]!, a[0]!);
  }
  const batch = prod(broadcastShapes('matmul', a.slice(0, -2), b.slice(0, -2)));
  const [k, k2] = [a[na - 1]!, b[nb - 2]!];
  return k === k2 ? null : `Expected size for first two dimensions of batch2 tensor to be: [${batch}, ${k}] but got: [${batch}, ${k2}].`;
}

/**
 * Matrix product with PyTorch's rules: (..., M, K) @ (..., K, N) -> (..., M, N) with batch
 * dimensions broadcast; a 1-D first argument is a row vector, a 1-D second one a column vector
 * (the added dimension is removed from the result). Refuses with PyTorch 1.13's messages.
 */
export const matmul = (a: Tensor, b: Tensor): Tensor => {
  const error = matmulError(a.shape, b.shape);
  if (error !== null) throw new RangeError(`matmul: ${error}`);
  const a2 = a.ndim === 1 ? a.reshape([1, -1]) : a;
  const b2 = b.ndim === 1 ? b.reshape([-1, 1]) : b;
  const out = P.matmul(a2, b2);
  if (a.ndim === 1 && b.ndim === 1) return out.reshape([]);
  if (a.ndim === 1) return out.squeeze(-2);
  if (b.ndim === 1) return out.squeeze(-1);
  return out;
};

/**
 * x w^T + b, the map of nn.Linear. Shapes: x (*, H_in), w (H_out, H_in), b (H_out) -> (*, H_out),
 * * being any number of leading dimensions.
 */
export const linear = (x: Tensor, w: Tensor, b: Tensor | null = null): Tensor => {
  if (w.ndim !== 2) throw new RangeError(`linear: expected a 2-D weight (out_features, in_features), got ${w.ndim}-D`);
  const [outF, inF] = w.shape as [number, number];
  // PyTorch 1.13 computes x @ wᵀ (addmm for a 2-D x with a bias): matmul's messages, x's batch folded into rows.
  const error = matmulError(x.shape, [inF, outF]);
  if (error !== null) throw new RangeError(`linear: ${error}`);
  if (b !== null && (b.ndim !== 1 || b.shape[0] !== outF)) {
    throw new RangeError(`linear: expected bias of shape [${outF}], got [${b.shape.join(', ')}]`);
  }
  return P.linear(x, w, b);
};
