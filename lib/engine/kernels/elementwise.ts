/**
 * Elementwise kernels: one loop per op, chosen by a switch outside the loop so that every loop
 * stays monomorphic (a shared loop calling `f(x)` would be several times slower in V8).
 */
import { Tensor } from '../tensor';
import { broadcastShapes, numel, sameShape, type Shape } from '../shape';
import { allocate, promote, type Data } from '../storage';
import { expand } from './movement';
import { erf } from './erf';
import { wasmKernels } from './wasm/instance';
import { wasmRelu, wasmReluGrad } from './wasm/calls';

/**
 * Elements from which float32 relu and its gradient run in WebAssembly (kernels/wasm) when the
 * kernel backend is 'auto' (measured with bench/crossover.ts).
 */
export const WASM_ELEMENTWISE_MIN = 16384;

/** Ops of one input. */
export type UnaryOp = 'neg' | 'exp' | 'log' | 'sqrt' | 'abs' | 'sign' | 'tanh' | 'sigmoid' | 'relu' | 'softplus' | 'erf';

/** Ops of two inputs; the `...Grad` ones are fused backward rules (see primitives.ts). */
export type BinaryOp =
  | 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'maximum'
  | 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'
  | 'tanhGrad' | 'sigmoidGrad' | 'reluGrad' | 'tieSplit';

/** y = op(x), elementwise. */
export function unary(op: UnaryOp, x: Tensor): Tensor {
  const wasm = op === 'relu' ? wasmKernels(x.dtype, x.data.length, WASM_ELEMENTWISE_MIN) : null;
  if (wasm !== null) return new Tensor(wasmRelu(wasm, x.data as Float32Array), x.shape);
  const y = allocate(x.dtype, x.data.length);
  unaryLoop(op, x.data, y);
  return new Tensor(y, x.shape);
}

function unaryLoop(op: UnaryOp, x: Data, y: Data): void {
  const n = x.length;
  switch (op) {
    case 'neg': for (let i = 0; i < n; i++) y[i] = -x[i]!; return;
    case 'exp': for (let i = 0; i < n; i++) y[i] = Math.exp(x[i]!); return;
    case 'log': for (let i = 0; i < n; i++) y[i] = Math.log(x[i]!); return;
    case 'sqrt': for (let i = 0; i < n; i++) y[i] = Math.sqrt(x[i]!); return;
    case 'abs': for (let i = 0; i < n; i++) y[i] = Math.abs(x[i]!); return;
    case 'sign': for (let i = 0; i < n; i++) y[i] = Math.sign(x[i]!); return;
    case 'relu': for (let i = 0; i < n; i++) y[i] = Math.max(x[i]!, 0); return;
    case 'sigmoid': for (let i = 0; i < n; i++) y[i] = sigmoid(x[i]!); return;
    case 'softplus': for (let i = 0; i < n; i++) y[i] = softplus(x[i]!); return;
    case 'erf': for (let i = 0; i < n; i++) y[i] = erf(x[i]!); return;
    case 'tanh':
      if (y instanceof Float32Array) for (let i = 0; i < n; i++) y[i] = tanhFloat32(x[i]!);
      else for (let i = 0; i < n; i++) y[i] = Math.tanh(x[i]!);
      return;
  }
}

/** out = a op b with NumPy broadcasting. `name` is the op named in shape errors. */
export function binary(op: BinaryOp, a: Tensor, b: Tensor, name: string = op): Tensor {
  const shape = broadcastShapes(name, a.shape, b.shape);
  const dtype = promote(a.dtype, b.dtype);
  const A = a.data;
  const B = b.data;
  const n = numel(shape);
  const wasm = op === 'reluGrad' && A.length === n && B.length === n ? wasmKernels(dtype, n, WASM_ELEMENTWISE_MIN) : null;
  if (wasm !== null) return new Tensor(wasmReluGrad(wasm, A as Float32Array, B as Float32Array), shape);
  const out = allocate(dtype, n);
  if (A.length === n && B.length === n) {
    binaryLoop(op, A, 0, B, 0, out, 0, n);
  } else if (A.length === n && isTrailing(b.shape, shape)) {
    for (let o = 0; o < n; o += B.length) binaryLoop(op, A, o, B, 0, out, o, B.length);
  } else if (B.length === n && isTrailing(a.shape, shape)) {
    for (let o = 0; o < n; o += A.length) binaryLoop(op, A, 0, B, o, out, o, A.length);
  } else {
    // Scalars and other broadcasts: copy both operands to the full shape, then one plain loop.
    binaryLoop(op, expand(a, shape).data, 0, expand(b, shape).data, 0, out, 0, n);
  }
  return new Tensor(out, shape);
}

/** True when `shape`, leading 1s dropped, is the tail of `target` (a bias row broadcast over a batch). */
function isTrailing(shape: Shape, target: Shape): boolean {
  let start = 0;
  while (start < shape.length && shape[start] === 1) start++;
  const tail = shape.slice(start);
  return tail.length > 0 && sameShape(tail, target.slice(target.length - tail.length));
}

