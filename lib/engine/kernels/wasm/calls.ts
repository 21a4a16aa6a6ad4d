/**
 * The engine's float32 products run in WebAssembly: each function copies its operands from the
 * tensors' typed arrays into Wasm memory, calls the kernel, and copies the result back out.
 * Same contracts as the JavaScript kernels they stand in for (../matmul.ts, ../conv.ts).
 */
import type { Geometry } from '../conv';
import { allocate } from '../../storage';
import { Workspace, type KernelExports } from './instance';

/** A float32 output array, from reused storage while storage reuse is on (as the JavaScript kernels' outputs are). */
function output(n: number): Float32Array<ArrayBuffer> {
  return allocate('float32', n) as Float32Array<ArrayBuffer>;
}

/**
 * C[M x N] += op(A) op(B) for float32 arrays: op(A)[i][k] = A[aOff + i aRow + k aCol],
 * op(B)[k][j] = B[bOff + k bRow + j bCol], C row-major from cOff. With `accumulate` false, C's
 * old values are ignored (not copied in) and overwritten.
 */
export function wasmGemm(
  kernels: KernelExports,
  A: Float32Array, aOff: number, aRow: number, aCol: number,
  B: Float32Array, bOff: number, bRow: number, bCol: number,
  C: Float32Array, cOff: number,
  M: number, K: number, N: number, accumulate: boolean,
): void {
  // Each operand is copied as the span of elements its strides reach.
  const aSpan = (M - 1) * aRow + (K - 1) * aCol + 1;
  const bSpan = (K - 1) * bRow + (N - 1) * bCol + 1;
  const ws = new Workspace(kernels);
  const a = ws.floats(aSpan);
  const b = ws.floats(bSpan);
  const c = ws.floats(M * N);
  const work = ws.bytes(kernels.gemmWorkBytes(M, N, K));
  ws.put(A.subarray(aOff, aOff + aSpan), a);
  ws.put(B.subarray(bOff, bOff + bSpan), b);
  if (accumulate) ws.put(C.subarray(cOff, cOff + M * N), c);
  else ws.zero(c, M * N);
  kernels.gemm(M, N, K, a, aRow, aCol, b, bRow, bCol, c, work);
  ws.take(c, M * N, C, cOff);
  ws.release();
}

/** Sizes per group: input channels Cg, filters Fg, K = Cg KH KW rows of the column matrix, P = OH OW columns. */
function sizes(g: Geometry): { Fg: number; K: number; P: number; image: number } {
  const K = (g.C / g.G) * g.KH * g.KW;
  return { Fg: g.F / g.G, K, P: g.OH * g.OW, image: g.C * g.H * g.W };
}

/** Reserves and fills the geometry block the kernels read (16 int32s, in the order of assembly/conv.ts). */
function geometryBlock(ws: Workspace): (g: Geometry) => number {
  const at = ws.bytes(64);
  return (g) => {
    const fields = [g.N, g.C, g.H, g.W, g.F, g.KH, g.KW, g.OH, g.OW, g.sh, g.sw, g.ph, g.pw, g.dh, g.dw, g.G];
    new Int32Array(ws.f32().buffer, at, fields.length).set(fields);
    return at;
  };
}

/** conv2d in WebAssembly: y (N, F, OH, OW) from x (N, C, H, W), w (F, C / G, KH, KW), b (F) or null. */
export function wasmConv2d(kernels: KernelExports, x: Float32Array, w: Float32Array, b: Float32Array | null, g: Geometry): Float32Array<ArrayBuffer> {
  const { Fg, K, P, image } = sizes(g);
  const ws = new Workspace(kernels);
  const writeGeometry = geometryBlock(ws);
  const xp = ws.floats(image);
  const wp = ws.floats(w.length);
  const bp = ws.floats(g.F);
  const yp = ws.floats(g.F * P);
  const cols = ws.floats(K * P);
  const work = ws.bytes(kernels.gemmWorkBytes(Fg, P, K));
  const geo = writeGeometry(g);
  ws.put(w, wp);
  if (b !== null) ws.put(b, bp);
  const y = output(g.N * g.F * P);
  for (let n = 0; n < g.N; n++) {
    ws.put(x.subarray(n * image, (n + 1) * image), xp);
    kernels.conv2dImage(geo, xp, wp, bp, b === null ? 0 : 1, yp, cols, work);
    ws.take(yp, g.F * P, y, n * g.F * P);
  }
  ws.release();
  return y;
}

