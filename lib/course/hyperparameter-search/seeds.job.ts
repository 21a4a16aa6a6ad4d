/**
 * The widget's "race over seeds": one job per seed races every method at the widget's objective and
 * budget and returns each method's best value within the budget; the page runs the seeds' jobs on
 * its worker pool and summarises them as they arrive (summariseSeeds, commissionRanking).
 */
import type { Job } from '../../runtime';
import type { MethodId } from './method';
import { objectiveOf, type ObjectiveId } from './objectives';
import { bestWithin, METHODS, raceTrials } from './race';
import { memoised } from './surface';

/** One seed's races. */
export interface SeedRaceParams {
  objective: ObjectiveId;
  /** In full trials. */
  budget: number;
  seed: number;
}

/** One seed's outcome: each method's best value within the budget. */
export interface SeedRaceResult {
  seed: number;
  bests: Record<MethodId, number>;
}

/** Races the four methods for one seed, one trial at a time under the page's CPU budget (trials shared between methods are computed once). */
export const seedRaceJob: Job<SeedRaceParams, never, SeedRaceResult> = async ({ objective: id, budget, seed }, ctx) => {
  const objective = memoised(objectiveOf(id));
  const bests: Partial<Record<MethodId, number>> = {};
  for (const method of METHODS) {
    const run = raceTrials(method, objective, budget, seed);
    let step = run.next();
    for (; !step.done; step = run.next()) await ctx.checkpoint();
    bests[method.id] = bestWithin(step.value, budget);
  }
  return { seed, bests: bests as Record<MethodId, number> };
};

/** The seeds' results as summariseSeeds() takes them: each method's best values in the order of `results`. */
export function bestsBySeed(results: readonly SeedRaceResult[]): Map<MethodId, number[]> {
  return new Map(METHODS.map((m) => [m.id, results.map((r) => r.bests[m.id])]));
}
