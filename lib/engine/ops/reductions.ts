/** Reductions over dimensions (all of them by default), with PyTorch's `keepdim`. */
import { primitives as P } from '../primitives';
import type { Tensor } from '../tensor';
import { argmax as argmaxKernel } from '../kernels/reduce';
import { normalizeDim, normalizeDims } from '../shape';
import { neg, sqrt, square } from './arithmetic';

/** One dimension, several, or undefined for all. */
export type Dims = number | readonly number[] | undefined;

/** Sum over `dim` (all dimensions by default). */
export const sum = (x: Tensor, dim?: Dims, keepdim = false): Tensor => P.sum(x, normalizeDims('sum', dim, x.ndim), keepdim);
/** Mean over `dim` (all dimensions by default). */
export const mean = (x: Tensor, dim?: Dims, keepdim = false): Tensor => {
  const dims = normalizeDims('mean', dim, x.ndim);
  return P.sum(x, dims, keepdim).div(dims.reduce((n, d) => n * x.shape[d]!, 1));
};
/** Largest value over `dim` (like torch.amax: values only; ties share the gradient). */
export const max = (x: Tensor, dim?: Dims, keepdim = false): Tensor => P.max(x, normalizeDims('max', dim, x.ndim), keepdim);
/** Smallest value over `dim` (like torch.amin). */
export const min = (x: Tensor, dim?: Dims, keepdim = false): Tensor => neg(max(neg(x), dim, keepdim));
/** Euclidean norm of all elements, sqrt(sum(x^2)). */
export const norm = (x: Tensor): Tensor => sqrt(sum(square(x)));
/** Index of the largest value along `dim` (of the flattened tensor by default), as floats; no gradient. */
export const argmax = (x: Tensor, dim?: number, keepdim = false): Tensor =>
  dim === undefined ? argmaxKernel(x.reshape([-1]), 0, false) : argmaxKernel(x, normalizeDim('argmax', dim, x.ndim), keepdim);
