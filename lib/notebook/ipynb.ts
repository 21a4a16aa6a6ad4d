/**
 * Notebooks as Jupyter files: nbformat 4.5 JSON. Export here, import in ipynb-import.ts.
 *
 *   ours                        nbformat
 *   code cell                   code cell: source, outputs, execution_count, metadata
 *     language (not TS)         metadata.neural_notebook.language
 *   markdown cell               markdown cell: source, metadata, attachments
 *   stream                      stream: name, text
 *   value                       execute_result: data text/plain, execution_count of the cell
 *   display (table, chart...)   display_data: data text/plain (the item's text) + OUTPUT_MIME (the output)
 *   notice                      display_data: data text/plain + OUTPUT_MIME
 *   error                       error: ename, evalue, traceback [headline with line/column, ...stack]
 */
import type { CellData, JsonObject, JsonValue, NotebookDoc } from './document';
import type { ErrorOutput, Output } from './outputs';

/** Our own MIME type in display_data: the Output itself, as JSON (Jupyter shows text/plain beside it). */
export const OUTPUT_MIME = 'application/vnd.neural-notebook.output+json';

/** The kernel exported notebooks name: Jupyter tools show its display name and highlight TypeScript. */
export const KERNELSPEC = { name: 'typescript', display_name: 'TypeScript (Neural Notebook)', language: 'typescript' } as const;

/** What exported notebooks say about their language. */
export const LANGUAGE_INFO = { name: 'typescript', file_extension: '.ts', mimetype: 'text/typescript' } as const;

/** Where our own cell metadata lives in a cell's metadata. */
export const OWN_METADATA = 'neural_notebook';

/** An nbformat output, as written. */
export type IpynbOutput =
  | { readonly output_type: 'stream'; readonly name: 'stdout' | 'stderr'; readonly text: readonly string[] }
  | { readonly output_type: 'execute_result'; readonly execution_count: number | null; readonly data: JsonObject; readonly metadata: JsonObject }
  | { readonly output_type: 'display_data'; readonly data: JsonObject; readonly metadata: JsonObject }
  | { readonly output_type: 'error'; readonly ename: string; readonly evalue: string; readonly traceback: readonly string[] };

/** An nbformat cell, as written. */
export type IpynbCell =
  | {
      readonly cell_type: 'code';
      readonly id: string;
      readonly metadata: JsonObject;
      readonly source: readonly string[];
      readonly outputs: readonly IpynbOutput[];
      readonly execution_count: number | null;
    }
  | { readonly cell_type: 'markdown'; readonly id: string; readonly metadata: JsonObject; readonly source: readonly string[]; readonly attachments?: JsonObject };

/** An nbformat 4.5 notebook, as written. */
export interface Ipynb {
  readonly cells: readonly IpynbCell[];
  readonly metadata: JsonObject;
  readonly nbformat: 4;
  readonly nbformat_minor: 5;
}

/** Text as nbformat stores it: a list of lines, each but the last ending in "\n" ([] for ""). */
export function toLines(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}

/** " on line 3, column 4" for an error with a place, "" without one (as the page shows it). */
export function errorPlace(error: Pick<ErrorOutput, 'line' | 'column'>): string {
  if (error.line === undefined) return '';
  return ` on line ${error.line}${error.column === undefined ? '' : `, column ${error.column}`}`;
}

/** The first line of an exported traceback: "RangeError on line 3: matmul: ...". */
export function errorHeadline(error: Pick<ErrorOutput, 'name' | 'message' | 'line' | 'column'>): string {
  return `${error.name}${errorPlace(error)}: ${error.message}`;
}

function outputToIpynb(output: Output, count: number | null): IpynbOutput {
  switch (output.type) {
    case 'stream':
      return { output_type: 'stream', name: output.name, text: toLines(output.text) };
    case 'value':
      return { output_type: 'execute_result', execution_count: count, data: { 'text/plain': toLines(output.text) }, metadata: {} };
    case 'display':
    case 'notice': {
      const text = output.type === 'display' ? output.item.text : output.text;
      return { output_type: 'display_data', data: { 'text/plain': toLines(text), [OUTPUT_MIME]: output as unknown as JsonValue }, metadata: {} };
    }
    case 'error':
      return { output_type: 'error', ename: output.name, evalue: output.message, traceback: [errorHeadline(output), ...output.stack] };
  }
}

function cellToIpynb(cell: CellData): IpynbCell {
  if (cell.type === 'markdown') {
    return { cell_type: 'markdown', id: cell.id, metadata: cell.metadata, source: toLines(cell.source), ...(cell.attachments ? { attachments: cell.attachments } : {}) };
  }
  const own = cell.metadata[OWN_METADATA];
  const metadata: JsonObject =
    cell.language === undefined ? cell.metadata : { ...cell.metadata, [OWN_METADATA]: { ...(isObject(own) ? own : {}), language: cell.language } };
  return {
    cell_type: 'code',
    id: cell.id,
    metadata,
    source: toLines(cell.source),
    outputs: cell.outputs.map((o) => outputToIpynb(o, cell.executionCount)),
    execution_count: cell.executionCount,
  };
}

/** Whether a JSON value is an object (not a list, not null). */
export function isObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The notebook as nbformat 4.5 JSON, with our TypeScript kernel in its metadata. */
export function notebookToIpynb(doc: NotebookDoc): Ipynb {
  return {
    cells: doc.cells.map(cellToIpynb),
    metadata: { ...doc.metadata, kernelspec: KERNELSPEC, language_info: LANGUAGE_INFO },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/** A copy of `v` with every object's keys in sorted order (as Jupyter writes files, so diffs stay small). */
function sortKeys(v: JsonValue): JsonValue {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (!isObject(v)) return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, sortKeys(v[k]!)]),
  );
}

/** The .ipynb file's text: nbformat 4.5, keys sorted and one-space indents as Jupyter writes it, ending in a newline. */
export function ipynbText(doc: NotebookDoc): string {
  return `${JSON.stringify(sortKeys(notebookToIpynb(doc) as unknown as JsonValue), null, 1)}\n`;
}
