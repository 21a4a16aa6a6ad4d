/**
 * Small matrices as text: one row per line (or rows separated by ";"), numbers separated by
 * spaces or commas. The pooling widget's feature map and upstream gradient are typed this way,
 * and written to the URL as "1,2,3;4,5,6".
 */
import { formatNumber, parseStrictNumber } from '../url-state';

/** A matrix of numbers as rows. */
export type Matrix = readonly (readonly number[])[];

/** Limits a typed matrix must respect. */
export interface MatrixLimits {
  readonly maxRows: number;
  readonly maxCols: number;
  /** Largest |value| accepted. */
  readonly maxAbs: number;
}

/** A parsed matrix, or what is wrong and on which line (1-based) of the text. */
export type MatrixParse = { ok: true; rows: Matrix } | { ok: false; line: number | undefined; message: string };

/**
 * Reads a matrix from text. Blank lines are skipped; every row must have as many numbers as the
 * first. The first problem found is reported with its line number.
 */
export function parseMatrix(text: string, limits: MatrixLimits): MatrixParse {
  const lines = text.split(/\r?\n|;/);
  const rows: number[][] = [];
  let firstLine = 0;
  for (let n = 0; n < lines.length; n++) {
    const line = (lines[n] ?? '').trim();
    if (line === '') continue;
    const tokens = line.split(/[\s,]+/).filter((t) => t !== '');
    const row: number[] = [];
    for (const token of tokens) {
      const value = parseStrictNumber(token);
      if (value === undefined) return { ok: false, line: n + 1, message: `line ${n + 1}: “${truncate(token)}” is not a number` };
      if (Math.abs(value) > limits.maxAbs) {
        return { ok: false, line: n + 1, message: `line ${n + 1}: ${token} is too large; use numbers from −${limits.maxAbs} to ${limits.maxAbs}` };
      }
      row.push(value);
    }
    if (rows.length === 0) firstLine = n + 1;
    else if (row.length !== rows[0]!.length) {
      return {
        ok: false,
        line: n + 1,
        message: `line ${n + 1} has ${row.length} number${row.length === 1 ? '' : 's'}, but line ${firstLine} has ${rows[0]!.length}: every row needs the same length`,
      };
    }
    if (row.length > limits.maxCols) return { ok: false, line: n + 1, message: `line ${n + 1} has ${row.length} numbers; at most ${limits.maxCols} fit` };
    rows.push(row);
    if (rows.length > limits.maxRows) return { ok: false, line: n + 1, message: `more than ${limits.maxRows} rows; at most ${limits.maxRows} fit` };
  }
  if (rows.length === 0) return { ok: false, line: undefined, message: 'there are no numbers: type one row per line' };
  return { ok: true, rows };
}

/** The matrix as text, one row per line, numbers separated by two spaces. */
export function formatMatrix(rows: Matrix): string {
  return rows.map((row) => row.map(formatNumber).join('  ')).join('\n');
}

/** The matrix as a URL value: "1,2,3;4,5,6". */
export function formatMatrixForUrl(rows: Matrix): string {
  return rows.map((row) => row.map(formatNumber).join(',')).join(';');
}

/** The matrix's entries in row-major order. */
export function flattenMatrix(rows: Matrix): Float64Array {
  return Float64Array.from(rows.flat());
}

/** A height × width matrix from row-major values. */
export function unflatten(values: ArrayLike<number>, height: number, width: number): number[][] {
  return Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => values[r * width + c] ?? NaN));
}

function truncate(text: string, max = 12): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
