/** Recomputes some of the precomputed figures of the real objective (real-data.ts) from scratch. */
import { describe, expect, it } from 'vitest';
import { METHODS } from './race';
import { bestWithin, runRace } from './race';
import { realObjective, trainAndValidate } from './objectives';
import { REAL_BESTS, REAL_SURFACE } from './real-data';
import { REAL_VERDICT_BUDGETS, REAL_VERDICT_SEEDS, SURFACE_SIDE } from './surface';

describe('real objective data', () => {
  it('REAL_SURFACE has 21 × 21 values, and three of them recompute to the same 4 decimals', () => {
    expect(REAL_SURFACE).toHaveLength(SURFACE_SIDE ** 2);
    for (const [i, j] of [[0, 0], [12, 7], [20, 20]] as const) {
      expect(realObjective.evaluate([i / 20, j / 20], 1).toFixed(4), `point (${i}, ${j})`).toBe(REAL_SURFACE[j * SURFACE_SIDE + i]!.toFixed(4));
    }
    // Corner (0, 0) is learning rate 10⁻³ and weight decay 10⁻⁵.
    expect(trainAndValidate(1e-3, 1e-5, 1)).toBeCloseTo(REAL_SURFACE[0]!, 4);
  });

  it('REAL_BESTS holds every method and seed at both budgets, and seed 1 at budget 9 recomputes exactly', () => {
    for (const budget of REAL_VERDICT_BUDGETS) for (const m of METHODS) expect(REAL_BESTS[budget]![m.id]).toHaveLength(REAL_VERDICT_SEEDS.length);
    for (const m of METHODS) expect(bestWithin(runRace(m, realObjective, 9, 1), 9).toFixed(4), m.id).toBe(REAL_BESTS['9']![m.id]![0]!.toFixed(4));
  });
});
