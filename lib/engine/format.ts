/** Printing tensors the way PyTorch does: tensor([[1.0000, 2.0000], [3.0000, 4.0000]]). */
import type { Tensor } from './tensor';
import { numel } from './shape';

const EDGE = 3;
const SUMMARIZE_ABOVE = 1000;

/** A PyTorch-style printout of `t`, eliding the middle of long dimensions. */
export function formatTensor(t: Tensor): string {
  const summarize = t.numel() > SUMMARIZE_ABOVE;
  const finite = Array.from(t.data).filter((v) => Number.isFinite(v));
  const allIntegers = finite.every((v) => Number.isInteger(v) && Math.abs(v) < 1e8);
  const largest = Math.max(0, ...finite.map(Math.abs));
  const smallest = Math.min(Infinity, ...finite.filter((v) => v !== 0).map(Math.abs));
  const scientific = !allIntegers && (largest >= 1e8 || smallest < 1e-4);
  const cells: string[] = [];
  for (const v of t.data) {
    if (!Number.isFinite(v)) cells.push(String(v).replace('Infinity', 'inf').replace('NaN', 'nan'));
    else cells.push(allIntegers ? `${v}.` : scientific ? v.toExponential(4) : v.toFixed(4));
  }
  const width = Math.max(...cells.map((c) => c.length), 1);
  const indent = 'tensor('.length;
  const body = (dim: number, offset: number): string => {
    if (dim === t.ndim) return cells[offset]!.padStart(width);
    const size = t.shape[dim]!;
    const stride = numel(t.shape.slice(dim + 1));
    const shown = summarize && size > 2 * EDGE ? [...range(0, EDGE), -1, ...range(size - EDGE, size)] : range(0, size);
    const parts = shown.map((i) => (i < 0 ? '...' : body(dim + 1, offset + i * stride)));
    const separator = dim === t.ndim - 1 ? ', ' : ',' + '\n'.repeat(t.ndim - 1 - dim) + ' '.repeat(indent + dim + 1);
    return `[${parts.join(separator)}]`;
  };
  const extras = [
    ...(t.dtype === 'float64' ? ['dtype=float64'] : []),
    ...(t.gradFn !== null ? [`gradFn=${t.gradFn.name}`] : t.requiresGrad ? ['requiresGrad=true'] : []),
  ];
  return `tensor(${body(0, 0)}${extras.map((e) => `, ${e}`).join('')})`;
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, i) => start + i);
}
