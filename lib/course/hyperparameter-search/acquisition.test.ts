import { describe, expect, it } from 'vitest';
import { Rng } from '../../engine';
import { expectedImprovement } from './acquisition';

describe('expectedImprovement', () => {
  it('expectedImprovement() is σ/√(2π) when the mean equals the best value', () => {
    expect(expectedImprovement(1, 0.3, 1)).toBeCloseTo(0.3 / Math.sqrt(2 * Math.PI), 12);
  });

  it('expectedImprovement() tends to best − μ far below the best and to 0 far above, and is the plain gain at σ = 0', () => {
    expect(expectedImprovement(0, 0.1, 2)).toBeCloseTo(2, 10);
    expect(expectedImprovement(2, 0.1, 0)).toBeLessThan(1e-20);
    expect(expectedImprovement(0.2, 0, 0.5)).toBeCloseTo(0.3, 14);
    expect(expectedImprovement(0.7, 0, 0.5)).toBe(0);
  });

  it('expectedImprovement() agrees with a Monte Carlo estimate of E[max(best − f, 0)] within 4 standard errors', () => {
    const rng = new Rng(42);
    for (const [mean, sd, best] of [[0.3, 0.5, 0.1], [-1, 2, 0], [0.5, 0.2, 0.6]] as const) {
      const n = 200_000;
      let sum = 0;
      let sumSq = 0;
      for (let i = 0; i < n; i++) {
        const gain = Math.max(best - rng.normal(mean, sd), 0);
        sum += gain;
        sumSq += gain * gain;
      }
      const estimate = sum / n;
      const standardError = Math.sqrt((sumSq / n - estimate * estimate) / n);
      expect(Math.abs(expectedImprovement(mean, sd, best) - estimate)).toBeLessThan(4 * standardError);
    }
  });
});
