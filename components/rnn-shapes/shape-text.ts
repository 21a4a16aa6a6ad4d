/**
 * A tensor shape typed as text, "2, 3, 20", "(2, 3, 20)", "[2 3 20]" or "(20,)", with a reason for
 * every refusal. Text longer than MAX_SHAPE_TEXT is refused before it is read.
 */
import { parseStrictNumber } from '../../lib/common';

/** Most sizes a shape may have, and the largest size. */
export const SHAPE_LIMITS = { dims: 4, size: 1000 } as const;

/** The longest text read as a shape: four sizes of four digits with brackets and spaces fit many times over. */
export const MAX_SHAPE_TEXT = 64;

/** A shape, or why the text is not one. */
export type ShapeRead = { ok: true; shape: number[] } | { ok: false; message: string };

const count = (n: number): string => n.toLocaleString('en-US');
const quote = (text: string): string => `“${text.length > 12 ? `${text.slice(0, 11)}…` : text}”`;
const RANGE = `whole numbers from 1 to ${count(SHAPE_LIMITS.size)}`;

/** One size: a whole number from 1 to SHAPE_LIMITS.size, or what is wrong with it. */
function readSize(part: string): { ok: true; size: number } | { ok: false; message: string } {
  const value = parseStrictNumber(part);
  if (value === undefined) {
    const overflow = /\d/.test(part) && Math.abs(Number(part)) === Infinity;
    return { ok: false, message: `${quote(part)} ${overflow ? 'is too large to be a number' : 'is not a number'}` };
  }
  const shown = /e/i.test(part) ? `${part} = ${count(value)}` : part;
  if (value < 0) return { ok: false, message: `${shown.replace('-', '−')} is negative: sizes are ${RANGE}` };
  if (!Number.isInteger(value)) return { ok: false, message: `${shown} is not a whole number: sizes are ${RANGE}` };
  if (value === 0) return { ok: false, message: `0 is not a size here: sizes are ${RANGE}` };
  if (value > SHAPE_LIMITS.size) return { ok: false, message: `${shown} is more than ${count(SHAPE_LIMITS.size)}, the largest size here` };
  return { ok: true, size: value };
}

/** Reads a shape: 1 to SHAPE_LIMITS.dims whole numbers from 1 to SHAPE_LIMITS.size. */
export function readShape(text: string): ShapeRead {
  if (text.length > MAX_SHAPE_TEXT) {
    return { ok: false, message: `the text is ${count(text.length)} characters long; a shape is at most ${MAX_SHAPE_TEXT}, so none of it was read` };
  }
  // Brackets and a trailing comma ("(20,)", Python's 1-tuple) are allowed; an empty part is not.
  const inner = text.trim().replace(/^[([]\s*/, '').replace(/\s*[)\]]$/, '').replace(/\s*,$/, '');
  if (inner === '') return { ok: false, message: `type 1 to ${SHAPE_LIMITS.dims} sizes separated by commas, such as 2, 3, 20` };
  const parts = inner.split(/\s*,\s*|\s+/);
  if (parts.some((p) => p === '')) return { ok: false, message: 'there is an empty size between two commas' };
  if (parts.length > SHAPE_LIMITS.dims) return { ok: false, message: `${parts.length} sizes: a shape here has 1 to ${SHAPE_LIMITS.dims}` };
  const shape: number[] = [];
  for (const part of parts) {
    const size = readSize(part);
    if (!size.ok) return size;
    shape.push(size.size);
  }
  return { ok: true, shape };
}

/** The shape the text means, or undefined. */
export function parseShape(text: string): number[] | undefined {
  const read = readShape(text);
  return read.ok ? read.shape : undefined;
}
