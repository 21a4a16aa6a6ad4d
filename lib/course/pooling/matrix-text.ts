/**
 * Small matrices as text: one row per line (or rows separated by ";"), numbers separated by
 * spaces or commas. The pooling widget's feature map and upstream gradient are typed this way,
 * and written to the URL as "1,2,3;4,5,6".
 *
 * ";" ends a row, as in the page's links and in MATLAB (and NumPy's np.matrix("1 2; 3 4")), so
 * "1;2;3" is a column of three rows; whenever ";" is used, the reading says so.
 */
import { formatNumber, parseStrictNumber } from '../../common';

/** A matrix of numbers as rows. */
export type Matrix = readonly (readonly number[])[];

/** Limits a typed matrix must respect. */
export interface MatrixLimits {
  readonly maxRows: number;
  readonly maxCols: number;
  /** Largest |value| accepted. */
  readonly maxAbs: number;
}

/**
 * A parsed matrix (with a note on how ";" was read, if it was used), or what is wrong and on
 * which line (1-based) of the text.
 */
export type MatrixParse = { ok: true; rows: Matrix; note?: string } | { ok: false; line: number | undefined; message: string };

/** Characters allowed per number, separators included: enough for "-1000.125,  " and more. */
const CHARS_PER_NUMBER = 20;

/**
 * The longest text parseMatrix() reads: CHARS_PER_NUMBER for every number the limits allow, plus a
 * line's worth. Longer text is refused before any other work, so a huge paste cannot stall the page.
 */
export function maxMatrixText(limits: MatrixLimits): number {
  return (limits.maxRows + 1) * limits.maxCols * CHARS_PER_NUMBER;
}

/** What the limits allow, as a sentence: "At most 10 rows of 10 numbers, each from −1,000 to 1,000." */
export function describeMatrixLimits(limits: MatrixLimits): string {
  return `At most ${limits.maxRows} rows of ${limits.maxCols} numbers, each from ${signed(-limits.maxAbs)} to ${signed(limits.maxAbs)}.`;
}

/**
 * Reads a matrix from text. Blank lines are skipped; every row must have as many numbers as the
 * first. The first problem found is reported with its line number.
 */
export function parseMatrix(text: string, limits: MatrixLimits): MatrixParse {
  const maxChars = maxMatrixText(limits);
  if (text.length > maxChars) {
    return {
      ok: false,
      line: undefined,
      message: `the text is ${count(text.length)} characters long; a matrix of at most ${limits.maxRows} × ${limits.maxCols} numbers fits in ${count(maxChars)}, so none of it was read`,
    };
  }
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
      if (value === undefined) {
        const overflow = /\d/.test(token) && Math.abs(Number(token)) === Infinity; // 1e999, not Infinity
        const what = overflow ? 'is too large to be a number here' : 'is not a number';
        return { ok: false, line: n + 1, message: `line ${n + 1}: “${truncate(token)}” ${what}` };
      }
      if (Math.abs(value) > limits.maxAbs) {
        return { ok: false, line: n + 1, message: `line ${n + 1}: ${truncate(token)} is outside ${signed(-limits.maxAbs)} to ${signed(limits.maxAbs)}` };
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
  if (!text.includes(';')) return { ok: true, rows };
  const width = rows[0]!.length;
  const note = `Read as ${rows.length} row${rows.length === 1 ? '' : 's'} of ${width} number${width === 1 ? '' : 's'}: “;” ends a row, as in this page’s links.`;
  return { ok: true, rows, note };
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

/** 12345 as "12,345". */
const count = (n: number): string => n.toLocaleString('en-US');
/** A number with a true minus sign and thousands separators: "−1,000". */
const signed = (n: number): string => count(n).replace('-', '−');
