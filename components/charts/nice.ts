/**
 * The smallest of 10, 20, 50, 100, 200, 500, … that is at least `value`: an axis end that changes
 * rarely as a run's step count grows, so the chart's ticks are not rebuilt on every frame.
 */
export function niceCeil(value: number): number {
  if (!(value > 10)) return 10;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 5, 10]) if (m * power >= value) return m * power;
  return 10 * power;
}
