/** A network's reading of the drawn digit in words. */
import { formatFixed } from '../../lib/common';
import type { Classification } from '../../lib/course/dropout';

const p2 = (p: number | undefined): string => formatFixed(p ?? 0, 2);

/** The predicted class and the next two, with their probabilities: "it reads 7 (probability 0.93); next come 1 (0.04) and 9 (0.01)". */
export function describeReading(reading: Classification): string {
  const order = reading.probabilities.map((p, d) => ({ p, d })).sort((a, b) => b.p - a.p || a.d - b.d);
  const next = order.slice(1, 3).map(({ p, d }) => `${d} (${p2(p)})`);
  return `it reads ${reading.predicted} (probability ${p2(reading.probabilities[reading.predicted])}); next come ${next.join(' and ')}`;
}
