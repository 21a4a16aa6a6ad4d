import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entropy, logSumExp, naiveSoftmax, softmax } from './softmax';

const logitsArb = fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 3, maxLength: 8 });

describe('softmax()', () => {
  it('softmax() sums to 1 and matches the definition for moderate logits', () => {
    fc.assert(
      fc.property(logitsArb, fc.double({ min: 0.1, max: 10, noNaN: true }), (z, t) => {
        const p = softmax(z, t);
        expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        const reference = naiveSoftmax(z, t);
        p.forEach((pi, i) => expect(pi).toBeCloseTo(reference[i] ?? NaN, 12));
      }),
    );
  });

  it('softmax() is unchanged when a constant is added to every logit', () => {
    fc.assert(
      fc.property(logitsArb, fc.double({ min: -900, max: 900, noNaN: true }), (z, c) => {
        const p = softmax(z);
        const shifted = softmax(z.map((x) => x + c));
        p.forEach((pi, i) => expect(shifted[i]).toBeCloseTo(pi, 9));
      }),
    );
  });

  it('softmax() stays finite at logits of ±1000 where the naive formula gives NaN', () => {
    const z = [1000, 999, -1000];
    const p = softmax(z);
    expect(p.every(Number.isFinite)).toBe(true);
    expect(p[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
    expect(p[1]).toBeCloseTo(Math.exp(-1) / (1 + Math.exp(-1)), 12);
    expect(p[2]).toBe(0);
    expect(naiveSoftmax(z).some(Number.isNaN)).toBe(true);
  });

  it('softmax() tends to one-hot as T → 0 and to uniform as T → ∞', () => {
    const z = [1, 3, 2];
    expect(softmax(z, 0.01)[1]).toBeCloseTo(1, 12);
    softmax(z, 1e6).forEach((p) => expect(p).toBeCloseTo(1 / 3, 5));
  });

  it('softmax() rejects a non-positive temperature and non-finite logits', () => {
    expect(() => softmax([1, 2], 0)).toThrow(/temperature/);
    expect(() => softmax([1, Infinity], 1)).toThrow(/finite logits/);
  });

  it('logSumExp() is stable at 1000 and equals the log of the normaliser', () => {
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.log(2), 10);
    expect(logSumExp([0, Math.log(3)])).toBeCloseTo(Math.log(4), 12);
  });

  it('entropy() is log n for a uniform distribution and 0 for one-hot', () => {
    expect(entropy([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(Math.log(4), 12);
    expect(entropy([1, 0, 0])).toBe(0);
  });
});
