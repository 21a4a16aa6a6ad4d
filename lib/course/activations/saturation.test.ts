import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, DEFAULT_ACTIVATION_PARAMS } from '../../ml/activations/functions';
import { describeIntervals, saturatedIntervals } from './saturation';

const p = DEFAULT_ACTIVATION_PARAMS;

describe('saturatedIntervals()', () => {
  it('saturatedIntervals() finds the sigmoid boundary |z| = ln((1 + √(1 − 4ε)) / (1 − √(1 − 4ε)))', () => {
    const eps = 0.01;
    // σ(z)(1 − σ(z)) = ε  ⇔  σ = (1 ± √(1 − 4ε)) / 2  ⇔  z = ±ln(σ / (1 − σ)).
    const root = Math.sqrt(1 - 4 * eps);
    const edge = Math.log((1 + root) / (1 - root));
    const found = saturatedIntervals((z) => ACTIVATIONS.sigmoid.derivative(z, p), eps, -10, 10);
    expect(found).toHaveLength(2);
    expect(found[0]?.from).toBe(-10);
    expect(found[0]?.openLeft).toBe(true);
    expect(found[0]?.to).toBeCloseTo(-edge, 7);
    expect(found[1]?.from).toBeCloseTo(edge, 7);
    expect(found[1]?.openRight).toBe(true);
  });

  it('saturatedIntervals() finds tanh saturating at |z| = artanh(√(1 − ε))', () => {
    const eps = 0.05;
    const edge = Math.atanh(Math.sqrt(1 - eps));
    const found = saturatedIntervals((z) => ACTIVATIONS.tanh.derivative(z, p), eps, -6, 6, { samples: 37 });
    expect(found.map((i) => [i.from, i.to])).toEqual([
      [-6, expect.closeTo(-edge, 7)],
      [expect.closeTo(edge, 7), 6],
    ]);
  });

  it('saturatedIntervals() reports ReLU flat on the whole negative side only', () => {
    const found = saturatedIntervals((z) => ACTIVATIONS.relu.derivative(z, p), 0.01, -5, 5);
    expect(found).toHaveLength(1);
    expect(found[0]?.from).toBe(-5);
    expect(found[0]?.to).toBeCloseTo(0, 7);
  });

  it('saturatedIntervals() finds nothing for the identity', () => {
    expect(saturatedIntervals(() => 1, 0.5, -3, 3)).toEqual([]);
  });

  it('saturatedIntervals() uses pre-sampled derivatives for the scan and the function only to refine', () => {
    const derivative = (z: number): number => ACTIVATIONS.sigmoid.derivative(z, p);
    const zs = Array.from({ length: 41 }, (_, i) => -10 + i * 0.5);
    let calls = 0;
    const counted = (z: number): number => (calls++, derivative(z));
    const found = saturatedIntervals(counted, 0.01, -10, 10, { samples: 40, sampled: zs.map(derivative) });
    expect(found.map((i) => i.to - i.from)).toEqual([expect.closeTo(10 - 4.585, 3), expect.closeTo(10 - 4.585, 3)]);
    expect(calls).toBeLessThan(200); // bisection only: about 35 evaluations per boundary
    expect(() => saturatedIntervals(derivative, 0.01, -10, 10, { samples: 40, sampled: [1, 2] })).toThrow(/41 sampled/);
  });

  it('saturatedIntervals() rejects an empty range and a non-positive epsilon', () => {
    expect(() => saturatedIntervals(() => 0, 0.1, 1, 1)).toThrow(/lo < hi/);
    expect(() => saturatedIntervals(() => 0, 0, -1, 1)).toThrow(/epsilon > 0/);
  });
});

describe('describeIntervals()', () => {
  const fmt = (z: number): string => z.toFixed(2);

  it('describeIntervals() folds a symmetric pair into |z| > c', () => {
    const found = saturatedIntervals((z) => ACTIVATIONS.sigmoid.derivative(z, p), 0.01, -10, 10);
    expect(describeIntervals(found, fmt)).toBe('|z| > 4.58') // ln 98 = 4.585;
  });

  it('describeIntervals() words one-sided, bounded, full and empty cases', () => {
    expect(describeIntervals([{ from: -5, to: 0, openLeft: true, openRight: false }], fmt)).toBe('z < 0.00');
    expect(describeIntervals([{ from: -1, to: 2, openLeft: false, openRight: false }], fmt)).toBe('-1.00 < z < 2.00');
    expect(describeIntervals([{ from: -5, to: 5, openLeft: true, openRight: true }], fmt)).toBe('everywhere in this range');
    expect(describeIntervals([], fmt)).toBe('nowhere in this range');
  });
});
