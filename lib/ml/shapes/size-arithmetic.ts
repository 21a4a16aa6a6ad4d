/**
 * The arithmetic behind windowOutputSize(), step by step, so a widget can print the output-size
 * formula with the reader's own numbers and say what the floor throws away.
 *
 *   H_out = floor((H + 2p − d(k − 1) − 1) / s) + 1
 */
import { windowOutputSize, type WindowSpec } from './conv';

/** Every intermediate number of the formula along one dimension, when a window fits. */
export interface SizeSteps {
  readonly ok: true;
  readonly input: number;
  readonly spec: WindowSpec;
  /** H + 2p: the padded length. */
  readonly padded: number;
  /** d(k − 1) + 1: how many input positions one window spans, dilation included. */
  readonly span: number;
  /** H + 2p − d(k − 1) − 1 = padded − span: how far the window's first position can travel. */
  readonly numerator: number;
  /** numerator mod s: what the floor drops. */
  readonly remainder: number;
  /** floor(numerator / s) + 1. */
  readonly size: number;
  /** True when s divides the numerator (remainder 0). */
  readonly exact: boolean;
  /** Positions at the far end of the padded input that no window reaches (equal to the remainder). */
  readonly uncovered: number;
  /** Of those, how many are real input positions rather than padding: max(0, remainder − p). */
  readonly uncoveredReal: number;
}

/** Why no window fits, with the padded length and the span for the message. */
export interface SizeProblem {
  readonly ok: false;
  readonly reason: string;
}

/** The output-size formula for one dimension, with each intermediate value, or the reason it has none. */
export function sizeSteps(input: number, spec: WindowSpec): SizeSteps | SizeProblem {
  const result = windowOutputSize(input, spec);
  if (!result.ok) return { ok: false, reason: result.reason };
  const padded = input + 2 * spec.padding;
  const span = spec.dilation * (spec.kernel - 1) + 1;
  const numerator = padded - span;
  const remainder = numerator % spec.stride;
  return {
    ok: true,
    input,
    spec,
    padded,
    span,
    numerator,
    remainder,
    size: result.size,
    exact: result.exact,
    uncovered: remainder,
    uncoveredReal: Math.max(0, remainder - spec.padding),
  };
}

/** The output height and width of a windowed op over an H × W input, or the first reason there is none. */
export type GridSize =
  | { readonly ok: true; readonly height: SizeSteps; readonly width: SizeSteps }
  | { readonly ok: false; readonly axis: 'height' | 'width'; readonly reason: string };

/** sizeSteps() for both spatial dimensions with the same kernel, stride, padding and dilation. */
export function gridSize(height: number, width: number, spec: WindowSpec): GridSize {
  const h = sizeSteps(height, spec);
  if (!h.ok) return { ok: false, axis: 'height', reason: h.reason };
  const w = sizeSteps(width, spec);
  if (!w.ok) return { ok: false, axis: 'width', reason: w.reason };
  return { ok: true, height: h, width: w };
}
