/** lib/notebook: the package's public surface. */
export * from './outputs';
export * from './protocol';
export * from './cell-id';
export * from './cell-edits';
export * from './share-link';
export * from './checks';
export { runWithChecks, errorLine, type CheckedCell, type CheckedRun, type KernelFactory } from './run-checked';
export type { Kernel, KernelOptions, KernelRealm } from './kernel';
