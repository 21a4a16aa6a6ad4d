import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../lib/common/url-state';
import { crosshairAfterKey, POINTS, RANGE_STOPS, sampleIndex, samplePoint, snapToSample } from './model';

const KEYS = ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown'] as const;

describe('the crosshair grid', () => {
  it('samplePoint() puts 0 exactly in the middle and ±R at the ends', () => {
    for (const range of RANGE_STOPS) {
      expect(samplePoint((POINTS - 1) / 2, range)).toBe(0);
      expect(samplePoint(0, range)).toBe(-range);
      expect(samplePoint(POINTS - 1, range)).toBe(range);
    }
  });

  it('crosshairAfterKey() steps from z = 0.24 to 0.12 and to exactly 0, never to a rounding residue (seen: z=-7.21645e-16 in the link)', () => {
    const first = crosshairAfterKey(0.24, 6, 'ArrowLeft', false);
    expect(first).toBe(0.12);
    expect(crosshairAfterKey(first ?? NaN, 6, 'ArrowLeft', false)).toBe(0);
    expect(crosshairAfterKey(1, 6, 'ArrowRight', false)).toBe(1.12);
    expect(crosshairAfterKey(1.12, 6, 'ArrowLeft', true)).toBe(-0.08);
    expect(crosshairAfterKey(1, 6, 'End', false)).toBe(6);
    expect(crosshairAfterKey(1, 6, 'Home', false)).toBe(-6);
    expect(crosshairAfterKey(1, 6, 'Enter', false)).toBeUndefined();
  });

  it('crosshairAfterKey() keeps every position on the grid, within ±R, and writes it to the link without an exponent', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RANGE_STOPS),
        fc.integer({ min: 0, max: POINTS - 1 }),
        fc.array(fc.tuple(fc.constantFrom(...KEYS), fc.boolean()), { maxLength: 40 }),
        (range, start, presses) => {
          let z = samplePoint(start, range);
          for (const [key, shift] of presses) {
            z = crosshairAfterKey(z, range, key, shift) ?? NaN;
            expect(Math.abs(z)).toBeLessThanOrEqual(range);
            // On the grid: a whole number of steps R/600 from 0.
            const steps = (z / range) * 600;
            expect(Math.abs(steps - Math.round(steps))).toBeLessThan(1e-6);
            const inLink = formatNumber(z);
            expect(inLink).not.toMatch(/e/);
            // The link reads back to the same sample.
            expect(sampleIndex(Number(inLink), range)).toBe(sampleIndex(z, range));
          }
        },
      ),
    );
  });

  it('snapToSample() puts a pointer position on the nearest sample point', () => {
    expect(snapToSample(1.004, 6)).toBe(1);
    expect(snapToSample(1.006, 6)).toBe(1.01);
    expect(snapToSample(-1e-9, 6)).toBe(0);
    expect(snapToSample(99, 6)).toBe(6);
  });
});
