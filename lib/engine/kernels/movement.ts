/** Kernels that move elements without arithmetic: expand, permute, pad (and crop), cat. */
import { Tensor } from '../tensor';
import { broadcastStrides, numel, sameShape, stridesOf, type Shape } from '../shape';
import { allocate, type DType } from '../storage';

/** Copies x into a new tensor of `shape`, reading element `idx` at offset sum(idx[d] * strides[d]). */
function stridedCopy(x: Tensor, strides: readonly number[], shape: Shape): Tensor {
  const out = allocate(x.dtype, numel(shape));
  const src = x.data;
  const nd = shape.length;
  if (nd === 0 || out.length === 0) {
    if (out.length > 0) out[0] = src[0]!;
    return new Tensor(out, shape);
  }
  const inner = shape[nd - 1]!;
  const step = strides[nd - 1]!;
  const idx = new Array<number>(nd).fill(0);
  let offset = 0;
  for (let o = 0; o < out.length; o += inner) {
    for (let i = 0, s = offset; i < inner; i++, s += step) out[o + i] = src[s]!;
    for (let d = nd - 2; d >= 0; d--) {
      offset += strides[d]!;
      if (++idx[d]! < shape[d]!) break;
      offset -= strides[d]! * shape[d]!;
      idx[d] = 0;
    }
  }
  return new Tensor(out, shape);
}

/** x broadcast to `shape` and copied (x itself when the shapes already agree). */
export function expand(x: Tensor, shape: Shape): Tensor {
  if (sameShape(x.shape, shape)) return x;
  if (x.data.length === numel(shape)) return new Tensor(x.data, shape);
  return stridedCopy(x, broadcastStrides(x.shape, shape), shape);
}

/** x with its dimensions reordered: output dimension i is input dimension dims[i]. */
export function permute(x: Tensor, dims: readonly number[]): Tensor {
  const strides = stridesOf(x.shape);
  return stridedCopy(x, dims.map((d) => strides[d]!), dims.map((d) => x.shape[d]!));
}

/**
 * x padded with `value`: pads[d] = [before, after] elements along dimension d. Negative amounts
 * crop instead, so slicing is padding by minus the amount cut off.
 */
export function pad(x: Tensor, pads: readonly (readonly [number, number])[], value: number): Tensor {
  const inShape = x.shape;
  const nd = inShape.length;
  const outShape = inShape.map((d, i) => d + pads[i]![0] + pads[i]![1]);
  const out = allocate(x.dtype, numel(outShape));
  if (value !== 0) out.fill(value);
  // The box of input elements that survive, per dimension: [lo, hi).
  const lo = inShape.map((_, i) => Math.max(0, -pads[i]![0]));
  const hi = inShape.map((d, i) => Math.min(d, d + pads[i]![1]));
  if (nd === 0) {
    out.set(x.data);
    return new Tensor(out, outShape);
  }
  if (lo.some((l, i) => l >= hi[i]!)) return new Tensor(out, outShape);
  const inStrides = stridesOf(inShape);
  const outStrides = stridesOf(outShape);
  const run = hi[nd - 1]! - lo[nd - 1]!;
  const idx = lo.slice();
  for (;;) {
    let src = 0;
    let dst = 0;
    for (let d = 0; d < nd; d++) {
      src += idx[d]! * inStrides[d]!;
      dst += (idx[d]! + pads[d]![0]) * outStrides[d]!;
    }
    out.set(x.data.subarray(src, src + run), dst);
    let d = nd - 2;
    for (; d >= 0; d--) {
      if (++idx[d]! < hi[d]!) break;
      idx[d] = lo[d]!;
    }
    if (d < 0) return new Tensor(out, outShape);
  }
}

/** Tensors of equal shape but for dimension `dim`, joined along it (shapes checked by the caller). */
export function cat(tensors: readonly Tensor[], dim: number): Tensor {
  const first = tensors[0]!;
  const shape = first.shape.slice();
  shape[dim] = tensors.reduce((sum, t) => sum + t.shape[dim]!, 0);
  const dtype = tensors.some((t) => t.dtype === 'float64') ? 'float64' : 'float32';
  const data = allocate(dtype, numel(shape));
  const outer = numel(shape.slice(0, dim));
  const inner = numel(shape.slice(dim + 1));
  const rowOut = shape[dim]! * inner;
  let offset = 0;
  for (const t of tensors) {
    const row = t.shape[dim]! * inner;
    const src = t.data;
    for (let o = 0; o < outer; o++) data.set(src.subarray(o * row, (o + 1) * row), o * rowOut + offset);
    offset += row;
  }
  return new Tensor(data, shape);
}

/** A copy of x in `dtype`. */
export function convert(x: Tensor, dtype: DType): Tensor {
  const out = allocate(dtype, x.data.length);
  out.set(x.data);
  return new Tensor(out, x.shape);
}
