/** Matrix products: the gemm loop, batched matmul and the fused linear layer. */
import { Tensor } from '../tensor';
import { broadcastShapes, broadcastStrides, numel, stridesOf } from '../shape';
import { allocate, promote, type Data } from '../storage';
import { wasmKernels } from './wasm/instance';
import { wasmGemm } from './wasm/calls';

/**
 * Multiply-adds from which a float32 product runs in WebAssembly (kernels/wasm) when the kernel
 * backend is 'auto'. Below it, copying the operands into Wasm memory and back costs more than SIMD
 * saves (measured with bench/crossover.ts).
 */
export const WASM_GEMM_MIN = 32768;

/**
 * C[M x N] += A[M x K] B[K x N]. B and C are row-major; A is read through strides (aRow, aCol),
 * so a transposed A costs nothing. Loop order i-k-j walks B and C rows in memory order; three
 * rows of C and four of B at a time keep twelve A values in registers for every four B loads
 * (measured faster here than two or four rows; V8 has sixteen float registers on x64).
 */
export function gemm(
  A: Data, aOff: number, aRow: number, aCol: number,
  B: Data, bOff: number,
  C: Data, cOff: number,
  M: number, K: number, N: number,
): void {
  if (N === 1) {
    // A matrix-vector product: a dot product per row beats an inner loop of length 1.
    for (let i = 0; i < M; i++) {
      let s = 0;
      for (let k = 0, a = aOff + i * aRow; k < K; k++, a += aCol) s += A[a]! * B[bOff + k]!;
      C[cOff + i] = C[cOff + i]! + s;
    }
    return;
  }
  let i = 0;
  for (; i + 2 < M; i += 3) {
    const c0 = cOff + i * N;
    const c1 = c0 + N;
    const c2 = c1 + N;
    const r0 = aOff + i * aRow;
    const r1 = r0 + aRow;
    const r2 = r1 + aRow;
    let k = 0;
    for (; k + 3 < K; k += 4) {
      const p = r0 + k * aCol;
      const q = r1 + k * aCol;
      const r = r2 + k * aCol;
      const x0 = A[p]!, x1 = A[p + aCol]!, x2 = A[p + 2 * aCol]!, x3 = A[p + 3 * aCol]!;
      const y0 = A[q]!, y1 = A[q + aCol]!, y2 = A[q + 2 * aCol]!, y3 = A[q + 3 * aCol]!;
      const z0 = A[r]!, z1 = A[r + aCol]!, z2 = A[r + 2 * aCol]!, z3 = A[r + 3 * aCol]!;
      const b0 = bOff + k * N;
      const b1 = b0 + N;
      const b2 = b1 + N;
      const b3 = b2 + N;
      for (let j = 0; j < N; j++) {
        const u0 = B[b0 + j]!, u1 = B[b1 + j]!, u2 = B[b2 + j]!, u3 = B[b3 + j]!;
        C[c0 + j] = C[c0 + j]! + x0 * u0 + x1 * u1 + x2 * u2 + x3 * u3;
        C[c1 + j] = C[c1 + j]! + y0 * u0 + y1 * u1 + y2 * u2 + y3 * u3;
        C[c2 + j] = C[c2 + j]! + z0 * u0 + z1 * u1 + z2 * u2 + z3 * u3;
      }
    }
    for (; k < K; k++) {
      const x0 = A[r0 + k * aCol]!;
      const y0 = A[r1 + k * aCol]!;
      const z0 = A[r2 + k * aCol]!;
      const b0 = bOff + k * N;
      for (let j = 0; j < N; j++) {
        const u0 = B[b0 + j]!;
        C[c0 + j] = C[c0 + j]! + x0 * u0;
        C[c1 + j] = C[c1 + j]! + y0 * u0;
        C[c2 + j] = C[c2 + j]! + z0 * u0;
      }
    }
  }
  // The last rows add up in the same order as the blocks above (four k at a time, then one), so
  // equal rows of A give bitwise equal rows of C wherever they sit: a layer whose units start equal
  // (zero initialisation) keeps them equal, as in PyTorch.
  for (; i < M; i++) {
    const c0 = cOff + i * N;
    const r0 = aOff + i * aRow;
    let k = 0;
    for (; k + 3 < K; k += 4) {
      const p = r0 + k * aCol;
      const x0 = A[p]!, x1 = A[p + aCol]!, x2 = A[p + 2 * aCol]!, x3 = A[p + 3 * aCol]!;
      const b0 = bOff + k * N;
      const b1 = b0 + N;
      const b2 = b1 + N;
      const b3 = b2 + N;
      for (let j = 0; j < N; j++) C[c0 + j] = C[c0 + j]! + x0 * B[b0 + j]! + x1 * B[b1 + j]! + x2 * B[b2 + j]! + x3 * B[b3 + j]!;
    }
    for (; k < K; k++) {
      const x0 = A[r0 + k * aCol]!;
      const b0 = bOff + k * N;
      for (let j = 0; j < N; j++) C[c0 + j] = C[c0 + j]! + x0 * B[b0 + j]!;
    }
  }
}

/**
 * C[M x N] += A[M x K] B[N x K]^T, rows of A and B contiguous: M N dot products of length K,
 * two rows of A against four of B at a time (eight sums in registers for six loads).
 */
