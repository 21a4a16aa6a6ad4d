import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { naiveSoftmax, softmax } from './softmax';
import { FLOAT32_EXP_LIMIT, FLOAT32_MAX, softmaxColumns } from './softmax-float32';

/**
 * Real PyTorch 1.13 in float32, from:
 *   z = torch.tensor(logits) + c; s = z / T; e = torch.exp(s)
 *   stable = torch.softmax(s, 0); naive = e / e.sum()
 */
const PYTORCH = [
  { logits: [1000, 999, -1000], c: 0, T: 1, shifted: [1000, 999, -1000], stable: [0.7310585975646973, 0.2689414322376251, 0], naive: [NaN, NaN, 0] },
  { logits: [89, 88, 0], c: 0, T: 1, shifted: [89, 88, 0], stable: [0.7310585975646973, 0.2689414322376251, 1.6283340389177953e-39], naive: [NaN, 0, 0] },
  { logits: [88, 87, 0], c: 0, T: 1, shifted: [88, 87, 0], stable: [0.7310585975646973, 0.2689414322376251, 4.426268847576621e-39], naive: [0.7310585379600525, 0.26894140243530273, 4.426268847576621e-39] },
  { logits: [2, 1, 0.1], c: 1000, T: 1, shifted: [1002, 1001, 1000.0999755859375], stable: [0.6590027213096619, 0.242433562874794, 0.09856372326612473], naive: [NaN, NaN, NaN] },
  { logits: [44.5, 0, -3], c: 0, T: 0.5, shifted: [44.5, 0, -3], stable: [1, 2.2273639090442967e-39, 5.521115949439779e-42], naive: [NaN, 0, 0] },
  { logits: [1, 1, 1, 1], c: 0, T: 20, shifted: [1, 1, 1, 1], stable: [0.25, 0.25, 0.25, 0.25], naive: [0.25, 0.25, 0.25, 0.25] },
];

/** Equal as float32 results: both NaN, or within a few float32 rounding steps (subnormals included). */
function expectFloat32Close(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => {
    const e = expected[i] ?? NaN;
    if (Number.isNaN(e)) expect(a).toBeNaN();
    else expect(Math.abs(a - e)).toBeLessThanOrEqual(4e-7 * Math.abs(e) + 1e-44);
  });
}

describe('softmaxColumns()', () => {
  for (const { logits, c, T, shifted, stable, naive } of PYTORCH) {
    it(`softmaxColumns() gives PyTorch's float32 numbers for z = (${logits.join(', ')}), c = ${c}, T = ${T}`, () => {
      const columns = softmaxColumns(logits, c, T);
      expectFloat32Close(columns.shifted, shifted);
      expectFloat32Close(columns.stable, stable);
      expectFloat32Close(columns.naive, naive);
    });
  }

  it('softmaxColumns() overflows exactly where float32 does: e^88.7228 is finite, e^88.7229 is not', () => {
    expect(FLOAT32_EXP_LIMIT).toBeCloseTo(88.7228391, 6);
    expect(Math.exp(FLOAT32_EXP_LIMIT)).toBeCloseTo(FLOAT32_MAX, -31);
    expect(softmaxColumns([88.7228, 0, 0], 0, 1).naive.every(Number.isFinite)).toBe(true);
    expect(softmaxColumns([88.7229, 0, 0], 0, 1).naive[0]).toBeNaN();
    // The same logits are far from float64's limit (about 709.78).
    expect(naiveSoftmax([88.7229, 0, 0]).every(Number.isFinite)).toBe(true);
  });

  it('softmaxColumns() agrees with the float64 reference to float32 precision for moderate logits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -40, max: 40, noNaN: true }), { minLength: 3, maxLength: 8 }),
        fc.double({ min: 0.5, max: 10, noNaN: true }),
        (z, T) => {
          const columns = softmaxColumns(z, 0, T);
          const reference = softmax(z.map(Math.fround), T);
          columns.stable.forEach((p, i) => expect(Math.abs(p - (reference[i] ?? NaN))).toBeLessThan(1e-6));
          columns.naive.forEach((p, i) => expect(Math.abs(p - (reference[i] ?? NaN))).toBeLessThan(1e-6));
          expect(columns.largestExponent).toBeCloseTo(Math.max(...z.map(Math.fround)) / T, 4);
        },
      ),
    );
  });

  it('softmaxColumns() shows that adding c = 1000 moves the probabilities only by float32 rounding', () => {
    const { stable, unshifted } = softmaxColumns([2, 1, 0.1], 1000, 1);
    const change = Math.max(...stable.map((p, i) => Math.abs(p - (unshifted[i] ?? NaN))));
    expect(change).toBeGreaterThan(0);
    expect(change).toBeLessThan(1e-5);
  });

  it('softmaxColumns() refuses a temperature that is not positive', () => {
    expect(() => softmaxColumns([1, 2, 3], 0, 0)).toThrow('expected a positive, finite temperature, got 0');
  });
});
