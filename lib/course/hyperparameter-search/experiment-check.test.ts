import { describe, expect, it } from 'vitest';
import lesson from '../../../lessons/hyperparameter-search.mdx?raw';
import { runJob } from '../../runtime';
import type { ExperimentSpec } from '../exercises';
import { exercises } from './exercises';
import { checkSearchExperiment } from './experiment-check';
import { toyObjective } from './objectives';
import { bestWithin, runRace } from './race';
import { raceJob } from './race.job';
import { REAL_BESTS } from './real-data';
import { gridSearch } from './simple-methods';
import { REAL_VERDICT_SEEDS } from './surface';
import { MAX_BUDGET, MIN_BUDGET } from './widget-settings';

const specOf = (id: string): ExperimentSpec => {
  const found = exercises.find((e) => e.id === `hyperparameter-search/${id}`);
  if (found?.kind !== 'experiment') throw new Error(`expected the experiment hyperparameter-search/${id}`);
  return found;
};
const check = (spec: ExperimentSpec, changes: Record<string, unknown>) => checkSearchExperiment(spec, { ...spec.start, ...changes });
const gridBest = (budget: number): number => bestWithin(runRace(gridSearch, toyObjective, budget, 1), budget);

describe('checkSearchExperiment(): grid-alignment', () => {
  const spec = specOf('grid-alignment');

  it('the budgets that pass are 16 to 24, as the solution says, with the values it and the prompt state', () => {
    const budgets = Array.from({ length: MAX_BUDGET - MIN_BUDGET + 1 }, (_, i) => MIN_BUDGET + i);
    expect(budgets.filter((b) => gridBest(b) <= 0.05)).toEqual([16, 17, 18, 19, 20, 21, 22, 23, 24]);
    expect(spec.solution).toContain('Any budget from 16 to 24');
    expect(spec.solution).toContain(`grid search finds ${gridBest(16).toFixed(3)}`);
    expect(spec.solution).toContain(`its best is ${gridBest(25).toFixed(3)}`);
    expect(lesson).toContain(`with a budget of 9, grid search's best value is $${gridBest(9).toFixed(3)}$`);
  });

  it('passes at 16, re-running the widget\'s job; fails at the start and at 25, saying where the grid\'s columns lie', async () => {
    const passed = await check(spec, { budget: 16 });
    expect(passed).toMatchObject({ correct: true, score: 1 });
    expect(passed.feedback).toBe("Goal reached: Grid search's best value on the toy objective with a budget of 16 and seed 1 is 0.006 (its 4 × 4 grid tries u = 0.125, 0.375, 0.625, 0.875); the goal is at most 0.050.");
    expect((await check(spec, {})).feedback).toBe("Grid search's best value on the toy objective with a budget of 9 and seed 1 is 0.868 (its 3 × 3 grid tries u = 0.167, 0.5, 0.833); the goal is at most 0.050.");
    expect(await check(spec, { budget: 25 })).toMatchObject({ correct: false, score: 0 });
  });

  it('refuses a change of the seed or the objective, and a budget out of range, without racing', async () => {
    expect((await check(spec, { budget: 16, seed: 2 })).feedback).toBe('Only budget may change; you changed seed from 1 to 2.');
    expect((await check(spec, { objective: 'real' })).feedback).toBe('Only budget may change; you changed objective from "toy" to "real".');
    expect((await check(spec, { budget: 41 })).feedback).toMatch(/^Expected budget to be .*; got 41\.$/);
  });
});

describe('checkSearchExperiment(): one-race', () => {
  const spec = specOf('one-race');
  const random = REAL_BESTS['25']!['random']!;
  const bayes = REAL_BESTS['25']!['bayes']!;

  it('the seeds the solution lists are those of the precomputed verdict where random search beats Bayesian optimisation', () => {
    const seeds = REAL_VERDICT_SEEDS.filter((_, i) => random[i]! < bayes[i]!);
    expect(spec.solution).toContain(`Seeds ${seeds.slice(0, -1).join(', ')} and ${seeds.at(-1)} among 1 to 20`);
    expect(spec.solution).toContain(`With seed 4, random search ends at ${random[3]} and Bayesian optimisation at ${bayes[3]}`);
    expect(spec.solution).toContain(`loses ${seeds.length} times in 20`);
    expect(spec.hints[0]).toContain(`found the lower loss for ${REAL_VERDICT_SEEDS.length - seeds.length} of seeds 1 to 20`);
  });

  it('passes with seed 4 and fails with seed 1, re-running both races on the network as the widget does', async () => {
    const passed = await check(spec, { seed: 4 });
    expect(passed.correct, passed.feedback).toBe(true);
    expect(passed.feedback).toBe(`Goal reached: Random search's best validation loss on the network with a budget of 25 and seed 4 is ${random[3]!.toFixed(4)}, Bayesian optimisation's ${bayes[3]!.toFixed(4)}; the goal is random search below Bayesian optimisation.`);
    const failed = await check(spec, {});
    expect(failed).toMatchObject({ correct: false, score: 0 });
    expect(failed.feedback).toContain(`is ${random[0]!.toFixed(4)}, Bayesian optimisation's ${bayes[0]!.toFixed(4)}`);
  }, 240_000);
});

describe('checkSearchExperiment(): the goal', () => {
  it('refuses a goal without atMost or beats, saying what it expected', async () => {
    const spec = { ...specOf('grid-alignment'), goal: { method: 'grid' } };
    await expect(check(spec, {})).rejects.toThrow('expected a goal { method, atMost?, beats? }');
  });

  it('re-runs the page\'s numbers: raceJob is what the check races', async () => {
    const page = await runJob(raceJob, { objective: 'toy', method: 'grid', budget: 16, seed: 1 }).result;
    expect(bestWithin(page.trials, 16)).toBe(gridBest(16));
  });
});
