import { describe, expect, it } from 'vitest';
import { runJob } from '../../runtime';
import { toyObjective } from './objectives';
import { commissionRanking } from './ranking';
import { summariseSeeds, verdict } from './race';
import { bestsBySeed, seedRaceJob, type SeedRaceResult } from './seeds.job';
import { REAL_VERDICT_SEEDS } from './surface';
import { REAL_BESTS } from './real-data';

const raceSeeds = (objective: 'toy' | 'real', budget: number, seeds: readonly number[]): Promise<SeedRaceResult[]> =>
  Promise.all(seeds.map((seed) => runJob(seedRaceJob, { objective, budget, seed }).result));

describe('the race over seeds', () => {
  it('seedRaceJob() for seeds 1 to 20, summarised, is the toy verdict the lesson tabulates (budgets 4, 9 and 25)', async () => {
    for (const budget of [4, 9, 25]) {
      const results = await raceSeeds('toy', budget, REAL_VERDICT_SEEDS);
      expect(summariseSeeds(bestsBySeed(results), budget), `budget ${budget}`).toEqual(verdict(toyObjective, budget, REAL_VERDICT_SEEDS));
    }
  }, 120_000);

  it('seedRaceJob() on the network gives the precomputed best values of the lesson\'s network verdict (budget 9, seeds 1 to 3)', async () => {
    const results = await raceSeeds('real', 9, [1, 2, 3]);
    for (const [method, values] of bestsBySeed(results)) expect(values.map((v) => Number(v.toFixed(4))), method).toEqual(REAL_BESTS['9']![method]!.slice(0, 3));
  }, 240_000);

  it('summariseSeeds() summarises seeds in arrival order as in seed order, and refuses lists of unequal length', async () => {
    const results = await raceSeeds('toy', 9, [1, 2, 3, 4, 5]);
    const rows = summariseSeeds(bestsBySeed(results), 9);
    expect(summariseSeeds(bestsBySeed([...results].reverse()), 9)).toEqual(rows);
    expect(() => summariseSeeds(new Map([['random', [1, 2]], ['grid', [1]]]), 9)).toThrow('expected 2 seeds for grid, as for random search; got 1');
  });

  it('commissionRanking(): holds on the toy objective at 9 and 25 trials, fails at 4 (Bayesian optimisation is random search there), as the lesson says', () => {
    const at = (budget: number) => commissionRanking(verdict(toyObjective, budget, REAL_VERDICT_SEEDS), 20);
    expect(at(9)).toEqual({ held: true, sentence: "The commission's ranking held over 20 seeds: medians 0.021 (Bayesian) < 0.136 (random) < 0.868 (grid). Lowest median: Bayesian optimisation, 0.021." });
    expect(at(25).held).toBe(true);
    expect(at(4)).toEqual({ held: false, sentence: "The commission's ranking failed over 20 seeds: Bayesian optimisation's median, 0.547, is not below random search's, 0.547. Lowest median: successive halving, 0.048." });
  }, 60_000);

  it('commissionRanking(): fails on the network at 25 trials, where grid search has the lowest median', () => {
    const bests = new Map(Object.entries(REAL_BESTS['25']!).map(([m, v]) => [m as 'grid', [...v]]));
    const verdict25 = commissionRanking(summariseSeeds(bests, 25), 20);
    expect(verdict25.held).toBe(false);
    expect(verdict25.sentence).toBe("The commission's ranking failed over 20 seeds: random search's median, 0.164, is not below grid search's, 0.140. Lowest median: grid search, 0.140.");
  });
});
