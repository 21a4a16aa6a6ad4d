/** lib/notebook: the package's public surface. */
export * from './cell-edits';
export * from './cell-id';
export * from './document';
export * from './ipynb';
export * from './ipynb-import';
export * from './json-check';
export * from './names';
export * from './library-names';
export * from './outputs';
export * from './protocol';
export * from './share-link';
export * from './ts-export';
export * from './starter-notebook';
export * from './checks';
export { runWithChecks, errorLine, type CheckedCell, type CheckedRun, type KernelFactory } from './run-checked';
export type { Kernel, KernelOptions, KernelRealm } from './kernel';
