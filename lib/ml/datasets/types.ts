/**
 * A dataset as flat typed arrays, ready to become tensors:
 * x has shape (N, F) row-major, y has shape (N) for class labels or (N, 1) for regression targets.
 */
export interface Dataset {
  /** Features, N rows of F numbers. */
  x: Float32Array;
  /** Targets: a class index 0 … K−1 per row, or a real number per row. */
  y: Float32Array;
  /** N, the number of examples. */
  n: number;
  /** F, the number of features. */
  features: number;
  /** K for classification; 0 for regression. */
  classes: number;
}

/** A dataset split in two, for training and for measuring generalisation. */
export interface Split {
  train: Dataset;
  test: Dataset;
}
