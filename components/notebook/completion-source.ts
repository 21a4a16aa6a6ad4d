/**
 * What the cell editor offers as the reader types: the names in a cell's scope (the engine's
 * exports and the kernel's display, plot, print), the members of `nn.`, `optim.`, `nn.init.` and
 * `console.`, and after any other `.` the Tensor's methods and properties (a guess: most values in
 * a cell are tensors). The entries are generated from the code's types at build time
 * (site/build/completions.mjs); this module only chooses among them, without CodeMirror, so that
 * it can be tested alone.
 */

/** Kinds of entries (CodeMirror's completion types of the same names pick the icons). */
export type CompletionKind = 'function' | 'class' | 'namespace' | 'variable' | 'type' | 'method' | 'property';

/** One name the editor can offer: its signature (detail) and the first sentence of its doc. */
export interface CompletionEntry {
  readonly name: string;
  readonly kind: CompletionKind;
  readonly detail: string;
  readonly doc: string;
}

/** Everything the editor can offer, as generated at build time. */
export interface CompletionData {
  /** Names in a cell's scope. */
  readonly globals: readonly CompletionEntry[];
  /** Members of each namespace, by its path: 'nn', 'nn.init', 'optim', 'console'. */
  readonly namespaces: Readonly<Record<string, readonly CompletionEntry[]>>;
  /** Methods and properties of a Tensor. */
  readonly tensor: readonly CompletionEntry[];
}

/** A lesson library's completions (site/build/cell-libraries.mjs): its global, its exports, and namespaces among them. */
export interface LibraryCompletions {
  readonly global: string;
  /** What it holds, after "The …": "hyperparameter-search lesson's search methods, …". */
  readonly summary: string;
  readonly entries: readonly CompletionEntry[];
  readonly namespaces: Readonly<Record<string, readonly CompletionEntry[]>>;
}

/** How the page loads each lesson library: its bundle (for the kernel) and its completions (for the editor). */
export type LibraryLoaders = Readonly<Record<string, { source(): Promise<string>; completions(): Promise<LibraryCompletions> }>>;

/** `data` with a library's namespace added: its global among the names in scope, its members after `global.`. */
export function withLibrary(data: CompletionData, library: LibraryCompletions): CompletionData {
  const entry: CompletionEntry = { name: library.global, kind: 'namespace', detail: 'namespace', doc: `${library.summary.charAt(0).toUpperCase()}${library.summary.slice(1)}.` };
  return {
    globals: [...data.globals.filter((e) => e.name !== library.global), entry].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    namespaces: { ...data.namespaces, ...library.namespaces },
    tensor: data.tensor,
  };
}

/** Where the completed word starts (an offset into the text before the cursor), and what to offer. */
export interface Completions {
  readonly from: number;
  readonly entries: readonly CompletionEntry[];
}

// JavaScript's own namespaces: after `Math.` a Tensor method would be wrong, so nothing is offered.
const JS_NAMESPACES = new Set(['Math', 'Number', 'Object', 'Array', 'JSON', 'String', 'Promise', 'Symbol', 'Reflect', 'Date', 'Intl', 'BigInt', 'globalThis']);

/**
 * The completions for `before`, the text of the line up to the cursor, or null when there is
 * nothing to offer. `explicit` is true when the reader asked (Ctrl+Space): then an empty word
 * offers every name.
 */
export function completionsFor(before: string, data: CompletionData, explicit: boolean): Completions | null {
  const member = /(^|[^\w$.])((?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*)\.([\w$]*)$/.exec(before);
  if (member) {
    const path = member[2]!;
    const from = before.length - member[3]!.length;
    const namespace = data.namespaces[path];
    if (namespace) return { from, entries: namespace };
    const root = path.split('.')[0]!;
    if (JS_NAMESPACES.has(root) || data.namespaces[root]) return null;
    return { from, entries: data.tensor };
  }
  // A member of an expression: `f(x).`, `xs[0].`, `z.grad!.` (but not a number's decimal point).
  const afterExpression = /[)\]!]\.([\w$]*)$/.exec(before);
  if (afterExpression) return { from: before.length - afterExpression[1]!.length, entries: data.tensor };
  if (/(^|[^\w$])\d+\.\d*$/.test(before)) return null;
  const word = /(^|[^\w$.])([A-Za-z_$][\w$]*)$/.exec(before);
  if (word) return { from: before.length - word[2]!.length, entries: data.globals };
  if (explicit && !/[\w$.]$/.test(before)) return { from: before.length, entries: data.globals };
  return null;
}
