/** An interval [from, to] of z; an end that reached the edge of the searched range is marked open. */
export interface ZInterval {
  from: number;
  to: number;
  /** The interval continues beyond the searched range on the left. */
  openLeft: boolean;
  /** The interval continues beyond the searched range on the right. */
  openRight: boolean;
}

/** How saturatedIntervals() scans. */
export interface ScanOptions {
  /** Number of steps of the scan over [lo, hi] (it evaluates samples + 1 points). */
  samples?: number;
  /** Bisection stops when a boundary is known to within this (relative to max(1, |z|)). */
  tolerance?: number;
  /** f' already evaluated at the samples + 1 scan points, to save evaluating it again. */
  sampled?: ArrayLike<number>;
}

/**
 * The parts of [lo, hi] where |f'(z)| < epsilon: where the function is saturated and almost no
 * gradient flows back through it. Scans `samples` steps, then refines each boundary by bisection
 * to within `tolerance`, so the ends are accurate even when the scan is coarse.
 */
export function saturatedIntervals(
  derivative: (z: number) => number,
  epsilon: number,
  lo: number,
  hi: number,
  { samples = 400, tolerance = 1e-9, sampled }: ScanOptions = {},
): ZInterval[] {
  if (!(hi > lo)) throw new RangeError(`saturatedIntervals: expected lo < hi, got [${lo}, ${hi}]`);
  if (!(epsilon > 0)) throw new RangeError(`saturatedIntervals: expected epsilon > 0, got ${epsilon}`);
  if (sampled && sampled.length !== samples + 1) {
    throw new RangeError(`saturatedIntervals: expected ${samples + 1} sampled values, got ${sampled.length}`);
  }
  const flat = (z: number): boolean => Math.abs(derivative(z)) < epsilon;
  const flatAt = (i: number, z: number): boolean => (sampled ? Math.abs(sampled[i] ?? NaN) < epsilon : flat(z));
  const refine = (inside: number, outside: number): number => {
    let a = inside;
    let b = outside;
    while (Math.abs(b - a) > tolerance * Math.max(1, Math.abs(a))) {
      const mid = (a + b) / 2;
      if (flat(mid)) a = mid;
      else b = mid;
    }
    return (a + b) / 2;
  };

  const intervals: ZInterval[] = [];
  const step = (hi - lo) / samples;
  let start: number | undefined = flatAt(0, lo) ? lo : undefined;
  let prev = lo;
  for (let i = 1; i <= samples; i++) {
    const z = i === samples ? hi : lo + i * step;
    const isFlat = flatAt(i, z);
    if (isFlat && start === undefined) {
      start = refine(z, prev);
    } else if (!isFlat && start !== undefined) {
      intervals.push({ from: start, to: refine(prev, z), openLeft: start === lo, openRight: false });
      start = undefined;
    }
    prev = z;
  }
  if (start !== undefined) intervals.push({ from: start, to: hi, openLeft: start === lo, openRight: true });
  return intervals;
}

/**
 * Describes intervals of z in words for a screen reader or a caption: "z < −4.58 and z > 4.58"
 * becomes "|z| > 4.60"; an empty list is "nowhere in this range". Numbers use `format`.
 */
export function describeIntervals(intervals: readonly ZInterval[], format: (z: number) => string): string {
  if (intervals.length === 0) return 'nowhere in this range';
  const [first, second] = intervals;
  if (
    intervals.length === 2 &&
    first !== undefined &&
    second !== undefined &&
    first.openLeft &&
    second.openRight &&
    format(-first.to) === format(second.from)
  ) {
    return `|z| > ${format(second.from)}`;
  }
  return intervals
    .map((i) => {
      if (i.openLeft && i.openRight) return 'everywhere in this range';
      if (i.openLeft) return `z < ${format(i.to)}`;
      if (i.openRight) return `z > ${format(i.from)}`;
      return `${format(i.from)} < z < ${format(i.to)}`;
    })
    .join(' and ');
}
