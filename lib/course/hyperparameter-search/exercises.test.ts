import { describe, expect, it } from 'vitest';
import { exerciseListProblems, specOf } from '../exercises';
import { expectedImprovement } from './acquisition';
import { exercises } from './exercises';
import { INITIAL_TRIALS } from './bayes';
import { toyObjective } from './objectives';
import { runRace, methodOf } from './race';
import { gridSearch } from './simple-methods';

describe('hyperparameter-search exercises', () => {
  it('are a well-formed list', () => expect(exerciseListProblems('hyperparameter-search', exercises)).toEqual([]));

  it('grid-distinct-values: grid search with a budget of 50 tries 7 learning rates in 49 trials', () => {
    const trials = runRace(gridSearch, toyObjective, 50, 1);
    expect(trials).toHaveLength(49);
    expect(new Set(trials.map((t) => t.x[0])).size).toBe(specOf(exercises, 'hyperparameter-search/grid-distinct-values', 'numeric').answer);
  });

  it('expected-improvement: the closed form at μ = 0.30, σ = 0.10, f* = 0.25', () => {
    const spec = specOf(exercises, 'hyperparameter-search/expected-improvement', 'numeric');
    expect(Math.abs(expectedImprovement(0.3, 0.1, 0.25) - spec.answer)).toBeLessThan(1e-5);
    expect(spec.mistakes!.map((m) => m.value)).toEqual([0, Number((0.25 - 0.3).toFixed(3))]);
  });

  it('bo-few-trials: with 4 trials BO proposes random search\'s points', () => {
    expect(INITIAL_TRIALS).toBe(4);
    expect(runRace(methodOf('bayes'), toyObjective, 4, 7)).toEqual(runRace(methodOf('random'), toyObjective, 4, 7));
  });
});
