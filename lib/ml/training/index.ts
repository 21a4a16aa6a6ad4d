/** lib/ml/training: the package's public surface. */
export * from './activation-stats';
export * from './config';
export * from './data';
export * from './describe';
export * from './presets';
export * from './train.job';
