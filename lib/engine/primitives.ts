/**
 * The primitive ops: one row each, the forward kernel beside its derivative. Every other op in the
 * engine is built from these and needs no gradient code of its own.
 *
 * A row reads `record(name, forward, inputs, (g, y) => [dL/dinput, ...])`: g is dL/dy for the
 * output y. Gradients of broadcast inputs may keep the broadcast shape: backward() sums them back.
 * Rules run with recording off, so they may use any tensor method.
 *
 * Inputs arrive checked by the public functions in ops/: these do no validation.
 */
import { record } from './autograd';
import { Tensor } from './tensor';
import { binary, unary, where } from './kernels/elementwise';
import { cat, convert, expand, pad, permute } from './kernels/movement';
import { logSoftmax, reduce } from './kernels/reduce';
import { linear, linearWeightGrad, matmul } from './kernels/matmul';
import { conv2d, conv2dInputGrad, conv2dWeightGrad, type Geometry } from './kernels/conv';
import { avgPool2d, avgPool2dGrad, maxPool2d, maxPoolGrad } from './kernels/pool';
import { adaptiveAvgPool2dGrad, adaptivePool2d } from './kernels/adaptive-pool';
import { reducedShape, type Shape } from './shape';
import type { DType } from './storage';
import { zerosLike } from './create';

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/** Padding amounts per dimension: [before, after]; negative amounts crop. */
export type Pads = readonly (readonly [number, number])[];

