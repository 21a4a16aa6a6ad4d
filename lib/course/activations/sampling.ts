/** The grid of points over [−R, R] where the activation explorer samples its curves. */

/** Samples per curve: an odd number, so that z = 0 is one of them, and 1200 steps, so that a keyboard step (R/50) is 12 samples. */
export const POINTS = 1201;

const HALF = (POINTS - 1) / 2;

/**
 * The i-th of `points` (odd) sample points over [−R, R], (i − half)·R/half: exactly 0 in the
 * middle, and rounded to 12 significant digits so that a grid point prints as 1.12, not
 * 1.1200000000000001.
 */
export function samplePoint(i: number, range: number, points = POINTS): number {
  const half = (points - 1) / 2;
  return Number((((i - half) * range) / half).toPrecision(12)) + 0; // + 0 turns −0 into 0
}

/** The index of the sample point nearest to z (clamped to [−R, R]). */
export function sampleIndex(z: number, range: number): number {
  return Math.max(0, Math.min(POINTS - 1, Math.round((z / range) * HALF + HALF)));
}

/** The sample point nearest to z: where the pointer puts the crosshair. */
export function snapToSample(z: number, range: number): number {
  return samplePoint(sampleIndex(z, range), range);
}