/** conv2d's input gradient in WebAssembly: dx (N, C, H, W) from dy (N, F, OH, OW) and w. */
export function wasmConv2dInputGrad(kernels: KernelExports, dy: Float32Array, w: Float32Array, g: Geometry): Float32Array<ArrayBuffer> {
  const { Fg, K, P, image } = sizes(g);
  const ws = new Workspace(kernels);
  const writeGeometry = geometryBlock(ws);
  const dyp = ws.floats(g.F * P);
  const wp = ws.floats(w.length);
  const dxp = ws.floats(image);
  const cols = ws.floats(K * P);
  const work = ws.bytes(kernels.gemmWorkBytes(K, P, Fg));
  const geo = writeGeometry(g);
  ws.put(w, wp);
  const dx = output(g.N * image);
  for (let n = 0; n < g.N; n++) {
    ws.put(dy.subarray(n * g.F * P, (n + 1) * g.F * P), dyp);
    ws.zero(dxp, image);
    kernels.conv2dInputGradImage(geo, dyp, wp, dxp, cols, work);
    ws.take(dxp, image, dx, n * image);
  }
  ws.release();
  return dx;
}

/** conv2d's weight gradient in WebAssembly: dw (F, C / G, KH, KW) from dy (N, F, OH, OW) and x. */
export function wasmConv2dWeightGrad(kernels: KernelExports, dy: Float32Array, x: Float32Array, g: Geometry): Float32Array<ArrayBuffer> {
  const { Fg, K, P, image } = sizes(g);
  const ws = new Workspace(kernels);
  const writeGeometry = geometryBlock(ws);
  const dyp = ws.floats(g.F * P);
  const xp = ws.floats(image);
  const dwp = ws.floats(g.F * K);
  const cols = ws.floats(K * P);
  const work = ws.bytes(kernels.gemmWorkBytes(Fg, K, P));
  const geo = writeGeometry(g);
  ws.zero(dwp, g.F * K);
  for (let n = 0; n < g.N; n++) {
    ws.put(dy.subarray(n * g.F * P, (n + 1) * g.F * P), dyp);
    ws.put(x.subarray(n * image, (n + 1) * image), xp);
    kernels.conv2dWeightGradImage(geo, dyp, xp, dwp, cols, work);
  }
  const dw = output(g.F * K);
  ws.take(dwp, g.F * K, dw, 0);
  ws.release();
  return dw;
}

/** maxPool2d in WebAssembly: y (N, C, OH, OW) and the flat index in x of each maximum (-1: none). */
export function wasmMaxPool2d(kernels: KernelExports, x: Float32Array, g: Geometry): { y: Float32Array<ArrayBuffer>; argmax: Int32Array<ArrayBuffer> } {
  const outputs = g.N * g.C * g.OH * g.OW;
  const ws = new Workspace(kernels);
  const writeGeometry = geometryBlock(ws);
  const xp = ws.floats(x.length + 4); // stride 2 reads up to one float past a row's last window
  const yp = ws.floats(outputs);
  const ap = ws.floats(outputs);
  const geo = writeGeometry(g);
  ws.put(x, xp);
  kernels.maxPool2d(geo, xp, yp, ap);
  const y = output(outputs);
  const argmax = new Int32Array(outputs);
  ws.take(yp, outputs, y, 0);
  ws.take(ap, outputs, argmax, 0);
  ws.release();
  return { y, argmax };
}

/** A max pooling's gradient in WebAssembly: dx (`inputs` floats) with dy added where argmax points. */
export function wasmMaxPoolGrad(kernels: KernelExports, dy: Float32Array, argmax: Int32Array, inputs: number): Float32Array<ArrayBuffer> {
  const ws = new Workspace(kernels);
  const dyp = ws.floats(dy.length);
  const ap = ws.floats(argmax.length);
  const dxp = ws.floats(inputs);
  ws.put(dy, dyp);
  ws.put(argmax, ap);
  ws.zero(dxp, inputs);
  kernels.maxPoolGrad(dyp, ap, argmax.length, dxp);
  const dx = output(inputs);
  ws.take(dxp, inputs, dx, 0);
  ws.release();
  return dx;
}

/** relu in WebAssembly: max(x, 0) elementwise. */
export function wasmRelu(kernels: KernelExports, x: Float32Array): Float32Array<ArrayBuffer> {
  const ws = new Workspace(kernels);
  const xp = ws.floats(x.length);
  const yp = ws.floats(x.length);
  ws.put(x, xp);
  kernels.relu(xp, yp, x.length);
  const y = output(x.length);
  ws.take(yp, x.length, y, 0);
  ws.release();
  return y;
}

/** relu's gradient in WebAssembly: y > 0 ? g : 0 elementwise (y is relu's output). */
export function wasmReluGrad(kernels: KernelExports, g: Float32Array, y: Float32Array): Float32Array<ArrayBuffer> {
  const ws = new Workspace(kernels);
  const gp = ws.floats(g.length);
  const yp = ws.floats(g.length);
  ws.put(g, gp);
  ws.put(y, yp);
  kernels.reluGrad(gp, yp, gp, g.length); // in place over the copy of g
  const out = output(g.length);
  ws.take(gp, g.length, out, 0);
  ws.release();
  return out;
}
