/** lib/notebook: the package's public surface. */
export * from './numbers';
export * from './outputs';
export * from './protocol';
