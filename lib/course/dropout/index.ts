/** lib/course/dropout: the package's public surface. */
export * from './digits';
export * from './network';
export * from './run';
export * from './dropout.job';
export * from './experiment';
export * from './exercises';
export * from './confusion';
export * from './widget-settings';
export * from './experiment-check';
export * from './network-parameters';
export * from './normalise-digit';
export * from './pad-ink';
export * from './pytorch-script';
export * from './claim.job';
export * from './claim';
export * from './shift';
