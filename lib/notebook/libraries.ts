/**
 * Lesson libraries: a lesson's own code, offered to its cells as one namespace (`search.` in the
 * hyperparameter-search lesson). A cell asks for one by name (`<CodeCell library="...">`); the page
 * then sends the library's code to the kernel with the cell's first run, and the kernel makes it a
 * global. Each library is bundled at build time from lib/course/<name>/cell-library.ts (whose exports
 * are the namespace) with the engine left out: it uses the kernel's own engine, so a Tensor or an Rng
 * made in a cell is the same class the library's code knows (site/build/cell-libraries.mjs).
 */
import * as engine from '../engine';

/** The specifier a library's bundle requires the engine by (site/build/cell-libraries.mjs leaves it out of the bundle). */
export const ENGINE_SPECIFIER = 'neural-notebook:engine';

/**
 * Runs a library's bundle (CommonJS, made by site/build/cell-libraries.mjs) with `evaluate`, giving
 * it the engine when it requires ENGINE_SPECIFIER, and returns its exports: the namespace.
 */
export function evaluateLibrary(source: string, evaluate: (script: string) => unknown): Record<string, unknown> {
  const factory = evaluate(`(function (require, module, exports) {${source}\n})`);
  if (typeof factory !== 'function') throw new TypeError(`evaluateLibrary: expected the bundle to evaluate to a function, got ${typeof factory}`);
  const require = (specifier: string): unknown => {
    if (specifier === ENGINE_SPECIFIER) return engine;
    throw new Error(`a lesson library can require only the engine ("${ENGINE_SPECIFIER}"), not "${specifier}"`);
  };
  const module: { exports: Record<string, unknown> } = { exports: {} };
  (factory as (r: typeof require, m: typeof module, e: Record<string, unknown>) => void)(require, module, module.exports);
  return module.exports;
}
