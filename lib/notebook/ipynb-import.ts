/**
 * Reading a .ipynb file (untrusted) into a notebook. Checked against the essentials of nbformat
 * 4's JSON schema (4.0 to 4.5: types, required and allowed keys, cell ids), with bounded sizes.
 * Anything else is refused with one message saying where, what was expected and what was found.
 * Nothing is run: code stays text, outputs stay data.
 *
 * A notebook of another language (Python) is imported, its code cells marked with their language:
 * they show as code but do not run here (the kernel runs TypeScript), and the import says so.
 */
import { freeCellId, isCellId, type CellData, type JsonObject, type NotebookDoc } from './document';
import { isObject, OWN_METADATA } from './ipynb';
import { outputWarnings, readAttachments, readOutput, type OutputNotes } from './ipynb-outputs';
import { at, checkDepth, integerAt, JsonRefusal, listAt, multilineAt, objectAt, oneOf, onlyKeys, refuse, stringAt } from './json-check';

/** How large a file the import reads. */
export const IMPORT_LIMITS = {
  /** Characters of the whole file (about its size in bytes for mostly-ASCII JSON). */
  fileChars: 20_000_000,
  cells: 1000,
  /** Characters of one cell's source (as much as the kernel accepts to run). */
  sourceChars: 1_000_000,
  outputsPerCell: 500,
  /** Lists and objects inside one another. */
  depth: 64,
} as const;

/** The result of an import: the notebook and what the reader should know, or why it was refused. */
export type ImportResult = { readonly ok: true; readonly doc: NotebookDoc; readonly warnings: readonly string[] } | { readonly ok: false; readonly message: string };

/** Languages whose code runs as it is here. */
const RUNNABLE = ['typescript', 'javascript'];
const CELL_TYPES = ['code', 'markdown', 'raw'] as const;
const KEYS = {
  code: ['id', 'cell_type', 'metadata', 'source', 'outputs', 'execution_count'],
  markdown: ['id', 'cell_type', 'metadata', 'source', 'attachments'],
  raw: ['id', 'cell_type', 'metadata', 'source', 'attachments'],
} as const;
const LABEL_CHARS = 200;

/** The notebook's language (lower case) from language_info or the kernelspec, if it says. */
function notebookLanguage(metadata: Record<string, unknown>): { language: string | undefined; kernel: string | undefined } {
  let language: string | undefined;
  let kernel: string | undefined;
  if (metadata.kernelspec !== undefined) {
    const spec = objectAt(metadata.kernelspec, 'metadata.kernelspec');
    stringAt(spec.name, 'metadata.kernelspec.name', LABEL_CHARS);
    kernel = stringAt(spec.display_name, 'metadata.kernelspec.display_name', LABEL_CHARS);
    if (typeof spec.language === 'string') language = spec.language;
  }
  if (metadata.language_info !== undefined) {
    const info = objectAt(metadata.language_info, 'metadata.language_info');
    language = stringAt(info.name, 'metadata.language_info.name', LABEL_CHARS);
  }
  return { language: language?.toLowerCase(), kernel };
}

/** A language's name for a message: "python" → "Python". */
function languageName(language: string): string {
  return language.charAt(0).toUpperCase() + language.slice(1);
}

