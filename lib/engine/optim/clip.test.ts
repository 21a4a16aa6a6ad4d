import { describe, expect, it } from 'vitest';
import { clipGradNorm, clipGradValue, gradNorm } from './clip';
import { param } from '../testing/param';
import { tensor } from '../create';

describe('gradient clipping', () => {
  it("clipGradNorm() scales by max_norm / (total_norm + 1e-6) and returns the norm before clipping (PyTorch's formula)", () => {
    const a = param([0, 0], [3, 0]);
    const b = param([0], [4]);
    expect(clipGradNorm([a, b], 1)).toBe(5);
    const k = 1 / (5 + 1e-6);
    expect(a.grad!.data[0]).toBeCloseTo(3 * k, 15);
    expect(b.grad!.data[0]).toBeCloseTo(4 * k, 15);
    expect(gradNorm([a, b])).toBeCloseTo(1, 5);
  });

  it('clipGradNorm() leaves gradients under the limit alone', () => {
    const a = param([0], [0.5]);
    expect(clipGradNorm([a], 1)).toBe(0.5);
    expect(a.grad!.item()).toBe(0.5);
  });

  it('clipGradValue() clamps every element and returns the norm before clipping', () => {
    const a = param([0, 0, 0], [3, -4, 0.5]);
    expect(clipGradValue([a, tensor([1])], 1)).toBeCloseTo(Math.sqrt(25.25), 12);
    expect(a.grad!.toArray()).toEqual([1, -1, 0.5]);
  });
});
