/**
 * The kernel: runs cells one after another in one global scope, as Jupyter does. A run compiles
 * the cell (TypeScript → JavaScript), rewrites its top-level declarations into the shared scope,
 * evaluates it as an async function with the engine in scope, and reports what it printed,
 * displayed, returned or threw. DOM-free: it runs in the sandbox's worker and in Node.
 */
import { cellFilename, describeThrown, syntaxErrorOutput } from './errors';
import type { CheckRecord } from './checks';
import { declareGlobals, installGlobals, provideLibrary } from './globals';
import { inspect } from './inspect';
import type { Output } from './outputs';
import { rewriteCell, SCOPE_PARAM } from './scope';
import { OutputSink } from './sink';
import { transpile } from './transpile';

/** The JavaScript world cells run in: its global object, and a way to evaluate a script there. */
export interface KernelRealm {
  /** The global object: the cells' variables live on it. */
  readonly global: Record<string, unknown>;
  /** Evaluates `script` as a classic script in this realm's global scope, naming it `filename` in stack traces. */
  evaluate(script: string, filename: string): unknown;
}

/** How a run ended. */
export type RunStatus = 'ok' | 'error';

/** A kernel: runs cells in order, sharing their top-level names. */
export interface Kernel {
  /**
   * Runs `source` (TypeScript) as execution `count` ([1], [2], ...), sending outputs to `emit` as
   * they happen, and each check()'s, expectClose()'s and expectShape()'s result to `onCheck`. Runs
   * are queued: a run starts when the previous one has finished.
   */
  run(source: string, count: number, emit: (output: Output) => void, onCheck?: (result: CheckRecord) => void): Promise<RunStatus>;
  /** Reports an error no run caught (a rejected promise, a throw in a timer a cell started) to the last run. */
  reportUncaught(thrown: unknown): void;
  /** Makes a lesson library's namespace the global `name` for this and later runs (lib/notebook/libraries.ts). */
  provide(name: string, namespace: Readonly<Record<string, unknown>>): void;
}

// The cell's code starts on the wrapper's first line, so line N of the script is line N of the cell.
const WRAPPER_START = `(async function (${SCOPE_PARAM}) {"use strict"; `;
const WRAPPER_END = '\n})';

type CellFunction = (scope: { declare(names: readonly string[], functions: Readonly<Record<string, unknown>>): void }) => Promise<unknown>;

// Typical cell syntax: compiling it once when the kernel starts readies the compiler's code paths
// (sucrase's and acorn's first use costs tens of milliseconds), so that the first run does not pay for it.
const WARM_UP = `const w: number[] = [1, 2];\nlet t = tensor(w, { requiresGrad: true });\nfunction f(z: Tensor): Tensor { return z.mul(2); }\nclass A { n = 0; }\nfor (let i = 0; i < 2; i++) console.log(\`\${i}\`);\nconst { a, b } = { a: 1, b: [2] };\nawait Promise.resolve(f(t));\nt`;

/** Compiles a sample cell without running it, so that the first real run starts warm. Returns whether it compiled. */
export function warmUpCompiler(): boolean {
  const compiled = transpile(WARM_UP);
  return compiled.ok && rewriteCell(compiled.code).ok;
}

/** Options of createKernel(). */
export interface KernelOptions {
  /** Receives every run's check results, besides the line each prints; with it, cells cannot replace the checks (the grader's kernel). */
  readonly onCheck?: (result: CheckRecord) => void;
}

/** A fresh kernel in `realm`: installs the engine, display(), plot(), the console and the check API on its global object. */
export function createKernel(realm: KernelRealm, options: KernelOptions = {}): Kernel {
  // Output goes to the run in progress, or to the last run (a timer a cell started may print later).
  let sink: OutputSink | null = null;
  let runCheck: ((result: CheckRecord) => void) | undefined;
  let lastCount = 0;
  const onCheck = (result: CheckRecord): void => {
    options.onCheck?.(result);
    runCheck?.(result);
  };
  installGlobals(realm.global, () => sink, { onCheck, lockChecks: options.onCheck !== undefined });
  const scope = { declare: (names: readonly string[], functions: Readonly<Record<string, unknown>>) => declareGlobals(realm.global, names, functions) };

  const runOne = async (source: string, count: number, emit: (output: Output) => void, check: ((result: CheckRecord) => void) | undefined): Promise<RunStatus> => {
    sink?.finish();
    const own = new OutputSink(emit);
    sink = own;
    runCheck = check;
    lastCount = count;
    try {
      const compiled = transpile(source);
      if (!compiled.ok) {
        own.error(syntaxErrorOutput(compiled.error));
        return 'error';
      }
      const rewritten = rewriteCell(compiled.code);
      if (!rewritten.ok) {
        own.error(syntaxErrorOutput(rewritten.error));
        return 'error';
      }
      try {
        const fn = realm.evaluate(WRAPPER_START + rewritten.body + WRAPPER_END, cellFilename(count)) as CellFunction;
        const returned = await fn(scope);
        const value = rewritten.returnsValue && Array.isArray(returned) ? (returned as unknown[])[0] : undefined;
        if (value !== undefined) own.value(inspect(value));
        return 'ok';
      } catch (thrown) {
        own.error(describeThrown(thrown, count));
        return 'error';
      }
    } finally {
      own.finish();
    }
  };

  let queue: Promise<unknown> = Promise.resolve();
  return {
    run(source, count, emit, check) {
      const result = queue.then(() => runOne(source, count, emit, check));
      queue = result.catch(() => undefined);
      return result;
    },
    reportUncaught(thrown) {
      sink?.error(describeThrown(thrown, lastCount));
    },
    provide(name, namespace) {
      provideLibrary(realm.global, name, namespace);
    },
  };
}
