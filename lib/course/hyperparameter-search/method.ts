/**
 * What every search method shares: a trial, a proposal, and the method itself, a pure function of
 * the history so far, the budget and a seed (so a race can be paused, resumed and replayed).
 */

/** A finished trial: where (unit coordinates), at what share of a full trial, and the value found. */
export interface Trial {
  readonly x: readonly number[];
  /** The share of a full trial's training this trial had (1 for every method but successive halving). */
  readonly fidelity: number;
  readonly value: number;
}

/** The next trial to run. */
export interface Proposal {
  readonly x: readonly number[];
  readonly fidelity: number;
}

/** The search methods by name. */
export type MethodId = 'grid' | 'random' | 'bayes' | 'halving';

/** A search method: proposes the next trial, or null when the budget is spent. */
export interface SearchMethod {
  readonly id: MethodId;
  readonly label: string;
  /**
   * Whether its trials for a budget are the first trials it runs for any larger budget, so that a
   * race can be extended or trimmed without starting again (random search and Bayesian
   * optimisation; grid search's grid and successive halving's first rung depend on the budget).
   */
  readonly extendable: boolean;
  /**
   * The next trial given the trials so far (in the order they ran), the budget in full trials
   * (successive halving's short trials cost their fidelity) and the race's seed. Pure.
   */
  propose(history: readonly Trial[], budget: number, seed: number): Proposal | null;
}

/** Total cost of trials, in full trials. */
export function costOf(trials: readonly Trial[]): number {
  return trials.reduce((sum, t) => sum + t.fidelity, 0);
}

/** The first trials whose total cost is within `budget` (what a race at that budget would have run, for an extendable method). */
export function trialsWithin(trials: readonly Trial[], budget: number): Trial[] {
  let cost = 0;
  const kept: Trial[] = [];
  for (const t of trials) {
    cost += t.fidelity;
    if (cost > budget + 1e-9) break;
    kept.push(t);
  }
  return kept;
}
