/** lib/notebook: the package's public surface. */
export * from './outputs';
export * from './protocol';
export * from './cell-id';
export * from './cell-edits';
export * from './share-link';
