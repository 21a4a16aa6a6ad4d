/** Making tensors: from nested arrays, filled with a constant, random, or ranges. */
import { Tensor, type NestedArray } from './tensor';
import type { Rng } from './random';
import { checkShape, numel, type Shape } from './shape';
import { allocate, type Data, type DType } from './storage';

/** Options of every creation function: dtype (default 'float32') and whether it will need gradients. */
export interface TensorOptions {
  readonly dtype?: DType;
  readonly requiresGrad?: boolean;
}

function make(op: string, shape: Shape, options: TensorOptions, fill: (data: Data) => void): Tensor {
  const checked = checkShape(op, shape);
  const data = allocate(options.dtype ?? 'float32', numel(checked));
  fill(data);
  return new Tensor(data, checked, options.requiresGrad ?? false);
}

/**
 * A tensor holding `values`: a number (0-d), nested arrays (their nesting is the shape; rows
 * must be equal in length) or a typed array (1-D, copied).
 */
export function tensor(values: NestedArray | Float32Array | Float64Array, options: TensorOptions = {}): Tensor {
  if (ArrayBuffer.isView(values)) return make('tensor', [values.length], options, (d) => d.set(values));
  const shape: number[] = [];
  for (let v: NestedArray = values; typeof v !== 'number'; v = v[0] ?? 0) {
    shape.push(v.length);
    if (v.length === 0) break;
  }
  return make('tensor', shape, options, (data) => {
    let k = 0;
    const visit = (v: NestedArray, dim: number): void => {
      if (typeof v === 'number') {
        if (dim !== shape.length) throw new RangeError(`tensor: expected a sequence of length ${shape[dim]} at dimension ${dim}, got a number`);
        data[k++] = v;
        return;
      }
      if (dim === shape.length || v.length !== shape[dim]) {
        throw new RangeError(`tensor: expected a sequence of length ${shape[dim] ?? 0} at dimension ${dim}, got ${v.length}`);
      }
      for (const item of v) visit(item, dim + 1);
    };
    visit(values, 0);
  });
}

/** A tensor of zeros. */
export const zeros = (shape: Shape, options: TensorOptions = {}): Tensor => make('zeros', shape, options, () => {});
/** A tensor of ones. */
export const ones = (shape: Shape, options: TensorOptions = {}): Tensor => full(shape, 1, options);
/** A tensor filled with `value`. */
export const full = (shape: Shape, value: number, options: TensorOptions = {}): Tensor =>
  make('full', shape, options, (d) => d.fill(value));
/** Zeros of x's shape and dtype. */
export const zerosLike = (x: Tensor, options: TensorOptions = {}): Tensor => zeros(x.shape, { dtype: x.dtype, ...options });
/** Ones of x's shape and dtype. */
export const onesLike = (x: Tensor, options: TensorOptions = {}): Tensor => ones(x.shape, { dtype: x.dtype, ...options });
/** Draws from the standard normal distribution N(0, 1). Advances `rng`. */
export const randn = (shape: Shape, rng: Rng, options: TensorOptions = {}): Tensor =>
  make('randn', shape, options, (d) => d.forEach((_, i) => (d[i] = rng.normal())));
/** Draws uniformly from [0, 1). Advances `rng`. */
export const rand = (shape: Shape, rng: Rng, options: TensorOptions = {}): Tensor =>
  make('rand', shape, options, (d) => d.forEach((_, i) => (d[i] = rng.random())));
/** Identity matrix of size n x n. */
export const eye = (n: number, options: TensorOptions = {}): Tensor =>
  make('eye', [n, n], options, (d) => {
    for (let i = 0; i < n; i++) d[i * n + i] = 1;
  });

/** start, start + step, ... up to but excluding end; arange(n) is 0..n-1. */
export function arange(start: number, end?: number, step = 1, options: TensorOptions = {}): Tensor {
  const [lo, hi] = end === undefined ? [0, start] : [start, end];
  if (step === 0 || !Number.isFinite(step)) throw new RangeError(`arange: step must be nonzero, got ${step}`);
  const n = Math.max(0, Math.ceil((hi - lo) / step));
  return make('arange', [n], options, (d) => d.forEach((_, i) => (d[i] = lo + i * step)));
}

/** `steps` evenly spaced values from start to end inclusive. */
export function linspace(start: number, end: number, steps: number, options: TensorOptions = {}): Tensor {
  const delta = steps > 1 ? (end - start) / (steps - 1) : 0;
  return make('linspace', [steps], options, (d) => d.forEach((_, i) => (d[i] = steps > 1 && i === steps - 1 ? end : start + i * delta)));
}
