import { describe, expect, it } from 'vitest';
import { lossCurves, lossesAt } from './losses';

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

describe('lossesAt()', () => {
  it('lossesAt(): cross-entropy\'s dL/dz is p − y and squared error\'s is (p − y)·σ′(z), the closed forms, for both targets', () => {
    for (const y of [0, 1] as const) {
      for (const z of [-8, -5, -1.5, 0, 0.3, 2, 6]) {
        const p = sigmoid(z);
        const point = lossesAt(z, y);
        expect(point.p).toBeCloseTo(p, 15);
        expect(point.crossEntropy).toBeCloseTo(-(y * Math.log(p) + (1 - y) * Math.log(1 - p)), 12);
        expect(point.crossEntropyGrad).toBeCloseTo(p - y, 14);
        expect(point.squaredError).toBeCloseTo(0.5 * (p - y) ** 2, 15);
        expect(point.squaredErrorGrad).toBeCloseTo((p - y) * p * (1 - p), 15);
      }
    }
  });

  it('lossesAt(): both gradients agree with central differences of the losses', () => {
    const h = 1e-6;
    for (const z of [-6, -0.7, 1.2]) {
      const [up, down, at] = [lossesAt(z + h, 1), lossesAt(z - h, 1), lossesAt(z, 1)];
      expect(at.crossEntropyGrad).toBeCloseTo((up.crossEntropy - down.crossEntropy) / (2 * h), 8);
      expect(at.squaredErrorGrad).toBeCloseTo((up.squaredError - down.squaredError) / (2 * h), 8);
    }
  });

  it('lossCurves() spaces the logits evenly from `from` to `to`, and refuses fewer than two points', () => {
    expect(lossCurves(1, -2, 2, 5).map((p) => p.z)).toEqual([-2, -1, 0, 1, 2]);
    expect(() => lossCurves(1, 0, 1, 1)).toThrow('lossCurves: expected a whole number of points of at least 2, got 1');
  });
});
