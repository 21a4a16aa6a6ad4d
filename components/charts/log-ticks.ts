import { powerOfTen } from '../../lib/common';

/**
 * Tick values for a log axis over [lo, hi]: powers of ten, thinned to at most `max` of them
 * (every second or third power on a very tall range).
 */
export function logTicks(lo: number, hi: number, max = 6): number[] {
  const first = Math.ceil(Math.log10(lo));
  const last = Math.floor(Math.log10(hi));
  if (!(last >= first)) return [];
  const every = Math.max(1, Math.ceil((last - first + 1) / max));
  const ticks: number[] = [];
  for (let e = first; e <= last; e += every) ticks.push(10 ** e);
  return ticks;
}

/** The label of a power-of-ten tick. */
export function formatPowerOfTen(value: number): string {
  return powerOfTen(Math.round(Math.log10(value)));
}
