/**
 * display(x) and plot(...) for cells: turn tensors, arrays and records into the JSON display items
 * of outputs.ts, bounded by LIMITS (large data is cut or sampled, with a note saying so).
 */
import { Tensor } from '../engine';
import { formatElements } from '../engine';
import { inspect } from './inspect';
import { formatSignificant } from '../common';
import { clip, finiteOrNull, LIMITS, type ChartSeries, type DisplayItem, type HeatmapItem, type TableItem } from './outputs';

/** Options of display(): a title, and which view to use for a tensor. */
export interface DisplayOptions {
  readonly title?: string;
  readonly as?: 'table' | 'heatmap' | 'text';
}

/** Options of plot(). */
export interface PlotOptions {
  readonly kind?: 'line' | 'scatter' | 'heatmap';
  readonly title?: string;
  readonly xLabel?: string;
  readonly yLabel?: string;
  /** Name of the series when the data has one series. */
  readonly label?: string;
}
// A series may also be given as { x, y, label, dashed }: dashed draws it dashed.

// A 2-D tensor larger than this is shown as a heatmap by default.
const TABLE_MAX_ROWS = 24;
const TABLE_MAX_COLUMNS = 12;

const count = (n: number): string => n.toLocaleString('en-US');
const ordinal = (n: number): string => (n === 2 ? '2nd' : n === 3 ? '3rd' : `${n}th`);

/** What display(value, options) shows: a table, a heatmap or text. Throws TypeError on bad options. */
export function toDisplayItem(value: unknown, options: DisplayOptions = {}): DisplayItem {
  const title = optionalLabel('display', 'title', options.title);
  const as = options.as;
  if (as !== undefined && as !== 'table' && as !== 'heatmap' && as !== 'text') {
    throw new TypeError(`display: expected as to be 'table', 'heatmap' or 'text', got ${inspect(as)}`);
  }
  if (as === 'text' || typeof value === 'string') return { kind: 'text', text: clip(typeof value === 'string' ? value : inspect(value), LIMITS.textChars) };
  if (value instanceof Tensor) return displayTensor(value, title, as);
  if (as === 'heatmap') return heatmap('display', toMatrix('display', value), { ...(title ? { title } : {}) });
  const table = recordsTable(value, title);
  if (table) return table;
  return { kind: 'text', text: clip(inspect(value), LIMITS.textChars) };
}

function displayTensor(t: Tensor, title: string | undefined, as: DisplayOptions['as']): DisplayItem {
  if (t.ndim === 0) return { kind: 'text', text: t.toString() };
  const [rows, columns] = t.ndim === 1 ? [t.shape[0]!, 1] : [t.shape[t.ndim - 2]!, t.shape[t.ndim - 1]!];
  const slice = t.ndim > 2 ? `showing x[${t.shape.slice(0, -2).map(() => 0).join(', ')}] of a tensor of shape [${t.shape.join(', ')}]` : undefined;
  const plane = Array.from(t.data.subarray(0, rows * columns));
  const big = rows > TABLE_MAX_ROWS || columns > TABLE_MAX_COLUMNS;
  if (as === 'heatmap' || (as === undefined && t.ndim >= 2 && (big || t.ndim > 2))) {
    if (t.ndim === 1) throw new TypeError(`display: a heatmap needs a tensor of at least 2 dimensions, got shape [${t.shape.join(', ')}]`);
    return heatmap('display', { rows, columns, values: plane, ...(slice ? { note: slice } : {}) }, { ...(title ? { title } : {}), xLabel: 'column', yLabel: 'row' });
  }
  const shownRows = Math.min(rows, LIMITS.tableRows);
  const shownColumns = Math.min(columns, LIMITS.tableColumns);
  const values: number[] = [];
  for (let r = 0; r < shownRows; r++) for (let c = 0; c < shownColumns; c++) values.push(plane[r * columns + c]!);
  const text = formatElements(values);
  const body = Array.from({ length: shownRows }, (_, r) => text.slice(r * shownColumns, (r + 1) * shownColumns));
  const notes = [slice, cutNote(rows, shownRows, 'rows'), cutNote(columns, shownColumns, 'columns')].filter((n) => n !== undefined);
  return table({
    ...(title ? { title } : {}),
    columns: t.ndim === 1 ? ['value'] : Array.from({ length: shownColumns }, (_, c) => String(c)),
    rowLabels: Array.from({ length: shownRows }, (_, r) => String(r)),
    rows: body,
    numeric: Array.from({ length: t.ndim === 1 ? 1 : shownColumns }, () => true),
    ...(notes.length ? { note: notes.join('; ') } : {}),
  });
}

