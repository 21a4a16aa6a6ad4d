/**
 * The reader's own two-feature classification data as CSV: a header line `x1,x2,label`, then one
 * point a line. Quoting follows RFC 4180 (a value in double quotes may hold commas, line breaks and
 * doubled quotes); lines may end in CRLF, LF or CR; a byte-order mark and blank lines are ignored;
 * spaces around a value are ignored. Labels are any two distinct values: 0 and 1 keep their
 * meaning, any other pair is numbered in the order it first appears.
 */
import { parseStrictNumber } from '../../common';

/** A labelled 2-D point: x1, x2 and the class, 0 or 1. */
export type LabelledPoint = readonly [number, number, 0 | 1];

/** Points parsed from a file, and the file's names of class 0 and class 1. */
export interface PointsFile {
  points: LabelledPoint[];
  /** labels[k] is what the file calls class k. */
  labels: readonly [string, string];
}

/** The outcome of parsing: the points, or the first problem found, in words. */
export type PointsCsvResult = { ok: true; file: PointsFile } | { ok: false; error: string };

/** The most data rows a file may hold. */
export const MAX_POINTS = 2000;
/** The fewest points of each class that training needs (some go to the test set). */
export const MIN_POINTS_PER_CLASS = 4;
/** The header a file must start with. */
export const POINTS_HEADER = ['x1', 'x2', 'label'] as const;

/** One CSV record: its values and the line it starts on (1-based). */
interface CsvRecord {
  line: number;
  values: string[];
}

const quoteIfNeeded = (text: string): string => (/[",\r\n]/.test(text) || text.trim() !== text ? `"${text.replaceAll('"', '""')}"` : text);
const shown = (text: string): string => `'${text.length > 40 ? `${text.slice(0, 40)}…` : text}'`;
const count = (n: number): string => n.toLocaleString('en-US');

/** Splits CSV text into records (RFC 4180); throws an Error naming the line of an unclosed or misplaced quote. */
function records(text: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  let values: string[] = [];
  let value = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false; // the current value began with a quote
  let quotedBlank = false; // the record has a quoted value, so it is not a blank line even if empty
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endValue = (): void => {
    values.push(quoted ? value : value.trim());
    value = '';
    quoted = false;
  };
  const endRecord = (): void => {
    endValue();
    // A blank line is one empty value: skip it.
    if (!(values.length === 1 && values[0] === '' && !quotedBlank)) out.push({ line: recordLine, values });
    values = [];
    quotedBlank = false;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && value.trim() === '' && !quoted) {
      // An opening quote: read to the closing one.
      quoted = true;
      quotedBlank = true;
      value = '';
      const start = line;
      i++;
      for (;;) {
        if (i >= text.length) throw new Error(`line ${start}: expected a closing " for the quoted value opened on this line, got the end of the file`);
        const q = text[i]!;
        if (q === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n' || (q === '\r' && text[i + 1] !== '\n')) line++;
        value += q;
        i++;
      }
      // After the closing quote: spaces, then a comma or the end of the line.
      while (text[i] === ' ' || text[i] === '\t') i++;
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new Error(`line ${line}: expected a comma or the end of the line after a closing ", got ${shown(next)}`);
      }
      continue;
    }
    if (c === ',') {
      endValue();
      i++;
    } else if (c === '\n' || c === '\r') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      value += c;
      i++;
    }
  }
  if (value !== '' || values.length > 0 || quoted) endRecord();
  return out;
}

/**
 * Parses a CSV of labelled points (see the file's header comment). Never throws: a bad file gives
 * the first problem, with its line, what was expected and what was got.
 */
export function parsePointsCsv(text: string): PointsCsvResult {
  let rows: CsvRecord[];
  try {
    rows = records(text);
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  const fail = (error: string): PointsCsvResult => ({ ok: false, error });
  const [header, ...data] = rows;
  if (!header) return fail(`The file is empty: expected the header ${POINTS_HEADER.join(',')} and at least ${MIN_POINTS_PER_CLASS} points of each class.`);
  const names = header.values.map((v) => v.toLowerCase());
  if (names.length !== 3 || names.some((n, k) => n !== POINTS_HEADER[k])) {
    return fail(`line ${header.line}: expected the header ${POINTS_HEADER.join(',')}, got ${shown(header.values.join(','))}`);
  }
  if (data.length > MAX_POINTS) return fail(`Too many rows: expected at most ${count(MAX_POINTS)} points, got ${count(data.length)}.`);
  const labels: string[] = [];
  const raw: [number, number, string][] = [];
  for (const { line, values } of data) {
    if (values.length !== 3) return fail(`line ${line}: expected 3 values (x1, x2, label), got ${values.length}: ${shown(values.join(','))}`);
    const [a = '', b = '', label = ''] = values;
    const x1 = parseStrictNumber(a);
    if (x1 === undefined) return fail(`line ${line}, column x1: expected a number, got ${shown(a)}`);
    const x2 = parseStrictNumber(b);
    if (x2 === undefined) return fail(`line ${line}, column x2: expected a number, got ${shown(b)}`);
    if (label === '') return fail(`line ${line}, column label: expected a label, got an empty value`);
    if (!labels.includes(label)) {
      if (labels.length === 2) return fail(`line ${line}, column label: expected one of the two labels ${shown(labels[0]!)} and ${shown(labels[1]!)}, got a third, ${shown(label)}`);
      labels.push(label);
    }
    raw.push([x1, x2, label]);
  }
  if (labels.length < 2) {
    return fail(labels.length === 0 ? `No points: expected at least ${MIN_POINTS_PER_CLASS} points of each of two classes after the header.` : `Only one class: expected two labels, got only ${shown(labels[0]!)}.`);
  }
  // 0 and 1 keep their meaning whichever comes first; other labels are numbered as they appear.
  const numeric = labels.map((l) => parseStrictNumber(l));
  const ordered: [string, string] = numeric[0] === 1 && numeric[1] === 0 ? [labels[1]!, labels[0]!] : [labels[0]!, labels[1]!];
  const points = raw.map(([x1, x2, label]): LabelledPoint => [x1, x2, label === ordered[0] ? 0 : 1]);
  for (const k of [0, 1] as const) {
    const n = points.filter((p) => p[2] === k).length;
    if (n < MIN_POINTS_PER_CLASS) return fail(`Too few points of class ${shown(ordered[k])}: expected at least ${MIN_POINTS_PER_CLASS} of each class, got ${n}.`);
  }
  return { ok: true, file: { points, labels: ordered } };
}

/** Writes points as a CSV that parsePointsCsv reads back exactly (header, CRLF line ends, quoting where needed). */
export function pointsToCsv(points: readonly LabelledPoint[], labels: readonly [string, string] = ['0', '1']): string {
  const lines = [POINTS_HEADER.join(','), ...points.map(([x1, x2, k]) => `${String(x1)},${String(x2)},${quoteIfNeeded(labels[k])}`)];
  return `${lines.join('\r\n')}\r\n`;
}
