/**
 * Kernels along dimensions: sum/max/min reductions, argmax and log-softmax. Each views the tensor
 * as (outer, R, inner), R being the reduced extent, so every loop walks memory in order.
 */
import { Tensor } from '../tensor';
import { numel, reducedShape, type Shape } from '../shape';
import { allocate, type Data } from '../storage';

/** Reductions. */
export type ReduceOp = 'sum' | 'max' | 'min';

/** Reduces x over `dims` (sorted, distinct); keeps them as size 1 when `keepdim`. */
export function reduce(op: ReduceOp, x: Tensor, dims: readonly number[], keepdim: boolean): Tensor {
  let data = x.data;
  let shape: Shape = x.shape;
  // Reduce each run of adjacent dimensions in one pass, last run first.
  for (let end = dims.length - 1; end >= 0; ) {
    let start = end;
    while (start > 0 && dims[start - 1] === dims[start]! - 1) start--;
    const first = dims[start]!;
    const last = dims[end]!;
    const outer = numel(shape.slice(0, first));
    const r = numel(shape.slice(first, last + 1));
    const inner = numel(shape.slice(last + 1));
    if (r === 0 && op !== 'sum') throw new RangeError(`${op}: expected reduction dim ${first} to have non-zero size`);
    const out = allocate(x.dtype, outer * inner);
    reduceLoop(op, data, out, outer, r, inner);
    data = out;
    shape = shape.map((d, i) => (i >= first && i <= last ? 1 : d));
    end = start - 1;
  }
  if (data === x.data) data = data.slice();
  return new Tensor(data, reducedShape(x.shape, dims, keepdim));
}

function reduceLoop(op: ReduceOp, x: Data, out: Data, outer: number, r: number, inner: number): void {
  for (let o = 0; o < outer; o++) {
    const base = o * r * inner;
    const ob = o * inner;
    if (r === 0) continue;
    if (inner === 1) {
      // Reducing contiguous runs: accumulate in a register.
      let acc = x[base]!;
      switch (op) {
        case 'sum': acc += sumRun(x, base + 1, r - 1); break;
        case 'max': for (let k = 1; k < r; k++) acc = maxNaN(acc, x[base + k]!); break;
        case 'min': for (let k = 1; k < r; k++) acc = -maxNaN(-acc, -x[base + k]!); break;
      }
      out[ob] = acc;
      continue;
    }
    for (let j = 0; j < inner; j++) out[ob + j] = x[base + j]!;
    for (let k = 1; k < r; k++) {
      const row = base + k * inner;
      switch (op) {
        case 'sum': for (let j = 0; j < inner; j++) out[ob + j] = out[ob + j]! + x[row + j]!; break;
        case 'max': for (let j = 0; j < inner; j++) out[ob + j] = maxNaN(out[ob + j]!, x[row + j]!); break;
        case 'min': for (let j = 0; j < inner; j++) out[ob + j] = -maxNaN(-out[ob + j]!, -x[row + j]!); break;
      }
    }
  }
}

/** x[start] + ... + x[start + n - 1], with four running sums so the additions overlap. */
function sumRun(x: Data, start: number, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = start;
  const end = start + n;
  for (; k + 3 < end; k += 4) {
    s0 += x[k]!;
    s1 += x[k + 1]!;
    s2 += x[k + 2]!;
    s3 += x[k + 3]!;
  }
  for (; k < end; k++) s0 += x[k]!;
  return s0 + s1 + (s2 + s3);
}

function maxNaN(a: number, b: number): number {
  return a >= b || a !== a ? a : b;
}

/** Index of the largest element along `dim` (the first one on ties), as a float tensor. */
export function argmax(x: Tensor, dim: number, keepdim: boolean): Tensor {
  const outer = numel(x.shape.slice(0, dim));
  const r = x.shape[dim]!;
  const inner = numel(x.shape.slice(dim + 1));
  const out = allocate(x.dtype, outer * inner);
  const src = x.data;
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < inner; j++) {
      let best = 0;
      let bestValue = src[o * r * inner + j]!;
      for (let k = 1; k < r; k++) {
        const v = src[(o * r + k) * inner + j]!;
        if (v > bestValue) {
          best = k;
          bestValue = v;
        }
      }
      out[o * inner + j] = best;
    }
  }
  return new Tensor(out, reducedShape(x.shape, [dim], keepdim));
}

/** log(softmax(x)) along `dim`, as x - max - log(sum(exp(x - max))) so that exp never overflows. */
export function logSoftmax(x: Tensor, dim: number): Tensor {
  const outer = numel(x.shape.slice(0, dim));
  const r = x.shape[dim]!;
  const inner = numel(x.shape.slice(dim + 1));
  const src = x.data;
  const out = allocate(x.dtype, src.length);
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < inner; j++) {
      const base = o * r * inner + j;
      let max = -Infinity;
      for (let k = 0, p = base; k < r; k++, p += inner) max = Math.max(max, src[p]!);
      let sum = 0;
      for (let k = 0, p = base; k < r; k++, p += inner) sum += Math.exp(src[p]! - max);
      const shift = max + Math.log(sum);
      for (let k = 0, p = base; k < r; k++, p += inner) out[p] = src[p]! - shift;
    }
  }
  return new Tensor(out, x.shape);
}
