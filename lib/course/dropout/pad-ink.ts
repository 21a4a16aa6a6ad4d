/**
 * The drawing pad's ink: a side × side grid of values on 0 … 1 (0 is paper), drawn into with a
 * round anti-aliased pen along the pointer's path, or toggled a pixel at a time from the keyboard.
 * Every function returns a new grid and leaves its input as it was.
 */
import type { Point } from './normalise-digit';

/** Radius of the pen in pad pixels: a stroke about 3 pixels wide, as MNIST's strokes are in its 28 × 28 field. */
export const PEN_RADIUS = 1.4;

/** The distance from (y, x) to the segment from a to b. */
function distanceToSegment(y: number, x: number, a: Point, b: Point): number {
  const dy = b.row - a.row;
  const dx = b.col - a.col;
  const length2 = dy * dy + dx * dx;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((y - a.row) * dy + (x - a.col) * dx) / length2));
  return Math.hypot(y - (a.row + t * dy), x - (a.col + t * dx));
}

/**
 * The grid with a stroke of the pen from `from` to `to` (pad coordinates: pixel r spans rows
 * r … r + 1, so its centre is r + 0.5; the same point twice draws a dot). A pixel gets the pen's
 * coverage of it, 1 within the radius fading to 0 half a pixel beyond, kept if it had more ink.
 */
export function drawStroke(ink: Float32Array, side: number, from: Point, to: Point, radius = PEN_RADIUS): Float32Array {
  const out = ink.slice();
  const reach = radius + 1;
  const r0 = Math.max(0, Math.floor(Math.min(from.row, to.row) - reach));
  const r1 = Math.min(side - 1, Math.ceil(Math.max(from.row, to.row) + reach));
  const c0 = Math.max(0, Math.floor(Math.min(from.col, to.col) - reach));
  const c1 = Math.min(side - 1, Math.ceil(Math.max(from.col, to.col) + reach));
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) {
      const cover = Math.max(0, Math.min(1, radius + 0.5 - distanceToSegment(r + 0.5, c + 0.5, from, to)));
      const i = r * side + c;
      if (cover > (out[i] ?? 0)) out[i] = cover;
    }
  }
  return out;
}

/** The grid with pixel (row, col) toggled: ink (more than half) becomes paper, paper becomes full ink. */
export function togglePixel(ink: Float32Array, side: number, row: number, col: number): Float32Array {
  if (!(Number.isInteger(row) && Number.isInteger(col) && row >= 0 && col >= 0 && row < side && col < side)) {
    throw new RangeError(`togglePixel: expected a pixel inside the ${side} × ${side} pad, got row ${row}, column ${col}`);
  }
  const out = ink.slice();
  const i = row * side + col;
  out[i] = (out[i] ?? 0) > 0.5 ? 0 : 1;
  return out;
}

/** True if the grid has any ink. */
export function hasInk(ink: ArrayLike<number>): boolean {
  for (let i = 0; i < ink.length; i++) if ((ink[i] ?? 0) > 0) return true;
  return false;
}
