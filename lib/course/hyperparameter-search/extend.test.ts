import { describe, expect, it } from 'vitest';
import { runJob } from '../../runtime';
import { trialsWithin } from './method';
import { toyObjective } from './objectives';
import { METHODS, methodOf, runRace } from './race';
import { raceJob } from './race.job';

const SEEDS = [1, 2, 7];

describe('extending and trimming a race', () => {
  it('random search and Bayesian optimisation are the extendable methods; grid search and successive halving are not', () => {
    expect(METHODS.filter((m) => m.extendable).map((m) => m.id)).toEqual(['random', 'bayes']);
  });

  for (const id of ['random', 'bayes'] as const) {
    it(`runRace(): ${id} extended from budget 9 to 25 equals its race at 25 from the start, and its race at 25 trimmed to 9 equals its race at 9`, () => {
      const method = methodOf(id);
      for (const seed of SEEDS) {
        const at9 = runRace(method, toyObjective, 9, seed);
        const at25 = runRace(method, toyObjective, 25, seed);
        expect(runRace(method, toyObjective, 25, seed, undefined, at9), `seed ${seed}`).toEqual(at25);
        expect(trialsWithin(at25, 9), `seed ${seed}`).toEqual(at9);
      }
    });

    it(`raceJob(): ${id} continued from its race at 9 gives the race at 25, keeping the earlier trials' times; from 25 to 9 it trims`, async () => {
      const from = await runJob(raceJob, { objective: 'toy', method: id, budget: 9, seed: 2 }).result;
      const extended = await runJob(raceJob, { objective: 'toy', method: id, budget: 25, seed: 2, from }).result;
      const fresh = await runJob(raceJob, { objective: 'toy', method: id, budget: 25, seed: 2 }).result;
      expect(extended.trials).toEqual(fresh.trials);
      expect(extended.trialMs.slice(0, 9)).toEqual(from.trialMs);
      expect(extended.surrogate).toEqual(fresh.surrogate);
      const trimmed = await runJob(raceJob, { objective: 'toy', method: id, budget: 9, seed: 2, from: fresh }).result;
      expect(trimmed.trials).toEqual(from.trials);
      expect(trimmed.surrogate).toEqual(from.surrogate);
    });
  }

  it('grid search and successive halving cannot be extended: their trials at 25 do not begin with their trials at 9, and raceJob refuses to continue them', async () => {
    for (const id of ['grid', 'halving'] as const) {
      const method = methodOf(id);
      const at9 = runRace(method, toyObjective, 9, 1);
      expect(runRace(method, toyObjective, 25, 1).slice(0, at9.length), id).not.toEqual(at9);
      await expect(runJob(raceJob, { objective: 'toy', method: id, budget: 25, seed: 1, from: { trials: at9, trialMs: [] } }).result).rejects.toThrow(`expected a method whose race can be extended (random, bayes) to continue from earlier trials, got ${id}`);
    }
  });
});
