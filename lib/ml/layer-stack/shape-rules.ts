/**
 * What the layer rules share: the Outcome a rule returns, shapes that remember what they were
 * flattened from, the window-size arithmetic with its notes on rounding, and the small formatters
 * that write shapes the way PyTorch's messages do.
 */
import { windowFormula, windowOutputSize } from '../shapes';
import type { Size2 } from './schema';

/** A tensor shape, outermost dimension first. */
export type Shape = readonly number[];

/**
 * A shape, and for each dimension the sizes it was flattened from (null if it was not), so that
 * an error can say "9216 (256 × 6 × 6)".
 */
export interface ShapeInfo {
  readonly shape: Shape;
  readonly parts: readonly (readonly number[] | null)[];
}

/**
 * A layer's output, or the error with the output it would give once fixed (null if unknown).
 * `engineMisses` says why this course's engine cannot reproduce an error PyTorch raises (it pads
 * with zeros only, and its BatchNorm2d always uses running statistics); `atBuild` marks an error
 * PyTorch raises when the layer is built, so before any layer of the model runs.
 */
export type Outcome =
  | { readonly ok: true; readonly output: ShapeInfo; readonly notes: string[] }
  | {
      readonly ok: false;
      readonly message: string;
      readonly pytorch?: string;
      readonly assumed: ShapeInfo | null;
      readonly notes: string[];
      readonly engineMisses?: string;
      /** PyTorch refuses to build the layer at all, before any forward pass (groups, 'same' with a stride). */
      readonly atBuild?: true;
    };

/** A shape that was not flattened from anything. */
export const plain = (shape: Shape): ShapeInfo => ({ shape, parts: shape.map(() => null) });
/** A layer that takes its input, with remarks. */
export const ok = (output: ShapeInfo, notes: string[] = []): Outcome => ({ ok: true, output, notes });
/** A layer that cannot take its input: the message, the output once fixed, PyTorch's words. */
export const fail = (message: string, assumed: ShapeInfo | null, pytorch?: string, notes: string[] = []): Outcome =>
  pytorch === undefined ? { ok: false, message, assumed, notes } : { ok: false, message, pytorch, assumed, notes };