/** The primitive ops by name: each returns its result and records its backward rule. */
export const primitives = {
  // Arithmetic, with broadcasting.
  add: (a: Tensor, b: Tensor) => record('add', binary('add', a, b), [a, b], (g) => [g, g]),
  sub: (a: Tensor, b: Tensor) => record('sub', binary('sub', a, b), [a, b], (g) => [g, g.neg()]),
  mul: (a: Tensor, b: Tensor) => record('mul', binary('mul', a, b), [a, b], (g) => [g.mul(b), g.mul(a)]),
  div: (a: Tensor, b: Tensor) => record('div', binary('div', a, b), [a, b], (g, y) => [g.div(b), g.mul(y).div(b).neg()]),
  pow: (a: Tensor, b: Tensor) =>
    record('pow', binary('pow', a, b), [a, b], (g, y) => [
      g.mul(b).mul(a.pow(b.sub(1))),
      b.requiresGrad ? g.mul(y).mul(a.log()) : null,
    ]),
  maximum: (a: Tensor, b: Tensor) =>
    record('maximum', binary('maximum', a, b), [a, b], (g) => [g.mul(binary('tieSplit', a, b)), g.mul(binary('tieSplit', b, a))]),
  where: (cond: Tensor, a: Tensor, b: Tensor) =>
    record('where', where(cond, a, b), [cond, a, b], (g) => [null, where(cond, g, zerosLike(g)), where(cond, zerosLike(g), g)]),
  cast: (x: Tensor, dtype: DType) => record('cast', convert(x, dtype), [x], (g) => [convert(g, x.dtype)]),
  neg: (x: Tensor) => record('neg', unary('neg', x), [x], (g) => [g.neg()]),
  exp: (x: Tensor) => record('exp', unary('exp', x), [x], (g, y) => [g.mul(y)]),
  log: (x: Tensor) => record('log', unary('log', x), [x], (g) => [g.div(x)]),
  sqrt: (x: Tensor) => record('sqrt', unary('sqrt', x), [x], (g, y) => [g.div(y.mul(2))]),
  abs: (x: Tensor) => record('abs', unary('abs', x), [x], (g) => [g.mul(unary('sign', x))]),
  erf: (x: Tensor) => record('erf', unary('erf', x), [x], (g) => [g.mul(x.square().neg().exp().mul(TWO_OVER_SQRT_PI))]), // 2/√π e^(−x²)

  // Activations. NOTE: fused rules. tanh, sigmoid and relu could be built from exp, div and
  // maximum, but one loop forward and one backward is several times faster (speed); sigmoid and
  // softplus are computed in forms that never overflow (numerics).
  tanh: (x: Tensor) => record('tanh', unary('tanh', x), [x], (g, y) => [binary('tanhGrad', g, y)]), // 1 - y^2
  sigmoid: (x: Tensor) => record('sigmoid', unary('sigmoid', x), [x], (g, y) => [binary('sigmoidGrad', g, y)]), // y (1 - y)
  relu: (x: Tensor) => record('relu', unary('relu', x), [x], (g, y) => [binary('reluGrad', g, y)]), // [y > 0]
  softplus: (x: Tensor) => record('softplus', unary('softplus', x), [x], (g) => [g.mul(x.sigmoid())]),
  // NOTE: fused for numerics: x - max - log(sum(exp(x - max))) never overflows.
  logSoftmax: (x: Tensor, dim: number) =>
    record('logSoftmax', logSoftmax(x, dim), [x], (g, y) => [g.sub(y.exp().mul(g.sum(dim, true)))]),

  // Reductions over sorted, distinct dims.
  sum: (x: Tensor, dims: readonly number[], keepdim: boolean) =>
    record('sum', reduce('sum', x, dims, keepdim), [x], (g) => [expand(g.reshape(reducedShape(x.shape, dims, true)), x.shape)]),
  max: (x: Tensor, dims: readonly number[], keepdim: boolean) =>
    record('max', reduce('max', x, dims, keepdim), [x], (g, y) => {
      const kept = reducedShape(x.shape, dims, true);
      const isMax = binary('eq', x, y.reshape(kept)); // ties share the gradient equally
      return [isMax.mul(g.reshape(kept)).div(isMax.sum(dims, true))];
    }),

  // Movement.
  reshape: (x: Tensor, shape: Shape) => record('reshape', new Tensor(x.data, shape), [x], (g) => [g.reshape(x.shape)]),
  expand: (x: Tensor, shape: Shape) => record('expand', expand(x, shape), [x], (g) => [g]),
  permute: (x: Tensor, dims: readonly number[]) =>
    record('permute', permute(x, dims), [x], (g) => [permute(g, inversePermutation(dims))]),
  pad: (x: Tensor, pads: Pads, value: number) =>
    record('pad', pad(x, pads, value), [x], (g) => [pad(g, pads.map(([a, b]) => [0 - a, 0 - b] as const), 0)]),
  cat: (xs: readonly Tensor[], dim: number) =>
    record('cat', cat(xs, dim), xs, (g) => {
      let start = 0;
      return xs.map((x) => {
        const piece = pad(g, narrowPads(g.shape, dim, start, x.shape[dim]!), 0);
        start += x.shape[dim]!;
        return piece;
      });
    }),

  // Products and windows.
  matmul: (a: Tensor, b: Tensor) =>
    record('matmul', matmul(a, b), [a, b], (g) => [
      a.requiresGrad ? g.matmul(b.mT) : null,
      b.requiresGrad ? a.mT.matmul(g) : null,
    ]),
  // NOTE: fused for speed: x w^T + b is one kernel instead of transpose, matmul and add.
  linear: (x: Tensor, w: Tensor, b: Tensor | null) =>
    record('linear', linear(x, w, b), b === null ? [x, w] : [x, w, b], (g) => [
      x.requiresGrad ? g.matmul(w) : null,
      linearWeightGrad(g, x, w.shape[0]!, w.shape[1]!),
      b === null ? null : g.reshape([-1, w.shape[0]!]).sum(0),
    ]),
  conv2d: (x: Tensor, w: Tensor, b: Tensor | null, geo: Geometry) =>
    record('conv2d', conv2d(x, w, b, geo), b === null ? [x, w] : [x, w, b], (g) => [
      x.requiresGrad ? conv2dInputGrad(g, w, geo) : null,
      w.requiresGrad ? conv2dWeightGrad(g, x, geo) : null,
      b === null ? null : g.sum([0, 2, 3]),
    ]),
  maxPool2d: (x: Tensor, geo: Geometry) => {
    const { out, argmax } = maxPool2d(x, geo);
    return record('maxPool2d', out, [x], (g) => [maxPoolGrad(g, argmax, x.shape)]);
  },
  avgPool2d: (x: Tensor, geo: Geometry, countPadding: boolean) =>
    record('avgPool2d', avgPool2d(x, geo, countPadding), [x], (g) => [avgPool2dGrad(g, geo, countPadding)]),
  adaptiveAvgPool2d: (x: Tensor, [OH, OW]: readonly [number, number]) =>
    record('adaptiveAvgPool2d', adaptivePool2d('avg', x, OH, OW).out, [x], (g) => [adaptiveAvgPool2dGrad(g, x.shape)]),
  adaptiveMaxPool2d: (x: Tensor, [OH, OW]: readonly [number, number]) => {
    const { out, argmax } = adaptivePool2d('max', x, OH, OW);
    return record('adaptiveMaxPool2d', out, [x], (g) => [maxPoolGrad(g, argmax, x.shape)]);
  },
};

function inversePermutation(dims: readonly number[]): number[] {
  const inverse = new Array<number>(dims.length);
  dims.forEach((d, i) => (inverse[d] = i));
  return inverse;
}

/**
 * Pads that crop `shape` to [start, start + length) along `dim`. (Sizes are negated as 0 - n:
 * -0 is not a small integer to V8, and one in a shape slows every kernel that reads it.)
 */
export function narrowPads(shape: Shape, dim: number, start: number, length: number): Pads {
  return shape.map((d, i) => (i === dim ? ([0 - start, start + length - d] as const) : ([0, 0] as const)));
}
