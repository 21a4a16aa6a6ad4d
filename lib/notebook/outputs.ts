/**
 * What a cell produces, as plain JSON: these cross postMessage from the sandbox to the page and
 * are stored in notebooks (.ipynb), so they hold no functions, no typed arrays and no NaN (a
 * missing number is null). Every item that is a picture carries `text`, its plain-text equivalent.
 */

/** A table, rendered as a real <table>. Cells are already formatted. */
export interface TableItem {
  readonly kind: 'table';
  readonly title?: string;
  readonly columns: readonly string[];
  /** Header of each row (e.g. its index), if rows have one. */
  readonly rowLabels?: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Whether each column holds numbers (right-aligned). */
  readonly numeric: readonly boolean[];
  /** Says what was left out, e.g. "showing 100 of 5,000 rows". */
  readonly note?: string;
  readonly text: string;
}

/** One line or set of points of a chart; null marks a missing (non-finite) value. */
export interface ChartSeries {
  readonly label: string;
  readonly x: readonly (number | null)[];
  readonly y: readonly (number | null)[];
  /** Drawn dashed (e.g. a curve expected to lie on top of another). */
  readonly dashed?: boolean;
}

/** A line chart or a scatter plot. */
export interface ChartItem {
  readonly kind: 'chart';
  readonly chart: 'line' | 'scatter';
  readonly title?: string;
  readonly xLabel?: string;
  readonly yLabel?: string;
  readonly series: readonly ChartSeries[];
  readonly note?: string;
  readonly text: string;
}

/** A grid of numbers drawn as colours (row-major values). */
export interface HeatmapItem {
  readonly kind: 'heatmap';
  readonly title?: string;
  readonly xLabel?: string;
  readonly yLabel?: string;
  readonly rows: number;
  readonly columns: number;
  readonly values: readonly (number | null)[];
  readonly note?: string;
  readonly text: string;
}

/** Text shown as it is (monospace). */
export interface TextItem {
  readonly kind: 'text';
  readonly text: string;
}

/** What display() and plot() show. */
export type DisplayItem = TableItem | ChartItem | HeatmapItem | TextItem;

/** A cell's error: what went wrong, and where in the cell (lines and columns count from 1). */
export interface ErrorOutput {
  readonly type: 'error';
  readonly name: string;
  readonly message: string;
  /** The line of this cell the error happened on, when known. */
  readonly line?: number;
  readonly column?: number;
  /** The calls that led there, cell code only: `at relu (cell [2], line 3)`. */
  readonly stack: readonly string[];
}

/** One thing a cell printed, showed or threw, in the order it happened. */
export type Output =
  | { readonly type: 'stream'; readonly name: 'stdout' | 'stderr'; readonly text: string }
  | { readonly type: 'value'; readonly text: string }
  | { readonly type: 'display'; readonly item: DisplayItem }
  | ErrorOutput
  | { readonly type: 'notice'; readonly text: string };

/** How much one run may produce; beyond this the kernel drops output and says so. */
export const LIMITS = {
  /** Characters of printed text per run. */
  streamChars: 200_000,
  /** display() and plot() calls per run. */
  displays: 50,
  /** Characters of one value, text item or error message. */
  textChars: 50_000,
  tableRows: 100,
  tableColumns: 20,
  /** Characters of one table cell, title or label. */
  labelChars: 200,
  series: 8,
  pointsPerSeries: 2_000,
  /** Rows and columns of a heatmap. */
  heatmapSide: 100,
  stackFrames: 20,
} as const;

/** `text` cut to `max` characters, saying how much was cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${(text.length - max).toLocaleString('en-US')} more characters)`;
}

/** A number as JSON can hold it: null for NaN and ±Infinity. */
export function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

/** The outputs with consecutive prints to one stream merged into one (as they are shown and stored). */
export function mergeStreams(outputs: readonly Output[]): Output[] {
  const merged: Output[] = [];
  for (const o of outputs) {
    const last = merged[merged.length - 1];
    if (o.type === 'stream' && last?.type === 'stream' && last.name === o.name) merged[merged.length - 1] = { ...last, text: last.text + o.text };
    else merged.push(o);
  }
  return merged;
}
