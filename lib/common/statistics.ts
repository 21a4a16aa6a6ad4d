/** Order statistics of a list of numbers. Pure. */

/**
 * The q-quantile of `values` (q ∈ [0, 1]), interpolating linearly between order statistics as
 * numpy.quantile does by default: `quantile(values, 0.5)` is the median (the mean of the two middle
 * values for an even count).
 */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new RangeError('quantile: expected at least one value, got none');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile: expected q between 0 and 1, got ${q}`);
  const sorted = [...values].sort((a, b) => a - b);
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (at - lo) * (sorted[hi]! - sorted[lo]!);
}
