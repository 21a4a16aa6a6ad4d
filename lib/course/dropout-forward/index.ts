/** lib/course/dropout-forward: the package's public surface. */
export * from './forward';
export * from './forward.job';