function cutNote(total: number, shown: number, what: string): string | undefined {
  return total > shown ? `showing ${count(shown)} of ${count(total)} ${what}` : undefined;
}

/** A table from records ([{a: 1, b: 2}, ...]), rows of values ([[1, 2], ...]) or columns ({a: [1, 2], b: [3, 4]}); undefined if `value` is none of these. */
function recordsTable(value: unknown, title: string | undefined): TableItem | undefined {
  let columns: string[];
  let rows: unknown[][];
  if (Array.isArray(value) && value.length > 0 && value.every(isPlainObject)) {
    columns = [...new Set(value.flatMap((r) => Object.keys(r as object)))];
    rows = value.map((r) => columns.map((c) => (r as Record<string, unknown>)[c]));
  } else if (Array.isArray(value) && value.length > 0 && value.every((r) => Array.isArray(r))) {
    const width = Math.max(...value.map((r) => (r as unknown[]).length));
    columns = Array.from({ length: width }, (_, c) => String(c));
    rows = value.map((r) => columns.map((_, c) => (r as unknown[])[c]));
  } else if (Array.isArray(value) && value.length > 0) {
    columns = ['value'];
    rows = value.map((v) => [v]);
  } else if (isPlainObject(value) && Object.keys(value).length > 0) {
    const entries = Object.entries(value);
    if (entries.every(([, v]) => Array.isArray(v) || v instanceof Tensor)) {
      columns = entries.map(([k]) => k);
      const lists = entries.map(([, v]) => (v instanceof Tensor ? Array.from(v.data) : (v as unknown[])));
      const length = Math.max(...lists.map((l) => l.length));
      rows = Array.from({ length }, (_, r) => lists.map((l) => l[r]));
    } else {
      columns = ['key', 'value'];
      rows = entries;
    }
  } else {
    return undefined;
  }
  const shownColumns = columns.slice(0, LIMITS.tableColumns);
  const shownRows = rows.slice(0, LIMITS.tableRows).map((r) => r.slice(0, shownColumns.length));
  const numeric = shownColumns.map((_, c) => shownRows.every((r) => typeof r[c] === 'number' || r[c] === undefined));
  const notes = [cutNote(rows.length, shownRows.length, 'rows'), cutNote(columns.length, shownColumns.length, 'columns')].filter((n) => n !== undefined);
  return table({
    ...(title ? { title } : {}),
    columns: shownColumns.map((c) => clip(c, LIMITS.labelChars)),
    rowLabels: isPlainObject(value) && columns[0] === 'key' ? undefined : shownRows.map((_, r) => String(r)),
    rows: shownRows.map((r) => r.map(cellText)),
    numeric,
    ...(notes.length ? { note: notes.join('; ') } : {}),
  });
}

function table(parts: Omit<TableItem, 'kind' | 'text' | 'rowLabels'> & { rowLabels?: readonly string[] | undefined }): TableItem {
  const { rowLabels, ...rest } = parts;
  const header = [...(rowLabels ? [''] : []), ...parts.columns].join('\t');
  const lines = parts.rows.map((r, i) => [...(rowLabels ? [rowLabels[i] ?? ''] : []), ...r].join('\t'));
  const text = [...(parts.title ? [parts.title] : []), header, ...lines, ...(parts.note ? [`(${parts.note})`] : [])].join('\n');
  return { kind: 'table', ...rest, ...(rowLabels ? { rowLabels } : {}), text };
}

function cellText(v: unknown): string {
  if (v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) || !Number.isFinite(v) ? String(v) : String(Number(v.toPrecision(6)));
  if (typeof v === 'string') return clip(v, LIMITS.labelChars);
  return clip(inspect(v), LIMITS.labelChars);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Tensor) return false;
  const proto = Object.getPrototypeOf(v) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null; // Object.prototype of any realm
}

