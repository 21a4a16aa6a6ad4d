/**
 * TypeScript to JavaScript for a notebook cell, with sucrase: types are removed and nothing else
 * moves, so line N of the output is line N of the cell (no source map needed for line numbers).
 */
import { transform } from 'sucrase';

/** Where and why a cell could not be compiled; line and column count from 1. */
export interface CellSyntaxError {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

/** The JavaScript of a cell, or the syntax error that stopped it. */
export type TranspileResult = { readonly ok: true; readonly code: string } | { readonly ok: false; readonly error: CellSyntaxError };

// sucrase drops a non-declare namespace without a word; say so instead of running half a cell.
const NAMESPACE = /^[ \t]*(?:export[ \t]+)?(?:namespace|module)[ \t]+[A-Za-z_$][\w$.]*[ \t]*\{/m;

/** Compiles a cell's TypeScript to JavaScript, keeping every line where it was. */
export function transpile(source: string): TranspileResult {
  const namespace = NAMESPACE.exec(source);
  if (namespace) {
    const { line, column } = position(source, namespace.index + namespace[0].search(/\S/));
    return { ok: false, error: { message: 'TypeScript namespaces are not supported in a notebook cell: use an object or a class', line, column } };
  }
  try {
    const { code } = transform(source, { transforms: ['typescript'], disableESTransforms: true, keepUnusedImports: true });
    return { ok: true, code };
  } catch (e) {
    return { ok: false, error: sucraseError(e, source) };
  }
}

function sucraseError(e: unknown, source: string): CellSyntaxError {
  const raw = e instanceof Error ? e.message : String(e);
  // sucrase's messages end in "(line:column)"; it reports the same place in `loc` (column from 1).
  const message = raw.replace(/\s*\(\d+:\d+\)$/, '');
  const loc = (e as { loc?: { line?: unknown; column?: unknown } }).loc;
  if (typeof loc?.line === 'number' && typeof loc.column === 'number') return { message, line: loc.line, column: loc.column };
  const pos = (e as { pos?: unknown }).pos;
  return { message, ...position(source, typeof pos === 'number' ? pos : 0) };
}

/** Line and column (both from 1) of character `index` of `text`. */
export function position(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: index - lastBreak };
}
