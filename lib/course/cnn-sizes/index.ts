/** lib/course/cnn-sizes: the package's public surface. */
export * from './check.job';
export * from './import.job';
export * from './exercises';
