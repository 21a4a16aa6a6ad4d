/** Small pieces every layer above may share: URL state, Python's spelling of values, numbers for display, order statistics, a bounded cache, lesson figures, the browser's document store. */
export * from './url-state';
export * from './python';
export * from './base64';
export * from './lesson-figures';
export * from './number-format';
export * from './statistics';
export * from './lru-cache';
export * from './storage';
