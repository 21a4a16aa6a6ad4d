/** True surfaces on a grid, and an objective that remembers what it has computed. */
import type { Objective } from './objectives';

/** Points per side of the precomputed true surfaces. */
export const SURFACE_SIDE = 21;
/** The budgets and seeds of the real objective's precomputed verdict. */
export const REAL_VERDICT_BUDGETS = [9, 25] as const;
/** Seeds 1 to 20. */
export const REAL_VERDICT_SEEDS: readonly number[] = Array.from({ length: 20 }, (_, i) => i + 1);

/** The objective's full-trial value at (i/(side − 1), j/(side − 1)), row by row (j outer). */
export function surfaceGrid(objective: Objective, side: number): number[] {
  const values: number[] = [];
  for (let j = 0; j < side; j++) for (let i = 0; i < side; i++) values.push(objective.evaluate([i / (side - 1), j / (side - 1)], 1));
  return values;
}

/** The objective with a cache: the same point at the same fidelity is computed once. */
export function memoised(objective: Objective): Objective {
  const cache = new Map<string, number>();
  return {
    ...objective,
    evaluate(x, fidelity) {
      const key = `${x.join(',')}|${fidelity}`;
      let value = cache.get(key);
      if (value === undefined) cache.set(key, (value = objective.evaluate(x, fidelity)));
      return value;
    },
  };
}
