/** Numbers in short text for chart summaries and readouts (no engine import: the page uses it too). */

/** A number in at most 4 significant digits: 0.01234, 1.235e+6. */
export function shortNumber(v: number): string {
  if (v === 0 || !Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  return a >= 1e6 || a < 1e-4 ? v.toExponential(3).replace(/\.?0+e/, 'e') : String(Number(v.toPrecision(4)));
}
