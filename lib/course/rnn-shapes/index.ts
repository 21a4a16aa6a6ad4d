/** lib/course/rnn-shapes: the package's public surface. */
export * from './forward.job';
export * from './indexing';
export * from './exercises';
