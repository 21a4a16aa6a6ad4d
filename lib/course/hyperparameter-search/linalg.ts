/**
 * The little dense linear algebra a Gaussian process needs: a Cholesky factorisation and the two
 * triangular solves. Matrices are row-major Float64Arrays of n × n numbers.
 */

/**
 * The lower-triangular L with L·Lᵀ = A, for a symmetric positive-definite n × n matrix A (row-major).
 * Throws, naming the pivot, when A is not positive definite.
 */
export function cholesky(a: Float64Array, n: number): Float64Array {
  if (a.length !== n * n) throw new RangeError(`cholesky: expected ${n * n} numbers for a ${n} × ${n} matrix, got ${a.length}`);
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j]!;
    for (let k = 0; k < j; k++) d -= l[j * n + k]! ** 2;
    if (!(d > 0)) throw new RangeError(`cholesky: expected a positive-definite matrix, got pivot ${d} at row ${j}`);
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
      l[i * n + j] = s / ljj;
    }
  }
  return l;
}

/** x with L·x = b, for lower-triangular L (forward substitution). */
export function solveLower(l: Float64Array, b: ArrayLike<number>): Float64Array {
  const n = b.length;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * x[k]!;
    x[i] = s / l[i * n + i]!;
  }
  return x;
}

/** x with Lᵀ·x = b, for lower-triangular L (back substitution on the transpose). */
export function solveUpperTransposed(l: Float64Array, b: ArrayLike<number>): Float64Array {
  const n = b.length;
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * x[k]!;
    x[i] = s / l[i * n + i]!;
  }
  return x;
}

/** x with A·x = b, given A's Cholesky factor L. */
export function choleskySolve(l: Float64Array, b: ArrayLike<number>): Float64Array {
  return solveUpperTransposed(l, solveLower(l, b));
}
