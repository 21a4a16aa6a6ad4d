/**
 * Jupyter's shared scope for JavaScript cells. A cell's top-level declarations become variables of
 * the kernel's global scope, so the next cell sees them and running a `const` cell twice works:
 *
 *   const x = 1, { a } = o;   →   ;     x = 1, ({ a } = o);
 *   class Net {}              →   Net = class Net {}
 *   function f() {}           →   function f$nb() {}      (and f = f$nb before line 1 runs)
 *   x + 1                     →   return [(x + 1)]         (the cell's value, if it ends in an expression)
 *
 * The cell becomes the body of an async function (so top-level `await` works). No edit adds or
 * removes a line break: line N of the result is line N of the cell. Declarations inside blocks,
 * loops and functions are left alone.
 */
import { parse, type Node } from 'acorn';
import { position, type CellSyntaxError } from './transpile';

/** The rewritten body of a cell's async function, or why the cell cannot run. */
export type ScopeResult =
  | {
      readonly ok: true;
      /** The function body; `prologue` comes first on its first line. */
      readonly body: string;
      /** Characters added before the cell's first line (for mapping columns on line 1). */
      readonly prologueLength: number;
      /** Names the cell declares at top level, in order. */
      readonly declared: readonly string[];
      /** Whether the body returns `[value]` of the cell's last expression. */
      readonly returnsValue: boolean;
    }
  | { readonly ok: false; readonly error: CellSyntaxError };

/** The parameter through which the rewritten cell reaches the kernel: `__nb.declare(names, functions)`. */
export const SCOPE_PARAM = '__nb';
/** Suffix of the local name a top-level function declaration gets (the global keeps the real name). */
export const FUNCTION_SUFFIX = '$nb';

// Names a cell may not take over: rebinding them would break the engine and the kernel, which
// share the global scope with the cell.
const BUILT_INS = new Set(
  (
    'globalThis undefined NaN Infinity eval isFinite isNaN parseFloat parseInt decodeURI decodeURIComponent encodeURI ' +
    'encodeURIComponent escape unescape Object Function Array Number Boolean String Symbol BigInt Math JSON Reflect Proxy ' +
    'Promise Date RegExp Error AggregateError EvalError RangeError ReferenceError SyntaxError TypeError URIError Map Set ' +
    'WeakMap WeakSet WeakRef FinalizationRegistry ArrayBuffer SharedArrayBuffer DataView Atomics Int8Array Uint8Array ' +
    'Uint8ClampedArray Int16Array Uint16Array Int32Array Uint32Array Float32Array Float64Array BigInt64Array ' +
    'BigUint64Array Iterator Intl'
  ).split(' '),
);

interface Edit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

/** Rewrites a cell's JavaScript (a module body: strict, top-level await allowed) for the shared scope. */
export function rewriteCell(js: string): ScopeResult {
  let program: Node & { body: Node[] };
  try {
    program = parse(js, { ecmaVersion: 'latest', sourceType: 'module', locations: true }) as Node & { body: Node[] };
  } catch (e) {
    return { ok: false, error: acornError(e, js) };
  }
  const forbidden = findForbidden(program, js);
  if (forbidden) return { ok: false, error: forbidden };

  const edits: Edit[] = [];
  const declared: string[] = [];
  const declaredAt = new Map<string, number>();
  const functions: string[] = [];
  const declare = (names: readonly string[], at: number): void => {
    for (const name of names) {
      declared.push(name);
      if (!declaredAt.has(name)) declaredAt.set(name, at);
    }
  };
  for (const statement of program.body) {
    if (statement.type === 'VariableDeclaration') {
      const decl = statement as Node & { kind: string; declarations: (Node & { id: Node; init: Node | null })[] };
      if (decl.kind !== 'var' && decl.kind !== 'let' && decl.kind !== 'const') continue; // `using`: block-scoped by nature
      // The keyword becomes `;` and spaces: a leading `;` keeps `(` from joining the line before.
      edits.push({ at: decl.start, remove: decl.kind.length, insert: `;${' '.repeat(decl.kind.length - 1)}` });
      for (const d of decl.declarations) {
        declare(boundNames(d.id), d.id.start);
        if (d.id.type !== 'Identifier') {
          edits.push({ at: d.start, remove: 0, insert: '(' }, { at: d.end, remove: 0, insert: ')' });
        } else if (d.init === null && decl.kind !== 'var') {
          edits.push({ at: d.end, remove: 0, insert: ' = void 0' }); // `let x;` run again resets x, as JavaScript would
        }
      }
    } else if (statement.type === 'FunctionDeclaration') {
      const id = (statement as Node & { id: Node & { name: string } }).id;
      declare([id.name], id.start);
      functions.push(id.name);
      edits.push({ at: id.end, remove: 0, insert: FUNCTION_SUFFIX });
    } else if (statement.type === 'ClassDeclaration') {
      const id = (statement as Node & { id: Node & { name: string } }).id;
      declare([id.name], id.start);
      edits.push({ at: statement.start, remove: 0, insert: `${id.name} = ` });
    }
  }
  for (const name of declared) {
    if (BUILT_INS.has(name) || name.startsWith(SCOPE_PARAM)) {
      const where = position(js, declaredAt.get(name) ?? 0);
      return { ok: false, error: { message: `'${name}' is a JavaScript built-in the engine relies on: choose another name`, ...where } };
    }
  }
  const last = program.body[program.body.length - 1];
  const returnsValue = last?.type === 'ExpressionStatement';
  if (returnsValue) {
    const expression = (last as Node & { expression: Node }).expression;
    // In an array, so that a promise is shown as a value rather than awaited by the async function.
    edits.push({ at: expression.start, remove: 0, insert: 'return [(' }, { at: expression.end, remove: 0, insert: ')]' });
  }
  const unique = [...new Set(declared)];
  const prologue =
    unique.length === 0
      ? ''
      : `${SCOPE_PARAM}.declare(${JSON.stringify(unique)}, {${functions.map((f) => `${JSON.stringify(f)}: ${f}${FUNCTION_SUFFIX}`).join(', ')}}); `;
  return { ok: true, body: prologue + applyEdits(js, edits), prologueLength: prologue.length, declared: unique, returnsValue };
}