/** A shape as a Python tuple: (1, 3, 8, 8). */
export const tuple = (shape: Shape): string => `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;
/** A shape as PyTorch's messages write it: [1, 3, 8, 8]. */
export const torchList = (shape: Shape): string => `[${shape.join(', ')}]`;
/** “a 4-D input (1, 3, 8, 8)”. */
export const describeInput = (shape: Shape): string => `a ${shape.length}-D input ${tuple(shape)}`;
/** “1 channel”, “3 channels”. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
/** The product of the sizes. */
export const product = (shape: Shape): number => shape.reduce((a, b) => a * b, 1);
/** A number with a typographic minus sign. */
export const signed = (n: number): string => (n < 0 ? `−${-n}` : String(n));

/** Python's range of valid dims for a rank, and the dim made non-negative (or null if out of range). */
export function normalizeDim(dim: number, rank: number): number | null {
  const r = Math.max(rank, 1);
  return dim >= -r && dim < r ? (dim < 0 ? dim + r : dim) : null;
}

/** The out-of-range error of a dim argument, with PyTorch's message. */
export function dimError(name: string, dim: number, shape: Shape): Outcome {
  const r = Math.max(shape.length, 1);
  return fail(
    `${name} is out of range for ${describeInput(shape)}: use −${r} to ${r - 1}, got ${signed(dim)}`,
    null,
    `Dimension out of range (expected to be in range of [-${r}, ${r - 1}], but got ${dim})`,
  );
}

/** One spatial dimension of a windowed layer. */
export interface WindowDim {
  readonly size: number;
  readonly kernel: number;
  readonly stride: number;
  readonly padding: number;
  readonly dilation: number;
  /** Pooling's ceil_mode=True: round up. */
  readonly ceilMode?: boolean;
}

/** The output height and width of a windowed layer, with notes on rounding, or the error. */
export function windows(type: string, dims: readonly [WindowDim, WindowDim]): { ok: true; size: Size2; notes: string[] } | { ok: false; message: string; outputs: [number, number] } {
  const names = ['height', 'width'] as const;
  const results = dims.map((d) => windowOutputSize(d.size, d));
  // The sizes PyTorch calculates (and quotes when one is below 1), ceil_mode's rounding included.
  const sizes = dims.map((d) => windowFormula(d.size, d)) as [number, number];
  const bad = results.findIndex((r) => !r.ok);
  if (bad >= 0) {
    const r = results[bad]!;
    const reason = r.ok ? '' : r.reason;
    const size = sizes[bad]!;
    const outcome = size === 0 ? `the output ${names[bad]} would be 0` : `no output ${bad === 0 ? 'row' : 'column'} fits (the formula gives ${signed(size)})`;
    return { ok: false, message: `${type}: the window does not fit in the input’s ${names[bad]}: ${reason}, so ${outcome}`, outputs: sizes };
  }
  const notes: string[] = [];
  const inexact = dims.map((d, i) => (results[i]!.ok && !(results[i] as { exact: boolean }).exact ? floorNote(d, i === 0 ? 'row' : 'column') : null));
  const same = inexact[0] !== null && floorNote(dims[0], 'x') === floorNote(dims[1], 'x');
  if (same) notes.push(`Height and width: ${floorNote(dims[0], 'row and column')}`);
  else inexact.forEach((n, i) => n !== null && notes.push(`${i === 0 ? 'Height' : 'Width'}: ${n}`));
  return { ok: true, size: sizes, notes };
}

/** Explains floor() in the size formula (or ceil(), with ceil_mode) when the stride does not divide evenly. */
function floorNote(d: WindowDim, unit: string): string {
  const { size, kernel, stride, padding, dilation } = d;
  const span = dilation * (kernel - 1) + 1;
  const numerator = size + 2 * padding - span;
  const quotient = numerator / stride;
  const shown = Number.isInteger(quotient * 100) ? String(quotient) : `${quotient.toFixed(2)}…`;
  if (d.ceilMode) {
    // How many windows rounding up gives, and whether PyTorch's rule (in windowOutputSize) drops the last.
    const up = Math.ceil(quotient) + 1;
    const result = windowOutputSize(size, d);
    const kept = !result.ok || result.size === up;
    return kept
      ? `(${size} + 2 × ${padding} − ${span}) / ${stride} = ${shown} is rounded up (ceil_mode=True), so ${up} positions fit and the last window hangs over the edge of the padded input.`
      : `(${size} + 2 × ${padding} − ${span}) / ${stride} = ${shown} is rounded up (ceil_mode=True) to ${up} positions, but the last would start in the right padding, so PyTorch drops it: ${up - 1}.`;
  }
  const left = numerator % stride;
  const what = left === 1 ? `last ${unit} of the padded input ${unit.includes(' and ') ? 'are' : 'is'}` : `last ${left} ${unit.replace(/(row|column)/g, '$1s')} of the padded input are`;
  return `(${size} + 2 × ${padding} − ${span}) / ${stride} = ${shown} is rounded down, so ${Math.floor(quotient) + 1} positions fit and the ${what} never covered.`;
}

/** Checks that a spatial layer gets a 3-D or 4-D input. */
export function spatialInput(type: string, x: ShapeInfo, wants = '3-D (C, H, W) or 4-D (N, C, H, W)'): { ok: true } | { ok: false; outcome: Outcome } {
  const rank = x.shape.length;
  if (rank === 3 || rank === 4) return { ok: true };
  const hint = rank === 2 ? ' It comes after a Flatten or Linear; spatial layers go before them.' : '';
  return { ok: false, outcome: fail(`${type} expects a ${wants} input, got ${describeInput(x.shape)}.${hint}`, null) };
}

/** The shape with channels and spatial sizes replaced (batch dimension kept if present). */
export function withSpatial(x: ShapeInfo, channels: number, [h, w]: readonly [number, number]): ShapeInfo {
  return plain([...x.shape.slice(0, -3), channels, h, w]);
}

