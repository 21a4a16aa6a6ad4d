import { describe, expect, it } from 'vitest';
import { parseState } from '../../lib/common';
import { compareGradients, curvesFor, CURVE_POINTS, lossSchema, verdict } from './model';

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

describe('loss-comparison model', () => {
  it('compareGradients() at z = −5, target 1: the ratio is 1/(p(1 − p)), as the closed forms give', () => {
    const p = sigmoid(-5);
    expect(compareGradients(-5, 1)).toBe(
      `At z = −5 the unit predicts p = 0.006693 for target 1: confidently wrong. dL/dz is −0.9933 under cross-entropy and −0.006604 under squared error: cross-entropy's is ${Number((1 / (p * (1 - p))).toPrecision(4))} times as large.`,
    );
    expect(compareGradients(3, 1)).toContain('right.');
  });

  it('curvesFor() mirrors between the targets: the loss at z for y = 1 is the loss at −z for y = 0', () => {
    const one = curvesFor(1);
    const zero = curvesFor(0);
    expect(one).toHaveLength(CURVE_POINTS);
    for (let i = 0; i < CURVE_POINTS; i += 16) {
      expect(one[i]!.crossEntropy).toBeCloseTo(zero[CURVE_POINTS - 1 - i]!.crossEntropy, 12);
      expect(one[i]!.squaredErrorGrad).toBeCloseTo(-zero[CURVE_POINTS - 1 - i]!.squaredErrorGrad, 12);
    }
  });

  it('verdict() and the URL fields', () => {
    expect(verdict({ z: 0, p: 0.5, crossEntropy: 0, crossEntropyGrad: 0, squaredError: 0, squaredErrorGrad: 0 }, 1)).toBe('unsure');
    const parsed = parseState(lossSchema, new URLSearchParams('y=0&z=9'));
    expect(parsed.values).toEqual({ y: '0', z: -5 });
    expect(parsed.notices.map((n) => n.name)).toEqual(['z']);
  });
});
