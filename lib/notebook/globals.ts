/**
 * What a cell finds in scope: the engine's exports (tensor, zeros, nn, optim, Rng, ...),
 * display(), plot(), print(), a console that writes to the cell's output, the exercises' check API
 * (check, expectClose, expectShape), and, in place of the
 * browser's network, storage and page APIs, names that throw an error saying why they are missing.
 */
import * as engine from '../engine';
import { checkLine, createCheckGlobals, type CheckGlobals, type CheckRecord } from './checks';
import { toDisplayItem, toPlotItem, type DisplayOptions, type PlotOptions } from './display';
import { formatLogArguments, inspect } from './inspect';
import { CELL_LIBRARIES } from './library-names';
import type { DisplayItem } from './outputs';

/** Where the globals send what the cell prints and shows (the current run's sink). */
export interface OutputTarget {
  write(name: 'stdout' | 'stderr', line: string): void;
  display(item: DisplayItem): void;
}

const NO_NETWORK = 'cells run in a sandbox with no network access and cannot load code';
const NO_STORAGE = 'cells cannot store data in the browser';
const NO_PAGE = 'cells run in a separate worker with no page to change; show results with display() and plot()';

/**
 * The names the kernel adds to the engine's exports in a cell's scope. The editor's completions
 * are generated from this interface (site/build/completions.mjs): its docs are what the reader sees.
 */
export interface CellGlobals extends CheckGlobals {
  /** Shows a value under the cell: a tensor or records as a table (a large matrix as a heatmap), anything else as text. */
  display(value: unknown, options?: DisplayOptions): void;
  /** Draws a chart: `plot(y)`, `plot({ x, y })`, `plot([{ x, y, label, dashed }, ...])` or a matrix, with `{ kind, title, xLabel, yLabel }`. */
  plot(data: unknown, options?: PlotOptions): void;
  /** Prints its arguments on one line, as console.log does (tensors as PyTorch prints them). */
  print(...values: unknown[]): void;
  /** console.log, info and debug print to the cell's output; warn and error print in the error colour. */
  console: {
    /** Prints its arguments on one line under the cell. */
    log(...values: unknown[]): void;
    /** Prints like log. */
    info(...values: unknown[]): void;
    /** Prints like log. */
    debug(...values: unknown[]): void;
    /** Prints in the error colour (stderr). */
    warn(...values: unknown[]): void;
    /** Prints in the error colour (stderr). */
    error(...values: unknown[]): void;
    /** Prints one value in full, as the last expression of a cell is shown. */
    dir(value: unknown): void;
    /** Shows records or a tensor as a table. */
    table(value: unknown): void;
  };
}

/** Browser APIs a cell cannot use, and why. */
export const UNAVAILABLE: Readonly<Record<string, string>> = {
  fetch: NO_NETWORK,
  XMLHttpRequest: NO_NETWORK,
  WebSocket: NO_NETWORK,
  WebTransport: NO_NETWORK,
  EventSource: NO_NETWORK,
  importScripts: NO_NETWORK,
  Worker: NO_NETWORK,
  SharedWorker: NO_NETWORK,
  BroadcastChannel: NO_NETWORK,
  indexedDB: NO_STORAGE,
  caches: NO_STORAGE,
  localStorage: NO_STORAGE,
  sessionStorage: NO_STORAGE,
  document: NO_PAGE,
  window: NO_PAGE,
  parent: NO_PAGE,
  top: NO_PAGE,
  open: NO_PAGE,
  postMessage: NO_PAGE,
};

/** The error a cell gets for using an API it does not have. */
export class SandboxError extends Error {
  override name = 'SandboxError';
}

/** Options of installGlobals(). */
export interface GlobalsOptions {
  /** Receives each check's result, besides the line it prints. */
  readonly onCheck?: (result: CheckRecord) => void;
  /** The check functions are read-only: a cell cannot replace them (the grader's runs, where hidden checks follow the student's code). */
  readonly lockChecks?: boolean;
}

/** Installs the cell's globals on `global`. Mutates `global`. `target()` is the run that output goes to. */
export function installGlobals(global: Record<string, unknown>, target: () => OutputTarget | null, { onCheck, lockChecks = false }: GlobalsOptions = {}): void {
  for (const [name, value] of Object.entries(engine)) global[name] = value;
  const log = (name: 'stdout' | 'stderr') => (...args: unknown[]): void => target()?.write(name, formatLogArguments(args));
  const checks = createCheckGlobals((result) => {
    target()?.write(result.passed ? 'stdout' : 'stderr', checkLine(result));
    onCheck?.(result);
  });
  const cellGlobals: CellGlobals = {
    ...checks,
    display: (value, options) => target()?.display(toDisplayItem(value, options)),
    plot: (data, options) => target()?.display(toPlotItem(data, options)),
    print: log('stdout'),
    console: {
      log: log('stdout'),
      info: log('stdout'),
      debug: log('stdout'),
      warn: log('stderr'),
      error: log('stderr'),
      dir: (value) => target()?.write('stdout', inspect(value)),
      table: (value) => target()?.display(toDisplayItem(value, { as: 'table' })),
    },
  };
  Object.assign(global, cellGlobals);
  if (lockChecks) {
    for (const [name, value] of Object.entries(checks)) Object.defineProperty(global, name, { value, writable: false, enumerable: true, configurable: false });
  }
  for (const [name, why] of Object.entries(UNAVAILABLE)) {
    Object.defineProperty(global, name, {
      configurable: true,
      get() {
        throw new SandboxError(`${name} is not available in a notebook cell: ${why}.`);
      },
    });
  }
  // A lesson library's global, until a cell that asks for the library has run (provideLibrary).
  for (const [name, { global: libraryName, summary }] of Object.entries(CELL_LIBRARIES)) {
    Object.defineProperty(global, libraryName, {
      configurable: true,
      get() {
        throw new ReferenceError(`${libraryName} is ${summary}: it is in scope in the cells that ask for the library "${name}" (in that lesson), and in this kernel once one of them has run.`);
      },
    });
  }
}

/** Makes a lesson library's namespace the global `name` (replacing the placeholder that explains its absence). Mutates `global`. */
export function provideLibrary(global: Record<string, unknown>, name: string, namespace: Readonly<Record<string, unknown>>): void {
  Object.defineProperty(global, name, { value: namespace, writable: true, enumerable: true, configurable: true });
}

/**
 * Makes each name a writable variable of `global` (keeping its value), so that the rewritten cell
 * can assign it; then sets the cell's function declarations. Throws if a name cannot be taken over.
 */
export function declareGlobals(global: Record<string, unknown>, names: readonly string[], functions: Readonly<Record<string, unknown>>): void {
  for (const name of names) {
    const own = Object.getOwnPropertyDescriptor(global, name);
    if (own && 'value' in own && own.writable) continue;
    if (own && !own.configurable) throw new TypeError(`'${name}' is a read-only global here: choose another name`);
    // An accessor (an unavailable API, or a browser global such as `name`) becomes a plain variable.
    Object.defineProperty(global, name, { value: own && 'value' in own ? own.value : undefined, writable: true, enumerable: true, configurable: true });
  }
  for (const [name, fn] of Object.entries(functions)) {
    Object.defineProperty(fn, 'name', { value: name });
    global[name] = fn;
  }
}