/** What plot(data, options) shows: a line chart, a scatter plot or a heatmap. Throws TypeError for data it cannot plot. */
export function toPlotItem(data: unknown, options: PlotOptions = {}): DisplayItem {
  const kind = options.kind;
  if (kind !== undefined && kind !== 'line' && kind !== 'scatter' && kind !== 'heatmap') {
    throw new TypeError(`plot: expected kind to be 'line', 'scatter' or 'heatmap', got ${inspect(kind)}`);
  }
  const labels = {
    ...maybe('title', optionalLabel('plot', 'title', options.title)),
    ...maybe('xLabel', optionalLabel('plot', 'xLabel', options.xLabel)),
    ...maybe('yLabel', optionalLabel('plot', 'yLabel', options.yLabel)),
  };
  const label = optionalLabel('plot', 'label', options.label);
  const matrix = isMatrixLike(data);
  if (kind === 'heatmap' || (kind === undefined && matrix)) return heatmap('plot', toMatrix('plot', data), labels);
  const series = toSeries(data, label);
  if (series.length > LIMITS.series) throw new TypeError(`plot: at most ${LIMITS.series} series, got ${series.length}`);
  const notes: string[] = [];
  const sampled = series.map((s) => {
    const n = s.y.length;
    if (n <= LIMITS.pointsPerSeries) return s;
    const step = Math.ceil(n / LIMITS.pointsPerSeries);
    notes.push(`${s.label}: showing every ${ordinal(step)} of ${count(n)} points`);
    const keep = (_: unknown, i: number): boolean => i % step === 0 || i === n - 1;
    return { ...s, x: s.x.filter(keep), y: s.y.filter(keep) };
  });
  const chart = kind === 'scatter' ? 'scatter' : 'line';
  return { kind: 'chart', chart, ...labels, series: sampled, ...(notes.length ? { note: notes.join('; ') } : {}), text: describeChart(chart, labels.title, sampled) };
}

function maybe<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

function optionalLabel(fn: string, name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new TypeError(`${fn}: expected ${name} to be a string, got ${inspect(value)}`);
  return clip(value, LIMITS.labelChars);
}

function isMatrixLike(data: unknown): boolean {
  if (data instanceof Tensor) return data.ndim >= 2;
  return Array.isArray(data) && data.length > 0 && data.every((r) => Array.isArray(r) && r.every((v) => typeof v === 'number'));
}

/** Numbers from a Tensor (any shape, flattened) or an array of numbers; throws naming `what` otherwise. */
function numbers(fn: string, what: string, v: unknown): number[] {
  if (v instanceof Tensor) return Array.from(v.data);
  if (Array.isArray(v) && v.every((x) => typeof x === 'number')) return v as number[];
  throw new TypeError(`${fn}: expected ${what} to be a Tensor or an array of numbers, got ${describeKind(v)}`);
}

function describeKind(v: unknown): string {
  if (Array.isArray(v)) return `an array containing ${describeKind(v.find((x) => typeof x !== 'number'))}`;
  if (v === null) return 'null';
  if (v instanceof Tensor) return `a Tensor of shape [${v.shape.join(', ')}]`;
  return typeof v === 'object' ? 'an object' : `${typeof v === 'undefined' ? 'undefined' : `a ${typeof v}`}`;
}

function toSeries(data: unknown, label: string | undefined): ChartSeries[] {
  const make = (x: number[] | undefined, y: number[], name: string, dashed = false): ChartSeries => {
    if (x && x.length !== y.length) throw new TypeError(`plot: x has ${x.length} values but y has ${y.length}`);
    return { label: clip(name, LIMITS.labelChars), x: (x ?? y.map((_, i) => i)).map(finiteOrNull), y: y.map(finiteOrNull), ...(dashed ? { dashed } : {}) };
  };
  if (data instanceof Tensor || (Array.isArray(data) && data.every((v) => typeof v === 'number'))) {
    return [make(undefined, numbers('plot', 'the data', data), label ?? 'y')];
  }
  const one = (s: unknown, i: number, many: boolean): ChartSeries[] => {
    if (!isPlainObject(s) || !('y' in s)) {
      throw new TypeError(`plot: expected numbers, a Tensor, { x, y } or a list of { x, y, label }, got ${describeKind(s)}`);
    }
    const x = s.x === undefined ? undefined : numbers('plot', 'x', s.x);
    const name = typeof s.label === 'string' ? s.label : (label ?? (many ? `series ${i + 1}` : 'y'));
    // y given as several rows (2-D tensor or arrays of numbers): one series per row, sharing x.
    if ((s.y instanceof Tensor && s.y.ndim === 2) || (Array.isArray(s.y) && s.y.length > 0 && s.y.every(Array.isArray))) {
      const rows = s.y instanceof Tensor ? Array.from({ length: s.y.shape[0]! }, (_, r) => (s.y as Tensor).select(0, r)) : (s.y as unknown[]);
      return rows.map((r, k) => make(x, numbers('plot', `y[${k}]`, r), `${name} ${k}`));
    }
    return [make(x, numbers('plot', 'y', s.y), name, s.dashed === true)];
  };
  if (Array.isArray(data) && data.length > 0) return data.flatMap((s, i) => one(s, i, data.length > 1));
  return one(data, 0, false);
}

