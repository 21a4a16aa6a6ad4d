import { describe, expect, it } from 'vitest';
import { parseState } from '../../lib/common';
import { paceSchema, paceStepsPerSecond, secondsPerEpoch } from './pace';

describe('paceStepsPerSecond()', () => {
  it('keeps an epoch to the chosen seconds: 16 updates an epoch at 5 s an epoch is 3.2 updates a second', () => {
    expect(paceStepsPerSecond('5', 16)).toBeCloseTo(3.2, 12);
    expect(paceStepsPerSecond('1', 63)).toBe(63);
    expect(paceStepsPerSecond('30', 4)).toBeCloseTo(4 / 30, 12);
  });

  it('is 0 (no limit) as fast as the CPU allows', () => {
    expect(paceStepsPerSecond('0', 16)).toBe(0);
    expect(secondsPerEpoch('0')).toBeUndefined();
    expect(secondsPerEpoch('10')).toBe(10);
  });

  it('refuses an epoch of no updates', () => {
    expect(() => paceStepsPerSecond('5', 0)).toThrow('paceStepsPerSecond: expected a whole number of updates an epoch ≥ 1, got 0');
  });
});

describe('paceSchema', () => {
  it('a link without a pace (every link from before) trains as fast as the CPU allows', () => {
    expect(parseState(paceSchema, new URLSearchParams('n=100&epochs=60')).values.pace).toBe('0');
  });

  it('reads a pace from the link, and falls back with a notice on a bad one', () => {
    expect(parseState(paceSchema, new URLSearchParams('pace=10')).values.pace).toBe('10');
    const { values, notices } = parseState(paceSchema, new URLSearchParams('pace=3'));
    expect(values.pace).toBe('0');
    expect(notices[0]?.message).toBe('Ignored “pace=3” from the link: expected one of 0, 1, 2, 5, 10, 30. Using 0.');
  });
});
