import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gridSize, sizeSteps } from './size-arithmetic';

/** Window start positions along one padded dimension, counted one by one (no formula). */
function windowStarts(input: number, kernel: number, stride: number, padding: number, dilation: number): number[] {
  const span = dilation * (kernel - 1) + 1;
  const starts: number[] = [];
  for (let start = 0; start + span <= input + 2 * padding; start += stride) starts.push(start);
  return starts;
}

describe('sizeSteps()', () => {
  it('sizeSteps() shows the arithmetic of a worked example', () => {
    // H = 7, k = 3, s = 2, p = 0, d = 1: (7 − 2 − 1) / 2 = 2, so 3 outputs, exact.
    expect(sizeSteps(7, { kernel: 3, stride: 2, padding: 0, dilation: 1 })).toMatchObject({
      padded: 7,
      span: 3,
      numerator: 4,
      remainder: 0,
      size: 3,
      exact: true,
      uncovered: 0,
    });
    // H = 8: (8 − 3) / 2 = 2.5, floor 2, so 3 outputs and the last row is never covered.
    expect(sizeSteps(8, { kernel: 3, stride: 2, padding: 0, dilation: 1 })).toMatchObject({
      numerator: 5,
      remainder: 1,
      size: 3,
      exact: false,
      uncovered: 1,
      uncoveredReal: 1,
    });
  });

  it('sizeSteps() counts dropped padding apart from dropped input', () => {
    // H = 6, k = 3, s = 2, p = 1: padded 8, numerator 5, remainder 1: the one uncovered row is padding.
    expect(sizeSteps(6, { kernel: 3, stride: 2, padding: 1, dilation: 1 })).toMatchObject({ size: 3, uncovered: 1, uncoveredReal: 0 });
  });

  it('sizeSteps() gives the reason when the kernel does not fit', () => {
    expect(sizeSteps(4, { kernel: 3, stride: 1, padding: 0, dilation: 2 })).toEqual({
      ok: false,
      reason: 'the kernel covers 5 (dilation 2 × (3 − 1) + 1) but the padded input is only 4 (4 + 2 × 0)',
    });
  });

  it('sizeSteps() agrees with counting window positions, and its uncovered tail is what the last window misses', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        (input, kernel, stride, padding, dilation) => {
          const starts = windowStarts(input, kernel, stride, padding, dilation);
          const steps = sizeSteps(input, { kernel, stride, padding, dilation });
          if (starts.length === 0) {
            expect(steps.ok).toBe(false);
            return;
          }
          if (!steps.ok) throw new Error(steps.reason);
          expect(steps.size).toBe(starts.length);
          const lastEnd = (starts.at(-1) ?? 0) + steps.span; // one past the last covered position
          expect(steps.uncovered).toBe(input + 2 * padding - lastEnd);
          expect(steps.exact).toBe(steps.uncovered === 0);
          // Real rows end at p + H; padding occupies the last p positions.
          expect(steps.uncoveredReal).toBe(Math.max(0, padding + input - lastEnd));
        },
      ),
    );
  });
});

describe('gridSize()', () => {
  it('gridSize() names the axis that fails', () => {
    const r = gridSize(10, 2, { kernel: 3, stride: 1, padding: 0, dilation: 1 });
    expect(r).toMatchObject({ ok: false, axis: 'width' });
    const s = gridSize(10, 12, { kernel: 3, stride: 2, padding: 1, dilation: 1 });
    expect(s.ok && [s.height.size, s.width.size]).toEqual([5, 6]);
  });
});
