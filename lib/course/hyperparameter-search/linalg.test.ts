import { describe, expect, it } from 'vitest';
import { cholesky, choleskySolve, solveLower, solveUpperTransposed } from './linalg';

// A textbook example (e.g. Wikipedia's "Cholesky decomposition"): [[4, 12, −16], [12, 37, −43], [−16, −43, 98]]
// = L·Lᵀ with L = [[2, 0, 0], [6, 1, 0], [−8, 5, 3]].
const A = Float64Array.from([4, 12, -16, 12, 37, -43, -16, -43, 98]);

describe('linalg', () => {
  it('cholesky() gives the known factor of a 3 × 3 matrix', () => {
    expect(Array.from(cholesky(A, 3))).toEqual([2, 0, 0, 6, 1, 0, -8, 5, 3]);
  });

  it('cholesky() refuses a matrix that is not positive definite, naming the row', () => {
    expect(() => cholesky(Float64Array.from([1, 2, 2, 1]), 2)).toThrow('expected a positive-definite matrix, got pivot -3 at row 1');
    expect(() => cholesky(new Float64Array(3), 2)).toThrow('expected 4 numbers for a 2 × 2 matrix, got 3');
  });

  it('solveLower() and solveUpperTransposed() invert L and Lᵀ', () => {
    const l = cholesky(A, 3);
    // L·[1, 2, 3] = [2, 8, 11]; Lᵀ·[1, 2, 3] = [2 + 12 − 24, 2 + 15, 9] = [−10, 17, 9].
    expect(Array.from(solveLower(l, [2, 8, 11]))).toEqual([1, 2, 3]);
    expect(Array.from(solveUpperTransposed(l, [-10, 17, 9]))).toEqual([1, 2, 3]);
  });

  it('choleskySolve() solves A·x = b', () => {
    const x = [1, -2, 0.5];
    const b = [0, 1, 2].map((i) => x.reduce((s, xj, j) => s + A[i * 3 + j]! * xj, 0));
    choleskySolve(cholesky(A, 3), b).forEach((v, i) => expect(v).toBeCloseTo(x[i]!, 12));
  });
});
