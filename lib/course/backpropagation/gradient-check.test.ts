import { describe, expect, it } from 'vitest';
import { errorAgainstStep, gradientCheck, relativeError } from './gradient-check';
import { GRAPH_PRESETS } from './presets';

describe('gradientCheck()', () => {
  it('relativeError() is |a − b| / max(|a|, |b|), and 0 when both are 0', () => {
    expect(relativeError(1, 1.01)).toBeCloseTo(0.01 / 1.01, 15);
    expect(relativeError(-2, 2)).toBe(2);
    expect(relativeError(0, 0)).toBe(0);
  });

  it('gradientCheck() of x**3 at 2: autograd gives 12, the central difference 12 + h² exactly (its truncation term)', () => {
    for (const h of [0.1, 0.01]) {
      const [row] = gradientCheck('x**3', { x: 2 }, h, 'float64');
      expect(row!.autograd).toBe(12);
      // ((2 + h)³ − (2 − h)³) / 2h = 12 + h²
      expect(row!.numeric).toBeCloseTo(12 + h * h, 10);
      expect(row!.relativeError).toBeCloseTo(h * h / (12 + h * h), 10);
    }
  });

  it('errorAgainstStep(): a tenfold smaller h cuts the float64 error a hundredfold while truncation dominates; float32 is worse at small h', () => {
    const net = GRAPH_PRESETS.find((p) => p.id === 'network')!;
    const [a, b, c] = errorAgainstStep(net.expression, net.values, [1e-1, 1e-2, 1e-3], 'float64');
    expect(a! / b!).toBeGreaterThan(80);
    expect(b! / c!).toBeGreaterThan(80);
    const [f32] = errorAgainstStep(net.expression, net.values, [1e-6], 'float32');
    const [f64] = errorAgainstStep(net.expression, net.values, [1e-6], 'float64');
    expect(f32!).toBeGreaterThan(1e4 * f64!);
  });

  it('gradientCheck() refuses a step that is not positive and finite, saying what it got', () => {
    expect(() => gradientCheck('x', { x: 1 }, 0, 'float64')).toThrow('gradientCheck: expected a step h > 0, got 0');
    expect(() => gradientCheck('x', { x: 1 }, NaN, 'float64')).toThrow('gradientCheck: expected a step h > 0, got NaN');
  });
});
