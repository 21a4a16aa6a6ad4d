import { describe, expect, it } from 'vitest';
import { formatPowerOfTen, logTicks } from './log-ticks';

describe('log ticks', () => {
  it('formatPowerOfTen() labels a power-of-ten tick with a superscript exponent', () => {
    expect(formatPowerOfTen(0.001)).toBe('10⁻³');
    expect(formatPowerOfTen(1e12)).toBe('10¹²');
  });

  it('logTicks() lists the powers of ten in range, thinned to at most max', () => {
    expect(logTicks(0.003, 200)).toEqual([0.01, 0.1, 1, 10, 100]);
    const tall = logTicks(1e-12, 1e3, 6);
    expect(tall.length).toBeLessThanOrEqual(6);
    expect(tall[0]).toBeCloseTo(1e-12, 20);
    expect(logTicks(2, 3)).toEqual([]);
  });
});
