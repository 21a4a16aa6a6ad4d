/** Ops that rearrange elements: reshape, permute, slice, pad, cat... Composites of four primitives. */
import { primitives as P, narrowPads, type Pads } from '../primitives';
import type { Tensor } from '../tensor';
import { broadcastShapes, checkShape, formatShape, normalizeDim, sameShape, type Shape } from '../shape';

/** The same elements in a new shape (one dimension may be -1, inferred); shares storage. */
export const reshape = (x: Tensor, shape: Shape): Tensor => {
  const resolved = checkShape('reshape', shape, x.numel());
  return sameShape(resolved, x.shape) ? x : P.reshape(x, resolved);
};
/** Dimensions startDim..endDim merged into one. */
export const flatten = (x: Tensor, startDim = 0, endDim = -1): Tensor => {
  if (x.ndim === 0) return reshape(x, [1]);
  const s = normalizeDim('flatten', startDim, x.ndim);
  const e = normalizeDim('flatten', endDim, x.ndim);
  return reshape(x, [...x.shape.slice(0, s), -1, ...x.shape.slice(e + 1)]);
};
/** Size-1 dimensions removed (only `dim` if given). */
export const squeeze = (x: Tensor, dim?: number): Tensor => {
  const d = dim === undefined ? -1 : normalizeDim('squeeze', dim, x.ndim);
  return reshape(x, x.shape.filter((n, i) => n !== 1 || (d >= 0 && i !== d)));
};
/** A size-1 dimension inserted at `dim`. */
export const unsqueeze = (x: Tensor, dim: number): Tensor => {
  const d = normalizeDim('unsqueeze', dim, x.ndim + 1);
  return reshape(x, [...x.shape.slice(0, d), 1, ...x.shape.slice(d)]);
};
/** Dimensions reordered: output dimension i is input dimension dims[i]. */
export const permute = (x: Tensor, dims: readonly number[]): Tensor => {
  const resolved = dims.map((d) => normalizeDim('permute', d, x.ndim));
  if (resolved.length !== x.ndim || new Set(resolved).size !== x.ndim) {
    throw new RangeError(`permute: dims [${dims.join(', ')}] are not a permutation of the ${x.ndim} dimensions of ${formatShape(x.shape)}`);
  }
  return resolved.every((d, i) => d === i) ? x : P.permute(x, resolved);
};
/** Dimensions dim0 and dim1 swapped. */
export const transpose = (x: Tensor, dim0: number, dim1: number): Tensor => {
  const dims = x.shape.map((_, i) => i);
  const a = normalizeDim('transpose', dim0, x.ndim);
  const b = normalizeDim('transpose', dim1, x.ndim);
  [dims[a], dims[b]] = [b, a];
  return permute(x, dims);
};
/** x broadcast to `shape` (copied). */
export const expand = (x: Tensor, shape: Shape): Tensor => {
  const target = broadcastShapes('expand', x.shape, shape);
  if (!sameShape(target, shape)) {
    throw new RangeError(`expand: the expanded size of the tensor ${formatShape(x.shape)} must match the target ${formatShape(shape)}`);
  }
  return sameShape(x.shape, shape) ? x : P.expand(x, shape);
};
/** Elements start..start+length-1 along `dim` (copied). */
export const narrow = (x: Tensor, dim: number, start: number, length: number): Tensor => {
  const d = normalizeDim('narrow', dim, x.ndim);
  const size = x.shape[d]!;
  const s = start < 0 ? start + size : start;
  if (!Number.isInteger(s) || !Number.isInteger(length) || s < 0 || length < 0 || s + length > size) {
    throw new RangeError(`narrow: start (${start}) + length (${length}) exceeds dimension size (${size})`);
  }
  return P.pad(x, narrowPads(x.shape, d, s, length), 0);
};
/** Elements start..end-1 along `dim`, like x[..., start:end]; negative indices count from the end. */
export const slice = (x: Tensor, dim: number, start = 0, end?: number): Tensor => {
  const size = x.shape[normalizeDim('slice', dim, x.ndim)]!;
  const clampIndex = (i: number) => Math.min(size, Math.max(0, i < 0 ? i + size : i));
  const s = clampIndex(start);
  return narrow(x, dim, s, Math.max(0, clampIndex(end ?? size) - s));
};
/** The slice at `index` along `dim`, that dimension removed: x.select(0, i) is x[i]. */
export const select = (x: Tensor, dim: number, index: number): Tensor => {
  const d = normalizeDim('select', dim, x.ndim);
  const size = x.shape[d]!;
  if (index < -size || index >= size) throw new RangeError(`select: index ${index} out of range for dimension ${dim} with size ${size}`);
  return squeeze(narrow(x, d, index < 0 ? index + size : index, 1), d);
};
/**
 * x padded with `value`, PyTorch's F.pad order: [left, right] of the last dimension, then
 * [top, bottom] of the one before, and so on; negative amounts crop.
 */
export const pad = (x: Tensor, amounts: readonly number[], value = 0): Tensor => {
  if (amounts.length % 2 !== 0 || amounts.length / 2 > x.ndim) {
    throw new RangeError(`pad: padding length must be even and at most 2 * ${x.ndim}, got ${amounts.length}`);
  }
  const pads: Pads = x.shape.map((_, i) => {
    const k = x.ndim - 1 - i;
    return [amounts[2 * k] ?? 0, amounts[2 * k + 1] ?? 0] as const;
  });
  pads.forEach(([a, b], i) => {
    if (x.shape[i]! + a + b < 0) throw new RangeError(`pad: padding [${a}, ${b}] leaves a negative size in dimension ${i}`);
  });
  return P.pad(x, pads, value);
};
/** Tensors joined along `dim`; all other sizes must agree. */
export const cat = (tensors: readonly Tensor[], dim = 0): Tensor => {
  const first = tensors[0];
  if (first === undefined) throw new RangeError('cat: expected a non-empty list of tensors');
  const d = normalizeDim('cat', dim, first.ndim);
  tensors.forEach((t, k) => {
    if (t.ndim !== first.ndim) {
      throw new RangeError(`cat: tensors must have the same number of dimensions: got ${first.ndim} and ${t.ndim} for tensor number ${k}`);
    }
    t.shape.forEach((n, i) => {
      if (i !== d && n !== first.shape[i]) {
        throw new RangeError(`cat: sizes of tensors must match except in dimension ${d}. Expected size ${first.shape[i]} but got size ${n} for tensor number ${k} in the list`);
      }
    });
  });
  return tensors.length === 1 ? first : P.cat(tensors, d);
};
/** Tensors of equal shape joined along a new dimension `dim`. */
export const stack = (tensors: readonly Tensor[], dim = 0): Tensor => {
  const first = tensors[0];
  if (first === undefined) throw new RangeError('stack: expected a non-empty list of tensors');
  const d = normalizeDim('stack', dim, first.ndim + 1);
  tensors.forEach((t, k) => {
    if (!sameShape(t.shape, first.shape)) {
      throw new RangeError(`stack: expects each tensor to be equal size, but got ${formatShape(first.shape)} at entry 0 and ${formatShape(t.shape)} at entry ${k}`);
    }
  });
  return cat(tensors.map((t) => unsqueeze(t, d)), d);
};