/** A fenced block showing `text` as it is (the fence longer than any run of backticks inside). */
function fenced(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${text}${text.endsWith('\n') || text === '' ? '' : '\n'}${fence}`;
}

/** The cell's own language from our metadata, and the metadata without it. */
function ownLanguage(metadata: JsonObject): { language: string | undefined; metadata: JsonObject } {
  const own = metadata[OWN_METADATA];
  if (!isObject(own) || typeof own.language !== 'string') return { language: undefined, metadata };
  const { language, ...ownRest } = own as JsonObject & { language: string };
  const { [OWN_METADATA]: _own, ...rest } = metadata;
  return { language: language.toLowerCase(), metadata: Object.keys(ownRest).length > 0 ? { ...rest, [OWN_METADATA]: ownRest } : rest };
}

interface CellContext {
  readonly minor: number;
  /** The notebook's language when its code does not run here. */
  readonly foreign: string | undefined;
  readonly notes: OutputNotes;
  readonly ids: Map<string, number>;
  rawCells: number;
}

/** One cell; its id is '' when the file gives none (nbformat < 4.5): a free one is given after. */
function readCell(v: unknown, index: number, ctx: CellContext): CellData {
  const path = at('cells', index);
  const cell = objectAt(v, path);
  const type = cell.cell_type;
  if (typeof type !== 'string' || !(CELL_TYPES as readonly string[]).includes(type)) refuse(at(path, 'cell_type'), oneOf(CELL_TYPES), type);
  const kind = type as (typeof CELL_TYPES)[number];
  onlyKeys(cell, path, KEYS[kind], `a ${kind} cell`);
  let id = '';
  if (cell.id !== undefined || ctx.minor >= 5) {
    id = stringAt(cell.id, at(path, 'id'), 64);
    if (!isCellId(id)) refuse(at(path, 'id'), 'an id of 1 to 64 letters, digits, "-" or "_"', id);
    const earlier = ctx.ids.get(id);
    if (earlier !== undefined) refuse(at(path, 'id'), `an id no other cell has (cells[${earlier}] has it too)`, id);
    ctx.ids.set(id, index);
  }
  const metadata = objectAt(cell.metadata, at(path, 'metadata')) as JsonObject;
  const source = multilineAt(cell.source, at(path, 'source'), IMPORT_LIMITS.sourceChars);
  const attachments = cell.attachments === undefined ? undefined : readAttachments(cell.attachments, at(path, 'attachments'));
  if (kind === 'raw') {
    ctx.rawCells += 1;
    return { type: 'markdown', id, source: fenced(source), metadata, ...(attachments ? { attachments } : {}) };
  }
  if (kind === 'markdown') return { type: 'markdown', id, source, metadata, ...(attachments ? { attachments } : {}) };

  const count = cell.execution_count === null ? null : integerAt(cell.execution_count, at(path, 'execution_count'), 0);
  const outputsPath = at(path, 'outputs');
  const raw = listAt(cell.outputs, outputsPath, 100_000);
  const outputs = raw.slice(0, IMPORT_LIMITS.outputsPerCell).map((o, i) => readOutput(o, at(outputsPath, i), ctx.notes));
  if (raw.length > IMPORT_LIMITS.outputsPerCell) {
    // The rest are checked too (a malformed file is refused whatever its size), but not kept.
    raw.slice(IMPORT_LIMITS.outputsPerCell).forEach((o, i) => readOutput(o, at(outputsPath, i + IMPORT_LIMITS.outputsPerCell), ctx.notes));
    outputs.push({ type: 'notice', text: `${(raw.length - IMPORT_LIMITS.outputsPerCell).toLocaleString('en-US')} more outputs were left out.` });
    ctx.notes.cut.push(outputsPath);
  }
  const own = ownLanguage(metadata);
  const language = own.language ?? ctx.foreign;
  return {
    type: 'code',
    id,
    source,
    outputs,
    executionCount: count,
    ...(language !== undefined && !RUNNABLE.includes(language) ? { language } : {}),
    metadata: own.metadata,
  };
}

/** The whole notebook from parsed JSON. Throws JsonRefusal. */
function readNotebook(json: unknown): { doc: NotebookDoc; warnings: string[] } {
  checkDepth(json, '', IMPORT_LIMITS.depth);
  const root = objectAt(json, '');
  if (root.nbformat !== 4) refuse('nbformat', "4 (Jupyter's notebook format 4; older notebooks can be converted by opening and saving them in Jupyter)", root.nbformat);
  const minor = integerAt(root.nbformat_minor, 'nbformat_minor', 0);
  onlyKeys(root, '', ['cells', 'metadata', 'nbformat', 'nbformat_minor'], 'a notebook');
  const metadata = objectAt(root.metadata, 'metadata');
  const { language, kernel } = notebookLanguage(metadata);
  const foreign = language !== undefined && !RUNNABLE.includes(language) ? language : undefined;
  const list = listAt(root.cells, 'cells', IMPORT_LIMITS.cells);
  const ctx: CellContext = { minor, foreign, notes: { leftOut: new Set(), cut: [], malformed: [] }, ids: new Map(), rawCells: 0 };
  const read = list.map((c, i) => readCell(c, i, ctx));
  // Cells without an id (nbformat < 4.5) get free ones, clashing with none in the file.
  const cells: CellData[] = [];
  for (const cell of read) cells.push(cell.id === '' ? { ...cell, id: freeCellId([...read, ...cells]) } : cell);

  const { kernelspec: _k, language_info: _l, orig_nbformat: _o, ...kept } = metadata;
  const warnings: string[] = [];
  const foreignCells = cells.flatMap((c) => (c.type === 'code' && c.language !== undefined ? [c.language] : []));
  if (foreignCells.length > 0) {
    const n = foreignCells.length;
    const cellsAre = `${n} code cell${n === 1 ? ' is' : 's are'}`;
    const why = 'since cells here run TypeScript. Rewrite a cell in TypeScript and press “Mark as TypeScript” to run it.';
    warnings.push(
      foreign
        ? `This notebook's code is ${languageName(foreign)}${kernel ? ` (kernel “${kernel}”)` : ''}: its ${cellsAre} kept as text and not run, ${why}`
        : `${cellsAre} in ${[...new Set(foreignCells)].map(languageName).join(' and ')}: kept as text and not run, ${why}`,
    );
  }
  if (ctx.rawCells > 0) warnings.push(`${ctx.rawCells} raw cell${ctx.rawCells === 1 ? ' became a Markdown cell' : 's became Markdown cells'} showing the raw text as it is.`);
  warnings.push(...outputWarnings(ctx.notes));
  return { doc: { cells, metadata: kept as JsonObject }, warnings };
}

/** Reads a .ipynb file's text. Never throws: a file that is not a valid notebook gives { ok: false, message }. */
export function importIpynb(text: string): ImportResult {
  if (text.length > IMPORT_LIMITS.fileChars) {
    return { ok: false, message: `The file is too large: expected at most ${IMPORT_LIMITS.fileChars.toLocaleString('en-US')} characters, got ${text.length.toLocaleString('en-US')}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `The file is not JSON (a .ipynb file is): ${e instanceof Error ? e.message : String(e)}` };
  }
  try {
    return { ok: true, ...readNotebook(json) };
  } catch (e) {
    if (e instanceof JsonRefusal) return { ok: false, message: e.message };
    throw e;
  }
}
