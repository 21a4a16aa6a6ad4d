/**
 * The unrolled RNN as a grid, without drawing it: one row per layer and direction, one column per
 * time step (long sequences keep their first and last steps around a gap), which cells make
 * `output` and `h_n`, what each cell reads, and a sentence describing any of them.
 */
import { pythonTuple } from '../../lib/common';
import { directionSlice, hNAt, type Layout, outputAt } from '../../lib/course/rnn-shapes';

/** The sizes the diagram needs. */
export interface Unrolled {
  numLayers: number;
  D: 1 | 2;
  seqLen: number;
  hiddenSize: number;
  inputSize: number;
  /** Batch size, or undefined when unbatched. */
  batch: number | undefined;
  layout: Layout;
}

/** A cell: layer k, direction d (1 = reverse), time step t. */
export interface Cell {
  k: number;
  d: number;
  t: number;
}

/** A tensor whose cells can be highlighted together. */
export type Group = 'input' | 'h0' | 'output' | 'hN';

/** What is highlighted: a whole tensor, or one cell and what it reads. */
export type Highlight = { kind: 'group'; group: Group } | { kind: 'cell'; cell: Cell };

/** A column of the drawing: a time step, or the gap standing for the steps left out. */
export type Column = { kind: 'step'; t: number } | { kind: 'gap'; from: number; to: number };

/** Columns for at most `max` slots: every step if they fit, else the first and last steps around a gap. */
export function columnsFor(seqLen: number, max: number): Column[] {
  const slots = Math.max(3, Math.floor(max));
  if (seqLen <= slots) return Array.from({ length: seqLen }, (_, t) => ({ kind: 'step', t }));
  const head = Math.ceil((slots - 1) / 2);
  const tail = slots - 1 - head;
  return [
    ...Array.from({ length: head }, (_, t): Column => ({ kind: 'step', t })),
    { kind: 'gap', from: head, to: seqLen - tail - 1 },
    ...Array.from({ length: tail }, (_, i): Column => ({ kind: 'step', t: seqLen - tail + i })),
  ];
}

/** Rows from the top of the drawing down: the last layer first, forward above reverse. */
export function rowsOf(u: Pick<Unrolled, 'numLayers' | 'D'>): { k: number; d: number }[] {
  const rows: { k: number; d: number }[] = [];
  for (let k = u.numLayers - 1; k >= 0; k--) for (let d = 0; d < u.D; d++) rows.push({ k, d });
  return rows;
}

/** Index of (layer k, direction d) in h_0 and h_n: k·D + d. */
export function stateIndex(u: Pick<Unrolled, 'D'>, k: number, d: number): number {
  return k * u.D + d;
}

/** The step where direction d starts (reads h_0) and where it ends (gives h_n). */
export function endsOf(u: Pick<Unrolled, 'seqLen'>, d: number): { first: number; last: number } {
  return d === 0 ? { first: 0, last: u.seqLen - 1 } : { first: u.seqLen - 1, last: 0 };
}

/** Whether a cell belongs to a tensor: output is the last layer; h_n each row's last step; h_0 feeds each row's first step; input feeds layer 0. */
export function inGroup(u: Unrolled, cell: Cell, group: Group): boolean {
  if (group === 'output') return cell.k === u.numLayers - 1;
  if (group === 'input') return cell.k === 0;
  const { first, last } = endsOf(u, cell.d);
  return cell.t === (group === 'hN' ? last : first);
}

/** The cells a cell reads: its own state one step earlier (in its direction) and the layer below at the same step. */
export function sourcesOf(u: Unrolled, cell: Cell): Cell[] {
  const previous = cell.d === 0 ? cell.t - 1 : cell.t + 1;
  const sources: Cell[] = previous >= 0 && previous < u.seqLen ? [{ ...cell, t: previous }] : [];
  if (cell.k > 0) for (let d = 0; d < u.D; d++) sources.push({ k: cell.k - 1, d, t: cell.t });
  return sources;
}

/** Whether a cell is lit by the highlight: in the group, or the cell itself and what it reads. */
export function isLit(u: Unrolled, cell: Cell, highlight: Highlight | undefined): 'self' | 'source' | false {
  if (!highlight) return false;
  if (highlight.kind === 'group') return inGroup(u, cell, highlight.group) ? 'self' : false;
  const h = highlight.cell;
  if (h.k === cell.k && h.d === cell.d && h.t === cell.t) return 'self';
  return sourcesOf(u, h).some((s) => s.k === cell.k && s.d === cell.d && s.t === cell.t) ? 'source' : false;
}

