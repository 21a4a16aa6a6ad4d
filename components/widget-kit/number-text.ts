/** Reading one number typed in a text box, with a reason for every refusal (NumberField's logic, DOM-free). */
import { parseStrictNumber } from '../../lib/common';

/** Longest text read as a number; a longer paste is refused before it is parsed, and never echoed whole. */
export const MAX_NUMBER_TEXT = 32;

/** What a NumberField accepts: a number in [min, max], whole if `integer`. */
export interface NumberRange {
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
}

/** The typed number, or why it cannot be used. */
export type NumberRead = { ok: true; value: number } | { ok: false; message: string };

/** A range bound with a true minus sign and thousands separators: "−1,000". */
export const formatSigned = (v: number): string => v.toLocaleString('en-US').replace('-', '−');

/** Reads `text` as a number in the range: too long, not a number, out of range and fractional are each explained. */
export function readNumber(text: string, { min, max, integer = false }: NumberRange): NumberRead {
  if (text.length > MAX_NUMBER_TEXT) {
    return { ok: false, message: `too long: ${text.length.toLocaleString('en-US')} characters (a number here has at most ${MAX_NUMBER_TEXT})` };
  }
  const value = parseStrictNumber(text);
  if (value === undefined) return { ok: false, message: `“${text.length > 12 ? `${text.slice(0, 11)}…` : text}” is not a number` };
  if (value < min || value > max) return { ok: false, message: `use a number from ${formatSigned(min)} to ${formatSigned(max)}` };
  if (integer && !Number.isInteger(value)) return { ok: false, message: 'use a whole number' };
  return { ok: true, value };
}
