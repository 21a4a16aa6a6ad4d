import { describe, expect, it } from 'vitest';
import { runJob } from '../../runtime';
import { raceJob, type RaceProgress } from './race.job';
import { runRace, methodOf } from './race';
import { toyObjective } from './objectives';

describe('raceJob', () => {
  it('raceJob streams the trials runRace() computes, and for BO a surrogate fitted to all but none of them', async () => {
    const seen: RaceProgress[] = [];
    const result = await runJob(raceJob, { objective: 'toy', method: 'bayes', budget: 7, seed: 3 }, { onProgress: (p) => seen.push(p) }).result;
    expect(result.trials).toEqual(runRace(methodOf('bayes'), toyObjective, 7, 3));
    expect(result.trialMs).toHaveLength(7);
    expect(result.surrogate?.trials).toBe(7);
    expect(result.surrogate?.mean).toHaveLength(21 * 21);
    expect(result.surrogate!.sd.every((s) => s >= 0)).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
  });

  it('raceJob gives no surrogate for the other methods', async () => {
    const result = await runJob(raceJob, { objective: 'toy', method: 'halving', budget: 5, seed: 1 }, {}).result;
    expect(result.surrogate).toBeNull();
    expect(result.trials).toEqual(runRace(methodOf('halving'), toyObjective, 5, 1));
  });
});
