/**
 * A chart's data as a table (what it plots, column by column) and that table as CSV text
 * (RFC 4180). Pure: no DOM, so the tests run in Node.
 */

/** One cell: a number written at full precision, a string, or empty (undefined). */
export type Cell = number | string | undefined;

/** A chart's data as plotted: named columns and rows of cells, each row as long as `columns`. */
export interface ChartTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

/** One plotted series: its label and its points (x[i], y[i]). */
export interface TableSeries {
  readonly label: string;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
}

/**
 * A number as CSV text at full precision: the shortest decimal that reads back as the same double
 * (so a Float32Array's value keeps every digit it has); NaN, Infinity and -Infinity as those words.
 */
export function formatCsvNumber(v: number): string {
  return Object.is(v, -0) ? '0' : String(v);
}

/** One field, quoted (with inner quotes doubled) when it holds a comma, a quote, CR or LF (RFC 4180, 2.6–2.7). */
export function csvField(cell: Cell): string {
  if (cell === undefined) return '';
  const text = typeof cell === 'number' ? formatCsvNumber(cell) : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The table as CSV: a header row of the column names, then one record per row, each ended by CRLF (RFC 4180). */
export function toCsv(table: ChartTable): string {
  const width = table.columns.length;
  table.rows.forEach((row, i) => {
    if (row.length !== width) throw new RangeError(`toCsv: expected every row to have ${width} cells (one per column), got ${row.length} in row ${i + 1}`);
  });
  return [table.columns, ...table.rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/**
 * Series joined on x into one table: a column for x (named `xLabel`), then one per series named by
 * its label. Rows follow x ascending over the union of every series' x-values; a series without a
 * point at a row's x leaves its cell empty, so series of different lengths (a loss every step, a
 * validation loss every 50) stay aligned. A series that repeats an x gets one row per repeat.
 */
export function seriesTable(xLabel: string, series: readonly TableSeries[]): ChartTable {
  // key: x, then which repeat of that x within its series (0 for the first).
  const rows = new Map<string, { x: number; repeat: number; cells: Cell[] }>();
  series.forEach((s, j) => {
    const seen = new Map<number, number>();
    const n = Math.min(s.x.length, s.y.length);
    for (let i = 0; i < n; i++) {
      const x = s.x[i] ?? NaN;
      const repeat = seen.get(x) ?? 0;
      seen.set(x, repeat + 1);
      const key = `${formatCsvNumber(x)}|${repeat}`;
      let row = rows.get(key);
      if (!row) {
        row = { x, repeat, cells: new Array<Cell>(series.length).fill(undefined) };
        rows.set(key, row);
      }
      row.cells[j] = s.y[i] ?? NaN;
    }
  });
  // NaN x-values (a point with no position) go last; comparisons, not subtraction, so ±Infinity order too.
  const rank = (x: number): number => (Number.isNaN(x) ? 1 : 0);
  const ordered = [...rows.values()].sort((a, b) => rank(a.x) - rank(b.x) || (a.x < b.x ? -1 : a.x > b.x ? 1 : 0) || a.repeat - b.repeat);
  return { columns: [xLabel, ...series.map((s) => s.label)], rows: ordered.map((r) => [r.x, ...r.cells]) };
}

/**
 * A map of `rows` × `columns` values (row-major, as PixelMap draws one plane) as a table laid out
 * like the map: a row index, then one column per map column, indices counted from `first` (1, or
 * 0 where the widget shows indices from 0).
 */
export function gridTable(values: ArrayLike<number>, rows: number, columns: number, first = 1): ChartTable {
  return planesTable(values, [undefined], rows, columns, first);
}

/**
 * Several planes of `rows` × `columns` values, one after another (C × H × W, row-major), as one
 * table: a column (named `planeColumn`) naming each row's plane, left out when `planes` is
 * `[undefined]` (a single map), the row index, then one column per map column, indices counted from `first`.
 */
export function planesTable(values: ArrayLike<number>, planes: readonly (string | undefined)[], rows: number, columns: number, first = 1, planeColumn = 'channel'): ChartTable {
  const size = planes.length * rows * columns;
  const named = planes.some((p) => p !== undefined);
  const shape = [...(named ? [planes.length] : []), rows, columns].join(' × ');
  if (values.length < size) throw new RangeError(`${named ? 'planesTable' : 'gridTable'}: expected ${size} values (${shape}), got ${values.length}`);
  const indices = (n: number): number[] => Array.from({ length: n }, (_, i) => i + first);
  return {
    columns: [...(named ? [planeColumn] : []), 'row', ...indices(columns).map((c) => `column ${c}`)],
    rows: planes.flatMap((plane, p) =>
      indices(rows).map((r) => [...(named ? [plane] : []), r, ...indices(columns).map((c) => values[(p * rows + r - first) * columns + c - first])]),
    ),
  };
}

/** A file name's stem from its parts: lower case, words joined by hyphens, nothing but a–z, 0–9 and hyphens ("Run A", "Loss" → "run-a-loss"). */
export function exportFileStem(parts: readonly (string | undefined)[]): string {
  const stem = parts
    .filter((p): p is string => p !== undefined)
    .map((p) =>
      p
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter((p) => p.length > 0)
    .join('-');
  return stem || 'chart';
}
