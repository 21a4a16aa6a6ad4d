/**
 * Messages between the page, the sandbox frame and the kernel worker:
 *
 *   page → frame → worker   run { id, count, code, libraries? }
 *   worker → frame → page   ready | output { id, output } | check { id, result } | done { id, status } | crashed { message }
 *
 * (The page also sends the frame `boot { source }`, the kernel's code, once.) Everything that
 * comes back from the sandbox runs through parseKernelMessage, which accepts only well-formed,
 * bounded messages: the page treats the sandbox as untrusted.
 */
import type { CheckRecord } from './checks';
import { cellLibraryProblem } from './library-names';
import { LIMITS, type ChartSeries, type DisplayItem, type Output } from './outputs';

/** A lesson library a run uses (lib/notebook/libraries.ts), with its bundle the first time the kernel gets it. */
export interface LibraryCode {
  /** The library's name ("hyperparameter-search"): one of CELL_LIBRARIES. */
  readonly name: string;
  /** Its bundle (CommonJS), made at build time: sent once per kernel. */
  readonly source?: string;
}

/**
 * The page asks the kernel to run `code` as execution `count`; `id` ties its outputs to the run.
 * `libraries` are the lesson libraries the cell uses: the kernel makes each its global again before the run.
 */
export interface RunMessage {
  readonly kind: 'run';
  readonly id: number;
  readonly count: number;
  readonly code: string;
  readonly libraries?: readonly LibraryCode[];
}

/** The page gives the frame the kernel's source, to start it in a worker. */
export interface BootMessage {
  readonly kind: 'boot';
  readonly source: string;
}

/** What the kernel sends back. */
export type KernelMessage =
  | { readonly kind: 'ready' }
  | { readonly kind: 'output'; readonly id: number; readonly output: Output }
  /** A check's result (check, expectClose, expectShape), besides the line it printed: an exercise's verdict is read from these. */
  | { readonly kind: 'check'; readonly id: number; readonly result: CheckRecord }
  | { readonly kind: 'done'; readonly id: number; readonly status: 'ok' | 'error' }
  | { readonly kind: 'crashed'; readonly message: string };

// Generous bounds: the kernel cuts well below these; they only stop a misbehaving frame.
const MAX_TEXT = 2 * LIMITS.streamChars;
const MAX_CODE = 1_000_000;

type Parser<T> = (v: unknown) => T | undefined;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (max: number): Parser<string> => (v) => (typeof v === 'string' && v.length <= max ? v : undefined);
const runId: Parser<number> = (v) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : undefined);
const maybeNumber: Parser<number | null> = (v) => (v === null || (typeof v === 'number' && Number.isFinite(v)) ? v : undefined);

function list<T>(v: unknown, max: number, item: Parser<T>): T[] | undefined {
  if (!Array.isArray(v) || v.length > max) return undefined;
  const out: T[] = [];
  for (const x of v) {
    const parsed = item(x);
    if (parsed === undefined) return undefined;
    out.push(parsed);
  }
  return out;
}

/** Optional string fields: absent, or a bounded string. Returns undefined if any is malformed. */
function optionalLabels<K extends string>(v: Record<string, unknown>, keys: readonly K[], max: number): Partial<Record<K, string>> | undefined {
  const out: Partial<Record<K, string>> = {};
  for (const key of keys) {
    if (v[key] === undefined) continue;
    const s = text(max)(v[key]);
    if (s === undefined) return undefined;
    out[key] = s;
  }
  return out;
}

/** A display item from the sandbox, or undefined if it is not one (or breaks a bound). */
export function parseDisplayItem(v: unknown): DisplayItem | undefined {
  if (!isRecord(v)) return undefined;
  const itemText = text(MAX_TEXT)(v.text);
  if (itemText === undefined) return undefined;
  const label = text(LIMITS.labelChars * 2);
  switch (v.kind) {
    case 'text':
      return { kind: 'text', text: itemText };
    case 'table': {
      const labels = optionalLabels(v, ['title', 'note'], LIMITS.labelChars * 2);
      const columns = list(v.columns, LIMITS.tableColumns, label);
      const rows = list(v.rows, LIMITS.tableRows, (r) => list(r, LIMITS.tableColumns, label));
      const numeric = list(v.numeric, LIMITS.tableColumns, (b) => (typeof b === 'boolean' ? b : undefined));
      const rowLabels = v.rowLabels === undefined ? null : list(v.rowLabels, LIMITS.tableRows, label);
      if (!labels || !columns || !rows || !numeric || rowLabels === undefined || numeric.length !== columns.length) return undefined;
      if (rows.some((r) => r.length > columns.length)) return undefined;
      return { kind: 'table', ...labels, columns, rows, numeric, ...(rowLabels ? { rowLabels } : {}), text: itemText };
    }
    case 'chart': {
      const labels = optionalLabels(v, ['title', 'xLabel', 'yLabel', 'note'], LIMITS.labelChars * 2);
      const points = LIMITS.pointsPerSeries + 1;
      const series = list(v.series, LIMITS.series, (s): ChartSeries | undefined => {
        if (!isRecord(s)) return undefined;
        const name = label(s.label);
        const x = list(s.x, points, maybeNumber);
        const y = list(s.y, points, maybeNumber);
        if (s.dashed !== undefined && typeof s.dashed !== 'boolean') return undefined;
        return name !== undefined && x && y && x.length === y.length ? { label: name, x, y, ...(s.dashed ? { dashed: true } : {}) } : undefined;
      });
      if (!labels || !series || (v.chart !== 'line' && v.chart !== 'scatter')) return undefined;
      return { kind: 'chart', chart: v.chart, ...labels, series, text: itemText };
    }
    case 'heatmap': {
      const labels = optionalLabels(v, ['title', 'xLabel', 'yLabel', 'note'], LIMITS.labelChars * 2);
      const side = (n: unknown): number | undefined => (typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= LIMITS.heatmapSide ? n : undefined);
      const rows = side(v.rows);
      const columns = side(v.columns);
      const values = list(v.values, LIMITS.heatmapSide ** 2, maybeNumber);
      if (!labels || rows === undefined || columns === undefined || !values || values.length !== rows * columns) return undefined;
      return { kind: 'heatmap', ...labels, rows, columns, values, text: itemText };
    }
    default:
      return undefined;
  }
}

