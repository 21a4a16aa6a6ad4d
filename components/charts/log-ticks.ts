const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** "10⁻⁵" for an exponent of −5. */
export function powerOfTen(exponent: number): string {
  const digits = String(Math.abs(exponent))
    .split('')
    .map((d) => SUPERSCRIPT[Number(d)] ?? d)
    .join('');
  return `10${exponent < 0 ? '⁻' : ''}${digits}`;
}

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
