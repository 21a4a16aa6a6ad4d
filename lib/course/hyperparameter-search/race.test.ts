import { describe, expect, it } from 'vitest';
import type { Trial } from './method';
import { toyObjective, toyValue, TOY_OPTIMUM } from './objectives';
import { bestSoFar, bestWithin, verdict } from './race';

const trial = (value: number, fidelity = 1): Trial => ({ x: [0, 0], fidelity, value });

describe('race', () => {
  it('bestSoFar() and bestWithin() count short trials at their fidelity', () => {
    const trials = [trial(0.5, 1 / 3), trial(0.7, 1 / 3), trial(0.2, 1 / 3), trial(0.1)];
    expect(bestSoFar(trials).map((p) => p.best)).toEqual([0.5, 0.5, 0.2, 0.1]);
    expect(bestWithin(trials, 1)).toBe(0.2);
    expect(bestWithin(trials, 2)).toBe(0.1);
    expect(bestWithin(trials, 0.2)).toBe(Infinity);
  });

  it('toyValue() has its minimum 0 at u = 0.62, v = 0 and is never lower below a full trial', () => {
    expect(toyValue(TOY_OPTIMUM, 0, 1)).toBe(0);
    for (const [u, v] of [[0.1, 0.2], [0.62, 0.9], [0.8, 0.5]] as const) for (const f of [1 / 9, 1 / 3]) expect(toyValue(u, v, f)).toBeGreaterThanOrEqual(toyValue(u, v, 1));
  });

  it('verdict() gives the same rows for the same seeds; grid search has no spread over seeds', () => {
    const a = verdict(toyObjective, 9, [1, 2, 3, 4]);
    expect(verdict(toyObjective, 9, [1, 2, 3, 4])).toEqual(a);
    const grid = a.find((r) => r.method === 'grid')!;
    expect(grid.lowerQuartile).toBe(grid.upperQuartile);
    expect(a.find((r) => r.method === 'random')!.beatsRandom).toBe(2);
  });
});
