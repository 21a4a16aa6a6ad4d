/** Matrix products: the gemm loop, batched matmul and the fused linear layer. */
import { Tensor } from '../tensor';
import { broadcastShapes, broadcastStrides, numel, stridesOf, type Shape } from '../shape';
import { allocate, promote, type Data } from '../storage';

/**
 * C[M x N] += A[M x K] B[K x N]. B and C are row-major; A is read through strides (aRow, aCol),
 * so a transposed A costs nothing. Loop order i-k-j walks B and C rows in memory order; two rows of
 * C and four of B at a time keep eight multiply-adds per loaded B element in registers.
 */
export function gemm(
  A: Data, aOff: number, aRow: number, aCol: number,
  B: Data, bOff: number,
  C: Data, cOff: number,
  M: number, K: number, N: number,
): void {
  let i = 0;
  for (; i + 1 < M; i += 2) {
    const c0 = cOff + i * N;
    const c1 = c0 + N;
    const r0 = aOff + i * aRow;
    const r1 = r0 + aRow;
    let k = 0;
    for (; k + 3 < K; k += 4) {
      const p = r0 + k * aCol;
      const q = r1 + k * aCol;
      const x0 = A[p]!, x1 = A[p + aCol]!, x2 = A[p + 2 * aCol]!, x3 = A[p + 3 * aCol]!;
      const y0 = A[q]!, y1 = A[q + aCol]!, y2 = A[q + 2 * aCol]!, y3 = A[q + 3 * aCol]!;
      const b0 = bOff + k * N;
      const b1 = b0 + N;
      const b2 = b1 + N;
      const b3 = b2 + N;
      for (let j = 0; j < N; j++) {
        const u0 = B[b0 + j]!, u1 = B[b1 + j]!, u2 = B[b2 + j]!, u3 = B[b3 + j]!;
        C[c0 + j] = C[c0 + j]! + x0 * u0 + x1 * u1 + x2 * u2 + x3 * u3;
        C[c1 + j] = C[c1 + j]! + y0 * u0 + y1 * u1 + y2 * u2 + y3 * u3;
      }
    }
    for (; k < K; k++) {
      const x0 = A[r0 + k * aCol]!;
      const y0 = A[r1 + k * aCol]!;
      const b0 = bOff + k * N;
      for (let j = 0; j < N; j++) {
        const u0 = B[b0 + j]!;
        C[c0 + j] = C[c0 + j]! + x0 * u0;
        C[c1 + j] = C[c1 + j]! + y0 * u0;
      }
    }
  }
  if (i < M) {
    const c0 = cOff + i * N;
    const r0 = aOff + i * aRow;
    for (let k = 0; k < K; k++) {
      const x0 = A[r0 + k * aCol]!;
      const b0 = bOff + k * N;
      for (let j = 0; j < N; j++) C[c0 + j] = C[c0 + j]! + x0 * B[b0 + j]!;
    }
  }
}

/** a @ b for a (..., M, K) and b (..., K, N), batch dimensions broadcast; shapes checked by the caller. */
export function matmul(a: Tensor, b: Tensor): Tensor {
  const M = a.shape[a.ndim - 2]!;
  const K = a.shape[a.ndim - 1]!;
  const N = b.shape[b.ndim - 1]!;
  const aBatch = a.shape.slice(0, -2);
  const bBatch = b.shape.slice(0, -2);
  const batch = broadcastShapes('matmul', aBatch, bBatch);
  const out = allocate(promote(a.dtype, b.dtype), numel(batch) * M * N);
  if (bBatch.length === 0) {
    // (..., M, K) @ (K, N) is one (batch * M, K) @ (K, N) product.
    gemm(a.data, 0, K, 1, b.data, 0, out, 0, numel(aBatch) * M, K, N);
  } else {
    const aStrides = broadcastStrides(aBatch, batch);
    const bStrides = broadcastStrides(bBatch, batch);
    const batchStrides = stridesOf(batch);
    for (let t = 0; t < numel(batch); t++) {
      let ai = 0;
      let bi = 0;
      for (let d = 0; d < batch.length; d++) {
        const idx = Math.floor(t / batchStrides[d]!) % batch[d]!;
        ai += idx * aStrides[d]!;
        bi += idx * bStrides[d]!;
      }
      gemm(a.data, ai * M * K, K, 1, b.data, bi * K * N, out, t * M * N, M, K, N);
    }
  }
  return new Tensor(out, [...batch, M, N]);
}

/** x @ w^T + b for x (*, in), w (out, in), b (out): the product behind nn.Linear, in one pass. */
export function linear(x: Tensor, w: Tensor, b: Tensor | null): Tensor {
  const [outF, inF] = w.shape as [number, number];
  const rows = x.data.length / inF;
  const out = allocate(promote(x.dtype, w.dtype), rows * outF);
  if (b !== null) for (let r = 0; r < rows; r++) out.set(b.data, r * outF);
  const wt = allocate(w.dtype, inF * outF);
  transpose2d(w.data, wt, outF, inF);
  gemm(x.data, 0, inF, 1, wt, 0, out, 0, rows, inF, outF);
  return new Tensor(out, [...x.shape.slice(0, -1), outF]);
}

/** dst (cols x rows) = src (rows x cols) transposed. */
function transpose2d(src: Data, dst: Data, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) dst[c * rows + r] = src[r * cols + c]!;
}

/** g^T x for g (rows, out) and x (rows, in): the weight gradient of a linear layer, (out, in). */
export function linearWeightGrad(g: Tensor, x: Tensor, outF: number, inF: number): Tensor {
  const rows = g.data.length / outF;
  const out = allocate(promote(g.dtype, x.dtype), outF * inF);
  gemm(g.data, 0, 1, outF, x.data, 0, out, 0, outF, rows, inF);
  return new Tensor(out, [outF, inF]);
}

/** Shape of a batched product; undefined when the inner sizes disagree. */
export function matmulShape(a: Shape, b: Shape): Shape | undefined {
  if (a[a.length - 1] !== b[b.length - 2]) return undefined;
  const batch = broadcastShapes('matmul', a.slice(0, -2), b.slice(0, -2));
  return [...batch, a[a.length - 2]!, b[b.length - 1]!];
}