/** "forward" or "reverse". */
export function directionName(d: number): string {
  return d === 0 ? 'forward' : 'reverse';
}

/** The shape of one cell's state: (N, H_out), or (H_out) unbatched. */
function stateShape(u: Unrolled): string {
  return pythonTuple(u.batch === undefined ? [u.hiddenSize] : [u.batch, u.hiddenSize]);
}

/** A sentence saying what a cell computes from what, and where its result ends up. */
export function describeCell(u: Unrolled, cell: Cell): string {
  const { k, d, t } = cell;
  const name = `Layer ${k}${u.D === 2 ? `, ${directionName(d)} direction` : ''}, time step t = ${t}`;
  const { first, last } = endsOf(u, d);
  const below = k === 0 ? `input[t] (${u.inputSize} features)` : `layer ${k - 1}'s output at t = ${t} (${u.D * u.hiddenSize} features${u.D === 2 ? ', both directions' : ''})`;
  const before = t === first ? `h_0[${stateIndex(u, k, d)}]` : `its own state at t = ${d === 0 ? t - 1 : t + 1}`;
  const goes: string[] = [];
  if (k === u.numLayers - 1) goes.push(outputAt(u.layout, t, directionSlice(d === 1, u.hiddenSize, u.D)));
  else goes.push(`layer ${k + 1} at t = ${t}`);
  if (t === last) goes.push(hNAt(stateIndex(u, k, d)));
  return `${name}: a state of shape ${stateShape(u)} computed from ${below} and ${before}. It becomes ${goes.join(' and ')}.`;
}

/** A sentence for a whole tensor: which cells make it. */
export function describeGroup(u: Unrolled, group: Group): string {
  const S = u.D * u.numLayers;
  const last = u.numLayers - 1;
  switch (group) {
    case 'input':
      return `input: the ${u.seqLen} steps x_0 … x_${u.seqLen - 1}, each read by layer 0${u.D === 2 ? ' in both directions' : ''}.`;
    case 'h0':
      return `h_0: ${S} starting states, one per layer and direction; h_0[k·D + d] starts layer k, direction d${u.D === 2 ? ' (the reverse direction starts at the last step)' : ''}.`;
    case 'output':
      return `output: the last layer (layer ${last}) at every step${u.D === 2 ? ', forward and reverse halves side by side' : ''}; ${u.seqLen} steps of ${u.D * u.hiddenSize} features.`;
    case 'hN':
      return `h_n: each layer and direction's state after its last step; ${S} states${u.D === 2 ? ', the reverse ones taken at t = 0' : ''}.`;
  }
}

/** Rows of the text alternative: for each entry of h_n, the layer, direction and step it comes from. */
export function hNSources(u: Unrolled): { index: number; k: number; direction: string; t: number }[] {
  const rows: { index: number; k: number; direction: string; t: number }[] = [];
  for (let k = 0; k < u.numLayers; k++) {
    for (let d = 0; d < u.D; d++) rows.push({ index: stateIndex(u, k, d), k, direction: directionName(d), t: endsOf(u, d).last });
  }
  return rows;
}

/** Moves a cell by arrow keys over the visible columns: left/right in time, up/down over rows; undefined if the key is not a move. */
export function moveCell(u: Unrolled, cell: Cell, key: string, columns: readonly Column[]): Cell | undefined {
  const steps = columns.flatMap((c) => (c.kind === 'step' ? [c.t] : []));
  const rows = rowsOf(u);
  const col = Math.max(0, steps.indexOf(cell.t));
  const row = Math.max(0, rows.findIndex((r) => r.k === cell.k && r.d === cell.d));
  const at = (r: number, c: number): Cell => {
    const target = rows[Math.max(0, Math.min(rows.length - 1, r))] ?? { k: 0, d: 0 };
    return { ...target, t: steps[Math.max(0, Math.min(steps.length - 1, c))] ?? 0 };
  };
  switch (key) {
    case 'ArrowLeft':
      return at(row, col - 1);
    case 'ArrowRight':
      return at(row, col + 1);
    case 'ArrowUp':
      return at(row - 1, col);
    case 'ArrowDown':
      return at(row + 1, col);
    case 'Home':
      return at(row, 0);
    case 'End':
      return at(row, steps.length - 1);
    default:
      return undefined;
  }
}
