/** How hard the training workers may work, so the page keeps a core to draw on. */

/**
 * How busy each of `runs` training workers may be on a machine with `cores` logical cores: where
 * there is a core to spare for the page, 1; where there is not, little enough that the workers
 * together leave more than a core for the page's own thread and the browser's raster threads.
 */
export function busyFractionFor(cores: number, runs: number): number {
  if (cores - 1 >= runs) return 1;
  return Math.max(0.2, Math.min(1, (cores - 1.3) / runs));
}

/** busyFractionFor() on this machine (2 cores assumed where the browser does not say). */
export function busyFractionHere(runs: number): number {
  return busyFractionFor(typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2, runs);
}
