/** How hard the training workers may work, so the page keeps a core to draw on. */

/**
 * How busy each of `runs` training workers may be on a machine with `cores` logical cores: where
 * there is a core to spare for the page, 1; where there is not, little enough that the workers
 * together leave more than a core for the page's own thread and the browser's raster threads
 * (0.45 each for two runs on 2 cores: measured with `npm run bench:widgets`, no task over 50 ms).
 */
export function busyFractionFor(cores: number, runs: number): number {
  if (cores - 1 >= runs) return 1;
  return Math.max(0.2, Math.min(1, (cores - 1.1) / runs));
}

/** busyFractionFor() on this machine (2 cores assumed where the browser does not say). */
export function busyFractionHere(runs: number): number {
  return busyFractionFor(typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2, runs);
}

/**
 * How long to rest after `workedMs` of computing so that the worker is busy `busy` of the time,
 * however long its last step took.
 */
export function restAfter(workedMs: number, busy: number): number {
  return busy >= 1 ? 0 : (workedMs * (1 - busy)) / busy;
}
