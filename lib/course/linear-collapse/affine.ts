/**
 * Small dense affine maps x ↦ Wx + b on plain arrays, for the "two linear layers collapse into
 * one" demonstration. Matrices are arrays of rows: W[i][j] is row i, column j.
 */
import type { Rng } from '../../engine';

/** A dense matrix as an array of rows. */
export type Matrix = number[][];

/** An affine map x ↦ Wx + b, W of shape (out, in), b of length out. */
export interface AffineMap {
  W: Matrix;
  b: number[];
}

/** The product AB; throws when the inner sizes differ. */
export function matMul(A: Matrix, B: Matrix): Matrix {
  const inner = B.length;
  const cols = B[0]?.length ?? 0;
  return A.map((row, i) => {
    if (row.length !== inner) {
      throw new RangeError(`matMul: shapes cannot be multiplied (${A.length}x${row.length} and ${inner}x${cols}) at row ${i}`);
    }
    return Array.from({ length: cols }, (_, j) => row.reduce((s, a, k) => s + a * (B[k]?.[j] ?? NaN), 0));
  });
}

/** The vector Wx. */
export function matVec(W: Matrix, x: readonly number[]): number[] {
  return matMul(W, x.map((v) => [v])).map((row) => row[0] ?? NaN);
}

/** Applies x ↦ Wx + b. */
export function applyAffine({ W, b }: AffineMap, x: readonly number[]): number[] {
  return matVec(W, x).map((v, i) => v + (b[i] ?? NaN));
}

/**
 * The single affine map equal to applying `first` then `second`:
 * W₂(W₁x + b₁) + b₂ = (W₂W₁)x + (W₂b₁ + b₂).
 */
export function composeAffine(first: AffineMap, second: AffineMap): AffineMap {
  return { W: matMul(second.W, first.W), b: applyAffine(second, first.b) };
}

/** A random affine map with small integer entries in [−range, range], easy to check by hand. */
export function randomIntegerAffine(rng: Rng, outSize: number, inSize: number, range = 3): AffineMap {
  const draw = (): number => rng.int(2 * range + 1) - range;
  return {
    W: Array.from({ length: outSize }, () => Array.from({ length: inSize }, draw)),
    b: Array.from({ length: outSize }, draw),
  };
}