/** The identifiers a declaration pattern binds: `{ a, b: [c, ...d] = e }` binds a, c and d. */
function boundNames(pattern: Node): string[] {
  const p = pattern as Node & Record<string, unknown>;
  switch (pattern.type) {
    case 'Identifier':
      return [p.name as string];
    case 'ObjectPattern':
      return (p.properties as Node[]).flatMap((q) => boundNames(q.type === 'RestElement' ? q : ((q as Node & { value: Node }).value)));
    case 'ArrayPattern':
      return (p.elements as (Node | null)[]).flatMap((e) => (e ? boundNames(e) : []));
    case 'RestElement':
      return boundNames(p.argument as Node);
    case 'AssignmentPattern':
      return boundNames(p.left as Node);
    default:
      return [];
  }
}

function applyEdits(text: string, edits: readonly Edit[]): string {
  // Later positions first, so earlier offsets stay valid; at one position, keep insertion order.
  const ordered = edits.map((e, i) => ({ ...e, i })).sort((a, b) => b.at - a.at || b.i - a.i);
  let out = text;
  for (const e of ordered) out = out.slice(0, e.at) + e.insert + out.slice(e.at + e.remove);
  return out;
}

/** The first `import`/`export` or `import()` in the cell, as an error that says what to do instead. */
function findForbidden(program: Node, js: string): CellSyntaxError | undefined {
  let found: CellSyntaxError | undefined;
  const visit = (node: Node): void => {
    if (found) return;
    const where = position(js, node.start);
    if (node.type === 'ImportDeclaration') {
      found = { message: 'import is not needed in a notebook cell: the engine (tensor, nn, optim, ...) is already in scope, and cells cannot load other modules', ...where };
    } else if (node.type === 'ImportExpression') {
      found = { message: 'import() is not available in a notebook cell: cells run in a sandbox that cannot load code from the network', ...where };
    } else if (node.type.startsWith('Export')) {
      found = { message: 'export is not needed in a notebook cell: top-level names are shared with the next cells already', ...where };
    } else if (node.type === 'MetaProperty' && js.slice(node.start, node.end).startsWith('import')) {
      found = { message: 'import.meta is not available in a notebook cell', ...where };
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) for (const v of value) isNode(v) && visit(v);
      else if (isNode(value)) visit(value);
    }
  };
  visit(program);
  return found;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function acornError(e: unknown, js: string): CellSyntaxError {
  const message = (e instanceof Error ? e.message : String(e)).replace(/\s*\(\d+:\d+\)$/, '');
  const loc = (e as { loc?: { line?: unknown; column?: unknown } }).loc;
  if (typeof loc?.line === 'number' && typeof loc.column === 'number') return { message, line: loc.line, column: loc.column + 1 };
  const pos = (e as { pos?: unknown }).pos;
  return { message, ...position(js, typeof pos === 'number' ? pos : 0) };
}
