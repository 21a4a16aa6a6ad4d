import { describe, expect, it } from 'vitest';
import { nelderMead } from './nelder-mead';

describe('nelderMead', () => {
  it('nelderMead() finds the minimum of the Rosenbrock function at (1, 1)', () => {
    const rosenbrock = ([x = 0, y = 0]: number[]): number => (1 - x) ** 2 + 100 * (y - x * x) ** 2;
    const { x, value } = nelderMead(rosenbrock, [-1.2, 1], 0.5, 400);
    expect(value).toBeLessThan(1e-8);
    expect(x[0]).toBeCloseTo(1, 3);
    expect(x[1]).toBeCloseTo(1, 3);
  });

  it('nelderMead() treats NaN as worse than any number', () => {
    const { x } = nelderMead(([x = 0]) => (x < 0 ? NaN : (x - 2) ** 2), [1], 1, 100);
    expect(x[0]).toBeCloseTo(2, 4);
  });
});
