/** lib/course/hyperparameter-search: the package's public surface. */
export * from './acquisition';
export * from './gp';
export * from './linalg';
export * from './normal';
