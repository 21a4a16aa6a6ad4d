/** Index of the stop nearest to a value, comparing on a log scale when all are positive. */
export function nearestStopIndex(stops: readonly number[], value: number): number {
  const logScale = stops.every((s) => s > 0) && value > 0;
  const distance = (s: number): number => (logScale ? Math.abs(Math.log(s) - Math.log(value)) : Math.abs(s - value));
  let best = 0;
  stops.forEach((s, i) => {
    if (distance(s) < distance(stops[best] ?? s)) best = i;
  });
  return best;
}
