/** lib/course/linear-collapse: the package's public surface. */
export * from './affine';