/** An output from the sandbox, or undefined if it is not a well-formed one. */
export function parseOutput(v: unknown): Output | undefined {
  if (!isRecord(v)) return undefined;
  switch (v.type) {
    case 'stream': {
      const t = text(MAX_TEXT)(v.text);
      return t !== undefined && (v.name === 'stdout' || v.name === 'stderr') ? { type: 'stream', name: v.name, text: t } : undefined;
    }
    case 'value':
    case 'notice': {
      const t = text(MAX_TEXT)(v.text);
      return t === undefined ? undefined : { type: v.type, text: t };
    }
    case 'display': {
      const item = parseDisplayItem(v.item);
      return item ? { type: 'display', item } : undefined;
    }
    case 'error': {
      const name = text(200)(v.name);
      const message = text(MAX_TEXT)(v.message);
      const stack = list(v.stack, LIMITS.stackFrames, text(1000));
      const position = (n: unknown): number | undefined | null => (n === undefined ? undefined : typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : null);
      const line = position(v.line);
      const column = position(v.column);
      if (name === undefined || message === undefined || !stack || line === null || column === null) return undefined;
      return { type: 'error', name, message, ...(line !== undefined ? { line } : {}), ...(column !== undefined ? { column } : {}), stack };
    }
    default:
      return undefined;
  }
}

/** A message from the sandbox, or undefined if it is not a well-formed one. */
export function parseKernelMessage(v: unknown): KernelMessage | undefined {
  if (!isRecord(v)) return undefined;
  switch (v.kind) {
    case 'ready':
      return { kind: 'ready' };
    case 'output': {
      const id = runId(v.id);
      const output = parseOutput(v.output);
      return id !== undefined && output ? { kind: 'output', id, output } : undefined;
    }
    case 'check': {
      const id = runId(v.id);
      const result = isRecord(v.result) ? v.result : {};
      const name = text(LIMITS.labelChars * 2)(result.name);
      const message = text(MAX_TEXT)(result.message);
      return id !== undefined && name !== undefined && message !== undefined && typeof result.passed === 'boolean' ? { kind: 'check', id, result: { name, passed: result.passed, message } } : undefined;
    }
    case 'done': {
      const id = runId(v.id);
      return id !== undefined && (v.status === 'ok' || v.status === 'error') ? { kind: 'done', id, status: v.status } : undefined;
    }
    case 'crashed': {
      const message = text(2000)(v.message);
      return message === undefined ? undefined : { kind: 'crashed', message };
    }
    default:
      return undefined;
  }
}

/** A run request, as the kernel worker checks it. */
export function parseRunMessage(v: unknown): RunMessage | undefined {
  if (!isRecord(v) || v.kind !== 'run') return undefined;
  const id = runId(v.id);
  const count = runId(v.count);
  const code = text(MAX_CODE)(v.code);
  if (id === undefined || count === undefined || code === undefined) return undefined;
  if (v.libraries === undefined) return { kind: 'run', id, count, code };
  const libraries = list(v.libraries, MAX_LIBRARIES, parseLibraryCode);
  return libraries ? { kind: 'run', id, count, code, libraries } : undefined;
}

const MAX_LIBRARIES = 8;
const MAX_LIBRARY_SOURCE = 4_000_000;

function parseLibraryCode(v: unknown): LibraryCode | undefined {
  if (!isRecord(v)) return undefined;
  const name = text(100)(v.name);
  if (name === undefined || cellLibraryProblem(name) !== null) return undefined;
  if (v.source === undefined) return { name };
  const source = text(MAX_LIBRARY_SOURCE)(v.source);
  return source === undefined ? undefined : { name, source };
}
