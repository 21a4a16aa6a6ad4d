import { describe, expect, it } from 'vitest';
import { bayesianOptimisation, INITIAL_TRIALS } from './bayes';
import { firstRungSize, successiveHalving } from './halving';
import { costOf, type SearchMethod, type Trial } from './method';
import { toyObjective } from './objectives';
import { bestWithin, runRace } from './race';
import { gridSearch, gridSide, randomSearch } from './simple-methods';
import { unitOf, valueOf } from './space';

const race = (method: SearchMethod, budget: number, seed: number): Trial[] => runRace(method, toyObjective, budget, seed);

describe('search methods', () => {
  it('valueOf() spreads a log-scaled parameter evenly over its decades, and unitOf() inverts it', () => {
    const lr = { name: 'learning rate', symbol: 'η', low: 1e-3, high: 1, log: true };
    expect(valueOf(lr, 0)).toBeCloseTo(1e-3, 15);
    expect(valueOf(lr, 1 / 3)).toBeCloseTo(1e-2, 15);
    expect(valueOf(lr, 1)).toBeCloseTo(1, 15);
    expect(unitOf(lr, valueOf(lr, 0.37))).toBeCloseTo(0.37, 12);
    expect(valueOf({ name: 'x', symbol: 'x', low: 2, high: 4, log: false }, 0.25)).toBe(2.5);
  });

  it('gridSearch proposes the k × k cell centres once each, k = ⌊√budget⌋, in a seeded order', () => {
    expect([gridSide(8), gridSide(9), gridSide(24), gridSide(25)]).toEqual([2, 3, 4, 5]);
    const trials = race(gridSearch, 10, 3);
    expect(trials).toHaveLength(9);
    const cells = trials.map((t) => t.x.map((c) => Math.round(c * 6)).join(',')).sort();
    expect(cells).toEqual(['1,1', '1,3', '1,5', '3,1', '3,3', '3,5', '5,1', '5,3', '5,5']);
    expect(race(gridSearch, 10, 4).map((t) => t.x)).not.toEqual(trials.map((t) => t.x));
  });

  it('randomSearch draws the budget of points in [0, 1)², the same for the same seed', () => {
    const trials = race(randomSearch, 7, 5);
    expect(trials).toHaveLength(7);
    for (const t of trials) for (const c of t.x) expect(c >= 0 && c < 1).toBe(true);
    expect(race(randomSearch, 7, 5)).toEqual(trials);
  });

  it('successiveHalving trains the best third of each rung three times as long, within the budget', () => {
    const budget = 10;
    const n = firstRungSize(budget);
    expect(n).toBe(30);
    const trials = race(successiveHalving, budget, 2);
    expect(trials.map((t) => t.fidelity)).toEqual([...Array<number>(30).fill(1 / 9), ...Array<number>(10).fill(1 / 3), ...Array<number>(3).fill(1)]);
    expect(costOf(trials)).toBeLessThanOrEqual(budget);
    const rung0 = trials.slice(0, 30);
    const best10 = [...rung0].sort((a, b) => a.value - b.value).slice(0, 10).map((t) => t.x);
    expect(trials.slice(30, 40).map((t) => t.x)).toEqual(best10);
    const rung1 = trials.slice(30, 40);
    expect(trials.slice(40).map((t) => t.x)).toEqual([...rung1].sort((a, b) => a.value - b.value).slice(0, 3).map((t) => t.x));
  });

  it('bayesianOptimisation starts with random search\'s first points, then finds the toy valley better than random search', () => {
    const bo = race(bayesianOptimisation, 16, 1);
    expect(bo).toHaveLength(16);
    expect(bo.slice(0, INITIAL_TRIALS).map((t) => t.x)).toEqual(race(randomSearch, INITIAL_TRIALS, 1).map((t) => t.x));
    for (const t of bo) for (const c of t.x) expect(c >= 0 && c <= 1).toBe(true);
    expect(bestWithin(bo, 16)).toBeLessThan(bestWithin(race(randomSearch, 16, 1), 16));
    expect(bestWithin(bo, 16)).toBeLessThan(0.01);
  });

  it('runRace() is deterministic and resumes from a history to the same trials', () => {
    const whole = race(bayesianOptimisation, 8, 9);
    expect(race(bayesianOptimisation, 8, 9)).toEqual(whole);
    expect(runRace(bayesianOptimisation, toyObjective, 8, 9, undefined, whole.slice(0, 5))).toEqual(whole);
  });
});
