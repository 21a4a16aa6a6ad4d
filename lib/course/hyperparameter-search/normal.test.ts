import { describe, expect, it } from 'vitest';
import { normalCdf, normalPdf } from './normal';

describe('normal', () => {
  it('normalCdf() matches the tables: Φ(0) = 0.5, Φ(1.96) = 0.9750021, Φ(−1) = 0.1586553', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.1586553, 6);
    expect(normalCdf(-8)).toBeLessThan(1e-14);
  });

  it('normalPdf() is the derivative of normalCdf() (central differences)', () => {
    for (const z of [-2, -0.5, 0, 1.3]) expect((normalCdf(z + 1e-2) - normalCdf(z - 1e-2)) / 2e-2).toBeCloseTo(normalPdf(z), 4);
  });
});
