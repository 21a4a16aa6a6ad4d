/** lib/course/convolution: the package's public surface. */
export * from './convolve.job';
export * from './image-header';
export * from './kernels';
export * from './picture';
export * from './samples';
export * from './weights';
export * from './window';
export * from './exercises';
