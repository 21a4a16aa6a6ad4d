/** Grid search and random search over the unit square. */
import { Rng } from '../../engine';
import type { Proposal, SearchMethod, Trial } from './method';

/** Side of the grid a budget of n trials affords in d dimensions: ⌊n^(1/d)⌋ (with a guard against 2.9999…). */
export function gridSide(budget: number, dims = 2): number {
  return Math.max(1, Math.floor(Math.pow(budget, 1 / dims) + 1e-9));
}

/**
 * Grid search: a k × k grid of cell centres (k = gridSide(budget)), visited in an order shuffled by
 * the seed (so its best-so-far curve varies with the seed, its final result does not).
 */
export const gridSearch: SearchMethod = {
  id: 'grid',
  label: 'Grid',
  extendable: false,
  propose(history, budget, seed) {
    const k = gridSide(budget);
    if (history.length >= k * k) return null;
    const order = new Rng(seed).shuffle(Array.from({ length: k * k }, (_, i) => i));
    const cell = order[history.length]!;
    return { x: [((cell % k) + 0.5) / k, (Math.floor(cell / k) + 0.5) / k], fidelity: 1 };
  },
};

/** The i-th point of the uniform stream of a seed (2 draws a point): the same on every call. */
export function randomPoint(seed: number, i: number): number[] {
  const rng = new Rng(seed);
  let point: number[] = [];
  for (let j = 0; j <= i; j++) point = [rng.random(), rng.random()];
  return point;
}

/** Random search: points uniform on the unit square (log-uniform in every hyperparameter searched on a log scale). */
export const randomSearch: SearchMethod = {
  id: 'random',
  label: 'Random',
  extendable: true,
  propose(history: readonly Trial[], budget: number, seed: number): Proposal | null {
    if (history.length + 1 > budget) return null;
    return { x: randomPoint(seed, history.length), fidelity: 1 };
  },
};