/** A matrix of numbers from a 2-D (or higher: the first 2-D slice) tensor or an array of equal-length rows. */
function toMatrix(fn: string, data: unknown): { rows: number; columns: number; values: number[]; note?: string } {
  if (data instanceof Tensor) {
    if (data.ndim < 2) throw new TypeError(`${fn}: a heatmap needs a tensor of at least 2 dimensions, got shape [${data.shape.join(', ')}]`);
    const rows = data.shape[data.ndim - 2]!;
    const columns = data.shape[data.ndim - 1]!;
    const note = data.ndim > 2 ? `showing x[${data.shape.slice(0, -2).map(() => 0).join(', ')}] of a tensor of shape [${data.shape.join(', ')}]` : undefined;
    return { rows, columns, values: Array.from(data.data.subarray(0, rows * columns)), ...(note ? { note } : {}) };
  }
  if (Array.isArray(data) && data.length > 0 && data.every(Array.isArray)) {
    const columns = (data[0] as unknown[]).length;
    const values = data.flatMap((r, i) => {
      const row = numbers(fn, `row ${i}`, r);
      if (row.length !== columns) throw new TypeError(`${fn}: a heatmap needs rows of equal length; row 0 has ${columns} values, row ${i} has ${row.length}`);
      return row;
    });
    return { rows: data.length, columns, values };
  }
  throw new TypeError(`${fn}: a heatmap needs a 2-D Tensor or an array of rows of numbers, got ${describeKind(data)}`);
}

function heatmap(
  fn: string,
  m: { rows: number; columns: number; values: number[]; note?: string },
  labels: { title?: string; xLabel?: string; yLabel?: string },
): HeatmapItem {
  if (m.rows === 0 || m.columns === 0) throw new TypeError(`${fn}: cannot draw a heatmap of ${m.rows} × ${m.columns} values`);
  const rowStep = Math.ceil(m.rows / LIMITS.heatmapSide);
  const columnStep = Math.ceil(m.columns / LIMITS.heatmapSide);
  const rows = Math.ceil(m.rows / rowStep);
  const columns = Math.ceil(m.columns / columnStep);
  const values: (number | null)[] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) values.push(finiteOrNull(m.values[r * rowStep * m.columns + c * columnStep]!));
  const sampled = rowStep > 1 || columnStep > 1 ? `showing every ${rowStep > 1 ? `${ordinal(rowStep)} row` : 'row'} and ${columnStep > 1 ? `${ordinal(columnStep)} column` : 'column'} of ${count(m.rows)} × ${count(m.columns)}` : undefined;
  const note = [m.note, sampled].filter((n) => n !== undefined).join('; ');
  const finite = values.filter((v): v is number => v !== null);
  const range = finite.length ? `values from ${formatSignificant(Math.min(...finite))} to ${formatSignificant(Math.max(...finite))}` : 'no finite values';
  return {
    kind: 'heatmap',
    ...labels,
    rows,
    columns,
    values,
    ...(note ? { note } : {}),
    text: `Heatmap${labels.title ? ` "${labels.title}"` : ''} of ${m.rows} × ${m.columns} values, ${range}.`,
  };
}

function describeChart(chart: 'line' | 'scatter', title: string | undefined, series: readonly ChartSeries[]): string {
  const head = `${chart === 'line' ? 'Line chart' : 'Scatter plot'}${title ? ` "${title}"` : ''}`;
  const parts = series.map((s) => {
    const xs = s.x.filter((v): v is number => v !== null);
    const ys = s.y.filter((v): v is number => v !== null);
    if (ys.length === 0) return `${s.label}: no finite values`;
    return `${s.label}: ${count(s.y.length)} points, x from ${formatSignificant(Math.min(...xs))} to ${formatSignificant(Math.max(...xs))}, y from ${formatSignificant(Math.min(...ys))} to ${formatSignificant(Math.max(...ys))}`;
  });
  return `${head}. ${parts.join('; ')}.`;
}
