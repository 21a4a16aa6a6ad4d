/** Printing tensors the way PyTorch does: tensor([[1.0000, 2.0000], [3.0000, 4.0000]]). */
import type { Tensor } from './tensor';
import { numel } from './shape';

const EDGE = 3;
const SUMMARIZE_ABOVE = 1000;

/** A PyTorch-style printout of `t`, eliding the middle of long dimensions. */
export function formatTensor(t: Tensor): string {
  const summarize = t.numel() > SUMMARIZE_ABOVE;
  // The flat indices of the elements shown, in order.
  const shown: number[] = [];
  const visit = (dim: number, offset: number): void => {
    if (dim === t.ndim) {
      shown.push(offset);
      return;
    }
    const stride = numel(t.shape.slice(dim + 1));
    for (const i of indices(t.shape[dim]!, summarize)) if (i >= 0) visit(dim + 1, offset + i * stride);
  };
  visit(0, 0);
  let allIntegers = true;
  let largest = 0;
  let smallest = Infinity;
  for (const k of shown) {
    const v = t.data[k]!;
    if (!Number.isFinite(v)) continue;
    allIntegers &&= Number.isInteger(v) && Math.abs(v) < 1e8;
    largest = Math.max(largest, Math.abs(v));
    if (v !== 0) smallest = Math.min(smallest, Math.abs(v));
  }
  const scientific = !allIntegers && (largest >= 1e8 || smallest < 1e-4);
  const cell = (v: number): string => {
    if (!Number.isFinite(v)) return String(v).replace('Infinity', 'inf').replace('NaN', 'nan');
    return allIntegers ? `${v}.` : scientific ? v.toExponential(4) : v.toFixed(4);
  };
  const cells = new Map(shown.map((k) => [k, cell(t.data[k]!)]));
  let width = 1;
  for (const c of cells.values()) width = Math.max(width, c.length);
  const indent = 'tensor('.length;
  const body = (dim: number, offset: number): string => {
    if (dim === t.ndim) return cells.get(offset)!.padStart(width);
    const stride = numel(t.shape.slice(dim + 1));
    const parts = indices(t.shape[dim]!, summarize).map((i) => (i < 0 ? '...' : body(dim + 1, offset + i * stride)));
    const separator = dim === t.ndim - 1 ? ', ' : ',' + '\n'.repeat(t.ndim - 1 - dim) + ' '.repeat(indent + dim + 1);
    return `[${parts.join(separator)}]`;
  };
  const extras = [
    ...(t.dtype === 'float64' ? ['dtype=float64'] : []),
    ...(t.gradFn !== null ? [`gradFn=${t.gradFn.name}`] : t.requiresGrad ? ['requiresGrad=true'] : []),
  ];
  return `tensor(${body(0, 0)}${extras.map((e) => `, ${e}`).join('')})`;
}

/** Indices shown along a dimension of `size`; -1 marks the elision. */
function indices(size: number, summarize: boolean): number[] {
  const range = (start: number, end: number) => Array.from({ length: end - start }, (_, i) => start + i);
  return summarize && size > 2 * EDGE ? [...range(0, EDGE), -1, ...range(size - EDGE, size)] : range(0, size);
}