export function gemmNT(A: Data, aOff: number, B: Data, bOff: number, C: Data, cOff: number, M: number, K: number, N: number): void {
  const dot = (i: number, j: number): void => {
    let s = 0;
    for (let k = 0, a = aOff + i * K, b = bOff + j * K; k < K; k++) s += A[a + k]! * B[b + k]!;
    C[cOff + i * N + j] = C[cOff + i * N + j]! + s;
  };
  const N4 = N - (N % 4);
  let i = 0;
  for (; i + 1 < M; i += 2) {
    const a0 = aOff + i * K;
    const a1 = a0 + K;
    for (let j = 0; j < N4; j += 4) {
      const b0 = bOff + j * K;
      const b1 = b0 + K;
      const b2 = b1 + K;
      const b3 = b2 + K;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      for (let k = 0; k < K; k++) {
        const x0 = A[a0 + k]!, x1 = A[a1 + k]!;
        const u0 = B[b0 + k]!, u1 = B[b1 + k]!, u2 = B[b2 + k]!, u3 = B[b3 + k]!;
        s00 += x0 * u0; s01 += x0 * u1; s02 += x0 * u2; s03 += x0 * u3;
        s10 += x1 * u0; s11 += x1 * u1; s12 += x1 * u2; s13 += x1 * u3;
      }
      const c0 = cOff + i * N + j;
      const c1 = c0 + N;
      C[c0] = C[c0]! + s00; C[c0 + 1] = C[c0 + 1]! + s01; C[c0 + 2] = C[c0 + 2]! + s02; C[c0 + 3] = C[c0 + 3]! + s03;
      C[c1] = C[c1]! + s10; C[c1 + 1] = C[c1 + 1]! + s11; C[c1 + 2] = C[c1 + 2]! + s12; C[c1 + 3] = C[c1 + 3]! + s13;
    }
    for (let j = N4; j < N; j++) {
      dot(i, j);
      dot(i + 1, j);
    }
  }
  for (; i < M; i++) for (let j = 0; j < N; j++) dot(i, j);
}

/** a @ b for a (..., M, K) and b (..., K, N), batch dimensions broadcast; shapes checked by the caller. */
export function matmul(a: Tensor, b: Tensor): Tensor {
  const M = a.shape[a.ndim - 2]!;
  const K = a.shape[a.ndim - 1]!;
  const N = b.shape[b.ndim - 1]!;
  const aBatch = a.shape.slice(0, -2);
  const bBatch = b.shape.slice(0, -2);
  const batch = broadcastShapes('matmul', aBatch, bBatch);
  const dtype = promote(a.dtype, b.dtype);
  const out = allocate(dtype, numel(batch) * M * N);
  if (bBatch.length === 0) {
    // (..., M, K) @ (K, N) is one (batch * M, K) @ (K, N) product.
    const rows = numel(aBatch) * M;
    const wasm = wasmKernels(dtype, rows * K * N, WASM_GEMM_MIN);
    if (wasm !== null) wasmGemm(wasm, a.data as Float32Array, 0, K, 1, b.data as Float32Array, 0, N, 1, out as Float32Array, 0, rows, K, N, false);
    else gemm(a.data, 0, K, 1, b.data, 0, out, 0, rows, K, N);
  } else {
    const wasm = wasmKernels(dtype, M * K * N, WASM_GEMM_MIN);
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
      if (wasm !== null) wasmGemm(wasm, a.data as Float32Array, ai * M * K, K, 1, b.data as Float32Array, bi * K * N, N, 1, out as Float32Array, t * M * N, M, K, N, false);
      else gemm(a.data, ai * M * K, K, 1, b.data, bi * K * N, out, t * M * N, M, K, N);
    }
  }
  return new Tensor(out, [...batch, M, N]);
}

/** x @ w^T + b for x (*, in), w (out, in), b (out): the product behind nn.Linear, in one pass. */
export function linear(x: Tensor, w: Tensor, b: Tensor | null): Tensor {
  const [outF, inF] = w.shape as [number, number];
  const rows = numel(x.shape.slice(0, -1)); // (a product, not length / inF: V8 must see a small integer)
  const dtype = promote(x.dtype, w.dtype);
  const out = allocate(dtype, rows * outF);
  if (b !== null) for (let r = 0; r < rows; r++) out.set(b.data, r * outF);
  const wasm = wasmKernels(dtype, rows * inF * outF, WASM_GEMM_MIN);
  if (wasm !== null) {
    // w^T read through its strides: op(B)[k][j] = w[j inF + k].
    wasmGemm(wasm, x.data as Float32Array, 0, inF, 1, w.data as Float32Array, 0, 1, inF, out as Float32Array, 0, rows, inF, outF, b !== null);
    return new Tensor(out, [...x.shape.slice(0, -1), outF]);
  }
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
  const rows = numel(g.shape.slice(0, -1));
  const dtype = promote(g.dtype, x.dtype);
  const out = allocate(dtype, outF * inF);
  const wasm = wasmKernels(dtype, rows * outF * inF, WASM_GEMM_MIN);
  if (wasm !== null) wasmGemm(wasm, g.data as Float32Array, 0, 1, outF, x.data as Float32Array, 0, inF, 1, out as Float32Array, 0, outF, rows, inF, false);
  else gemm(g.data, 0, 1, outF, x.data, 0, out, 0, outF, rows, inF);
  return new Tensor(out, [outF, inF]);
}
