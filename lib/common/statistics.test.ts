import { describe, expect, it } from 'vitest';
import { quantile } from './statistics';

describe('quantile()', () => {
  it('interpolates between order statistics as numpy.quantile does', () => {
    // numpy.quantile([3, 1, 2, 4], 0.5) = 2.5, ([1, 2, 3, 4, 5], 0.25) = 2.0, ([10, 20], 0.75) = 17.5
    expect(quantile([3, 1, 2, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([10, 20], 0.75)).toBe(17.5);
    expect(quantile([10, 20], 0)).toBe(10);
    expect(quantile([10, 20], 1)).toBe(20);
  });

  it('at 0.5 is the median: the middle value, or the mean of the two middle ones', () => {
    expect(quantile([3, 1, 2], 0.5)).toBe(2);
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([-0.5], 0.5)).toBe(-0.5);
  });

  it('refuses an empty list and a q outside [0, 1], saying what it got', () => {
    expect(() => quantile([], 0.5)).toThrow('quantile: expected at least one value, got none');
    expect(() => quantile([1, 2], 1.5)).toThrow('quantile: expected q between 0 and 1, got 1.5');
    expect(() => quantile([1, 2], Number.NaN)).toThrow('quantile: expected q between 0 and 1, got NaN');
  });
});
