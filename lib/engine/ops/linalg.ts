/** Matrix products. */
import { primitives as P } from '../primitives';
import type { Tensor } from '../tensor';

const dims = (t: Tensor): string => t.shape.join('x');

/**
 * Matrix product with PyTorch's rules: (..., M, K) @ (..., K, N) -> (..., M, N) with batch
 * dimensions broadcast; a 1-D first argument is a row vector, a 1-D second one a column vector
 * (the added dimension is removed from the result).
 */
export const matmul = (a: Tensor, b: Tensor): Tensor => {
  if (a.ndim === 0 || b.ndim === 0) {
    throw new RangeError(`matmul: both arguments need at least 1 dimension, got ${a.ndim}D and ${b.ndim}D`);
  }
  const a2 = a.ndim === 1 ? a.reshape([1, -1]) : a;
  const b2 = b.ndim === 1 ? b.reshape([-1, 1]) : b;
  if (a2.shape[a2.ndim - 1] !== b2.shape[b2.ndim - 2]) {
    throw new RangeError(`matmul: mat1 and mat2 shapes cannot be multiplied (${dims(a2)} and ${dims(b2)})`);
  }
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
  if (x.ndim === 0 || x.shape[x.ndim - 1] !== inF) {
    const rows = x.ndim === 0 ? 1 : x.numel() / (x.shape[x.ndim - 1] || 1);
    throw new RangeError(`linear: mat1 and mat2 shapes cannot be multiplied (${rows}x${x.shape[x.ndim - 1] ?? 1} and ${inF}x${outF})`);
  }
  if (b !== null && (b.ndim !== 1 || b.shape[0] !== outF)) {
    throw new RangeError(`linear: expected bias of shape [${outF}], got [${b.shape.join(', ')}]`);
  }
  return P.linear(x, w, b);
};