/** out[o + i] = A[ia + i] op B[ib + i] for i < n: one plain loop per op (no strides, so V8 keeps it tight). */
function binaryLoop(op: BinaryOp, A: Data, ia: number, B: Data, ib: number, out: Data, o: number, n: number): void {
  switch (op) {
    case 'add': for (let i = 0; i < n; i++) out[o + i] = A[ia + i]! + B[ib + i]!; return;
    case 'sub': for (let i = 0; i < n; i++) out[o + i] = A[ia + i]! - B[ib + i]!; return;
    case 'mul': for (let i = 0; i < n; i++) out[o + i] = A[ia + i]! * B[ib + i]!; return;
    case 'div': for (let i = 0; i < n; i++) out[o + i] = A[ia + i]! / B[ib + i]!; return;
    case 'pow': for (let i = 0; i < n; i++) out[o + i] = A[ia + i]! ** B[ib + i]!; return;
    case 'maximum': for (let i = 0; i < n; i++) out[o + i] = maximum(A[ia + i]!, B[ib + i]!); return;
    case 'eq': for (let i = 0; i < n; i++) out[o + i] = A[ia + i]! === B[ib + i]! ? 1 : 0; return;
    case 'ne': for (let i = 0; i < n; i++) out[o + i] = A[ia + i]! !== B[ib + i]! ? 1 : 0; return;
    case 'gt': for (let i = 0; i < n; i++) out[o + i] = A[ia + i]! > B[ib + i]! ? 1 : 0; return;
    case 'ge': for (let i = 0; i < n; i++) out[o + i] = A[ia + i]! >= B[ib + i]! ? 1 : 0; return;
    case 'lt': for (let i = 0; i < n; i++) out[o + i] = A[ia + i]! < B[ib + i]! ? 1 : 0; return;
    case 'le': for (let i = 0; i < n; i++) out[o + i] = A[ia + i]! <= B[ib + i]! ? 1 : 0; return;
    // d tanh = g (1 - y^2), d sigmoid = g y (1 - y), d relu = g [y > 0]: A is g, B is y.
    case 'tanhGrad': for (let i = 0; i < n; i++) out[o + i] = A[ia + i]! * (1 - B[ib + i]! * B[ib + i]!); return;
    case 'sigmoidGrad': for (let i = 0; i < n; i++) out[o + i] = A[ia + i]! * B[ib + i]! * (1 - B[ib + i]!); return;
    case 'reluGrad': for (let i = 0; i < n; i++) out[o + i] = B[ib + i]! > 0 ? A[ia + i]! : 0; return;
    // The share of d max(a, b) that goes to a: 1 if a > b, 1/2 on a tie, else 0 (as PyTorch splits ties).
    case 'tieSplit': for (let i = 0; i < n; i++) out[o + i] = A[ia + i]! > B[ib + i]! ? 1 : A[ia + i]! === B[ib + i]! ? 0.5 : 0; return;
  }
}

/** out = cond ? a : b, elementwise with broadcasting (cond holds 0 or 1). */
export function where(cond: Tensor, a: Tensor, b: Tensor): Tensor {
  const shape = broadcastShapes('where', broadcastShapes('where', cond.shape, a.shape), b.shape);
  const C = expand(cond, shape).data;
  const A = expand(a, shape).data;
  const B = expand(b, shape).data;
  const out = allocate(promote(a.dtype, b.dtype), C.length);
  for (let i = 0; i < out.length; i++) out[i] = C[i] ? A[i]! : B[i]!;
  return new Tensor(out, shape);
}

/** max(a, b) that propagates NaN, as torch.maximum does. */
function maximum(a: number, b: number): number {
  return a > b || a !== a ? a : b;
}

/** Logistic function, stable for large |x| (never evaluates exp of a large positive number). */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** log(1 + e^x) without overflow: max(x, 0) + log1p(e^-|x|). */
export function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/**
 * tanh for float32 results: Eigen's rational approximation (within 2 float32 ulps of Math.tanh,
 * about 4x faster in V8).
 */
// NOTE: fused for speed. Math.tanh costs ~25 ns in V8 and dominates small MLPs; float64 keeps Math.tanh.
export function tanhFloat32(x: number): number {
  const v = x > 7.90531110763549805 ? 7.90531110763549805 : x < -7.90531110763549805 ? -7.90531110763549805 : x;
  const v2 = v * v;
  let p = -2.76076847742355e-16;
  p = p * v2 + 2.00018790482477e-13;
  p = p * v2 - 8.60467152213735e-11;
  p = p * v2 + 5.12229709037114e-8;
  p = p * v2 + 1.48572235717979e-5;
  p = p * v2 + 6.37261928875436e-4;
  p = p * v2 + 4.89352455891786e-3;
  let q = 1.19825839466702e-6;
  q = q * v2 + 1.18534705686654e-4;
  q = q * v2 + 2.268434632439e-3;
  q = q * v2 + 4.89352518554385e-3;
  return (v * p) / q;
}
