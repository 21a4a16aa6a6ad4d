/** lib/notebook: the package's public surface. */
export * from './outputs';
export * from './protocol';
