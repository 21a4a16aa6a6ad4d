/** lib/notebook: the package's public surface. */
export * from './document';
export * from './ipynb';
export * from './ipynb-import';
export * from './json-check';
export * from './names';
export * from './numbers';
export * from './outputs';
export * from './protocol';
export * from './ts-export';
