/**
 * The lesson libraries cells can ask for (see libraries.ts). No imports: the build's Vite plugin
 * (site/build/cell-libraries.mjs) reads this file in Node as well.
 */

/** One library: the global a cell sees it as, and a sentence on what it holds. */
export interface CellLibraryInfo {
  readonly global: string;
  readonly summary: string;
}

/** The libraries cells can ask for, by name (the lesson's folder in lib/course). */
export const CELL_LIBRARIES: Readonly<Record<string, CellLibraryInfo>> = {
  'hyperparameter-search': { global: 'search', summary: "the hyperparameter-search lesson's search methods, objectives and races" },
};

/** Why `name` is not a library a cell can ask for, or null if it is one. */
export function cellLibraryProblem(name: string): string | null {
  if (Object.hasOwn(CELL_LIBRARIES, name)) return null;
  return `expected a library name, one of ${Object.keys(CELL_LIBRARIES).map((n) => `"${n}"`).join(', ')}; got "${name}"`;
}

/** The global `name` is seen as. Throws for a name that is not a library. */
export function libraryGlobal(name: string): string {
  const problem = cellLibraryProblem(name);
  if (problem) throw new RangeError(`libraryGlobal: ${problem}`);
  return CELL_LIBRARIES[name]!.global;
}
