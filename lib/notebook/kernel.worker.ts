/**
 * The kernel's worker entry. The sandbox frame starts it from a blob (esbuild bundles this file
 * with the engine, sucrase and acorn into one classic script: see site/build/kernel-source.mjs).
 *
 * The frame's first message hands over a MessagePort, and every later message uses that port.
 * Cell code cannot reach the port (it lives in this closure) and the worker's own postMessage is
 * one of the names that throw in a cell, so a cell cannot forge the kernel's messages.
 */
import { createKernel, warmUpCompiler, type Kernel } from './kernel';
import type { CheckRecord } from './checks';
import { describeThrown } from './errors';
import { evaluateLibrary } from './libraries';
import { libraryGlobal } from './library-names';
import type { Output } from './outputs';
import { parseRunMessage, type KernelMessage, type LibraryCode } from './protocol';

interface Port {
  postMessage(message: KernelMessage): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  start(): void;
}

interface ErrorLikeEvent {
  readonly error?: unknown;
  readonly message?: unknown;
  readonly reason?: unknown;
  preventDefault(): void;
}

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: { data: unknown; ports?: readonly Port[] }) => void): void;
  addEventListener(type: 'error' | 'unhandledrejection', listener: (event: ErrorLikeEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown; ports?: readonly Port[] }) => void): void;
  eval(script: string): unknown;
}

/**
 * Makes each library the run uses its global again (a cell may have assigned the name since),
 * evaluating a bundle the first time it comes, in the worker's global scope; returns the error of the
 * first that fails, if one does.
 */
function provideLibraries(kernel: Kernel, loaded: Map<string, Record<string, unknown>>, libraries: readonly LibraryCode[], evaluate: (script: string) => unknown, count: number): Output | null {
  for (const { name, source } of libraries) {
    try {
      if (source !== undefined && !loaded.has(name)) loaded.set(name, evaluateLibrary(source, (script) => evaluate(`${script}\n//# sourceURL=library-${name}.js`)));
      const namespace = loaded.get(name);
      if (!namespace) throw new Error('the page did not send its code');
      kernel.provide(libraryGlobal(name), namespace);
    } catch (e) {
      const error = describeThrown(e, count);
      return { ...error, message: `the library "${name}" could not be loaded: ${error.message}` };
    }
  }
  return null;
}

/** Starts the kernel on the port the frame sends first. Exported for the bundle test. */
export function startKernelWorker(scope: WorkerScope & Record<string, unknown>): void {
  const evaluate = scope.eval.bind(undefined); // indirect eval: runs in the global scope
  const boot = (event: { data: unknown; ports?: readonly Port[] }): void => {
    const port = event.ports?.[0];
    if (!port) return;
    scope.removeEventListener('message', boot);
    const kernel = createKernel({ global: scope, evaluate: (script, filename) => evaluate(`${script}\n//# sourceURL=${filename}`) });
    // Lesson libraries' namespaces, by name, once evaluated.
    const libraries = new Map<string, Record<string, unknown>>();
    // Errors no run caught (a throw in a timer, a rejected promise nobody awaited) go to the last run.
    scope.addEventListener('error', (e) => {
      e.preventDefault();
      kernel.reportUncaught(e.error ?? e.message);
    });
    scope.addEventListener('unhandledrejection', (e) => {
      e.preventDefault();
      kernel.reportUncaught(e.reason);
    });
    port.addEventListener('message', (e) => {
      const run = parseRunMessage(e.data);
      if (!run) return;
      const output = (o: Output): void => port.postMessage({ kind: 'output', id: run.id, output: o });
      const check = (result: CheckRecord): void => port.postMessage({ kind: 'check', id: run.id, result });
      const failed = provideLibraries(kernel, libraries, run.libraries ?? [], (script) => evaluate(script), run.count);
      if (failed) {
        output(failed);
        port.postMessage({ kind: 'done', id: run.id, status: 'error' });
        return;
      }
      void kernel.run(run.code, run.count, output, check).then((status) => port.postMessage({ kind: 'done', id: run.id, status }));
    });
    warmUpCompiler();
    port.start();
    port.postMessage({ kind: 'ready' });
  };
  scope.addEventListener('message', boot);
}

startKernelWorker(globalThis as unknown as WorkerScope & Record<string, unknown>);
