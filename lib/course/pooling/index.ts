/** lib/course/pooling: the package's public surface. */
export * from './matrix-text';
export * from './pool';
export * from './pool.job';
export * from './exercises';
