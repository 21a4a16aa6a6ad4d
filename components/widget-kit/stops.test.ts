import { describe, expect, it } from 'vitest';
import { nearestStopIndex } from './stops';

describe('nearestStopIndex()', () => {
  it('nearestStopIndex() finds exact stops', () => {
    expect(nearestStopIndex([1, 2, 5, 10], 5)).toBe(2);
  });

  it('nearestStopIndex() compares positive stops on a log scale', () => {
    // 3.3 is nearer 2 than 5 on a linear scale only if < 3.5; on a log scale the midpoint is √10 ≈ 3.16.
    expect(nearestStopIndex([1, 2, 5, 10], 3.3)).toBe(2);
    expect(nearestStopIndex([1, 2, 5, 10], 3.1)).toBe(1);
  });

  it('nearestStopIndex() compares linearly when a stop is zero or negative', () => {
    expect(nearestStopIndex([-10, 0, 10], 4)).toBe(1);
    expect(nearestStopIndex([-10, 0, 10], 6)).toBe(2);
  });
});
