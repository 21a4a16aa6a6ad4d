/** lib/course/hyperparameter-search: the package's public surface. */
export * from './acquisition';
export * from './gp';
export * from './linalg';
export * from './normal';
export * from './bayes';
export * from './halving';
export * from './method';
export * from './objectives';
export * from './race';
export * from './simple-methods';
export * from './space';
export * from './surface';
export * from './race.job';
export * from './real-data';
export * from './exercises';
