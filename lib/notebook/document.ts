/**
 * A notebook as the page edits, stores and exports it: an ordered list of code and Markdown cells.
 * Plain JSON (outputs are the kernel's serialisable Output items), immutable: every edit below
 * returns a new document and leaves the old one as it was.
 */
import type { Output } from './outputs';

/** Any JSON value. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A JSON object (metadata kept as it came, for Jupyter tools). */
export type JsonObject = { readonly [key: string]: JsonValue };

/** The language code cells run in here. */
export const KERNEL_LANGUAGE = 'typescript';

/** A cell of TypeScript and what its last run produced. */
export interface CodeCellData {
  readonly type: 'code';
  /** Unique in the notebook: letters, digits, '-' and '_' (nbformat's cell id). */
  readonly id: string;
  readonly source: string;
  readonly outputs: readonly Output[];
  /** The run's number in the kernel's order ([3]), or null if not run. */
  readonly executionCount: number | null;
  /**
   * The language the code is written in when it is not TypeScript (the cells of an imported
   * Python notebook): such a cell is kept as text and not run.
   */
  readonly language?: string;
  /** Cell metadata from Jupyter tools (tags, collapsed, ...), kept for export. */
  readonly metadata: JsonObject;
}

/** A cell of Markdown with $math$. */
export interface MarkdownCellData {
  readonly type: 'markdown';
  readonly id: string;
  readonly source: string;
  readonly metadata: JsonObject;
  /** Files the Markdown refers to (nbformat attachments), kept for export; not shown. */
  readonly attachments?: JsonObject;
}

/** One cell of a notebook. */
export type CellData = CodeCellData | MarkdownCellData;

/** A whole notebook. */
export interface NotebookDoc {
  readonly cells: readonly CellData[];
  /** Notebook metadata from Jupyter tools other than the kernel's (which export writes), kept for export. */
  readonly metadata: JsonObject;
}

/** The kinds of cell the page adds. */
export type CellType = CellData['type'];

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Whether `id` is a valid nbformat cell id. */
export function isCellId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/** An id not used by any cell of `cells`: `cell-1`, `cell-2`, ... (the smallest free one). */
export function freeCellId(cells: readonly { readonly id: string }[]): string {
  const used = new Set(cells.map((c) => c.id));
  let n = 1;
  while (used.has(`cell-${n}`)) n++;
  return `cell-${n}`;
}

/** An empty cell of `type` with id `id`. */
export function emptyCell(type: CellType, id: string): CellData {
  return type === 'code' ? { type: 'code', id, source: '', outputs: [], executionCount: null, metadata: {} } : { type: 'markdown', id, source: '', metadata: {} };
}

/** A new notebook: one empty code cell. */
export function newNotebook(): NotebookDoc {
  return { cells: [emptyCell('code', 'cell-1')], metadata: {} };
}

/** The document with an empty cell of `type` inserted at `index` (0 = first), and that cell. */
export function insertCell(doc: NotebookDoc, index: number, type: CellType): { doc: NotebookDoc; cell: CellData } {
  const at = Math.max(0, Math.min(doc.cells.length, index));
  const cell = emptyCell(type, freeCellId(doc.cells));
  return { doc: { ...doc, cells: [...doc.cells.slice(0, at), cell, ...doc.cells.slice(at)] }, cell };
}

/** The document with `cell` put back at `index` (undoing a delete); a clashing id is replaced. */
export function restoreCell(doc: NotebookDoc, index: number, cell: CellData): NotebookDoc {
  const at = Math.max(0, Math.min(doc.cells.length, index));
  const kept = doc.cells.some((c) => c.id === cell.id) ? { ...cell, id: freeCellId(doc.cells) } : cell;
  return { ...doc, cells: [...doc.cells.slice(0, at), kept, ...doc.cells.slice(at)] };
}

/** The document without the cell `id`. */
export function deleteCell(doc: NotebookDoc, id: string): NotebookDoc {
  return { ...doc, cells: doc.cells.filter((c) => c.id !== id) };
}

/** The document with cell `id` moved by `by` places (-1 = up); unchanged at either end. */
export function moveCell(doc: NotebookDoc, id: string, by: number): NotebookDoc {
  const from = doc.cells.findIndex((c) => c.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= doc.cells.length || by === 0) return doc;
  const cells = [...doc.cells];
  const [cell] = cells.splice(from, 1);
  cells.splice(to, 0, cell!);
  return { ...doc, cells };
}

/** The document with cell `id` changed by `change` (a function of the cell). */
export function updateCell(doc: NotebookDoc, id: string, change: (cell: CellData) => CellData): NotebookDoc {
  let changed = false;
  const cells = doc.cells.map((c) => {
    if (c.id !== id) return c;
    const next = change(c);
    changed ||= next !== c;
    return next;
  });
  return changed ? { ...doc, cells } : doc;
}

/** The document with cell `id`'s source set to `source`. */
export function setSource(doc: NotebookDoc, id: string, source: string): NotebookDoc {
  return updateCell(doc, id, (c) => (c.source === source ? c : { ...c, source }));
}

/** The document with code cell `id`'s outputs and execution count set. */
export function setOutputs(doc: NotebookDoc, id: string, outputs: readonly Output[], executionCount: number | null): NotebookDoc {
  return updateCell(doc, id, (c) => (c.type === 'code' ? { ...c, outputs, executionCount } : c));
}

/** The document with code cell `id` marked as TypeScript (runnable), dropping the language it came in. */
export function markAsTypeScript(doc: NotebookDoc, id: string): NotebookDoc {
  return updateCell(doc, id, (c) => {
    if (c.type !== 'code' || c.language === undefined) return c;
    const { language: _dropped, ...rest } = c;
    return rest;
  });
}

/** Whether a code cell runs here (its code is TypeScript). */
export function isRunnable(cell: CellData): boolean {
  return cell.type === 'code' && cell.language === undefined;
}
