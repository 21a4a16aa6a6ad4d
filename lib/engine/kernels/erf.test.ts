import { describe, expect, it } from 'vitest';
import { erf } from './erf';

/** Five-point Gauss–Legendre nodes on [-1, 1] and their weights. */
const NODES = [0, -0.5384693101056831, 0.5384693101056831, -0.906179845938664, 0.906179845938664];
const WEIGHTS = [0.5688888888888889, 0.47862867049936647, 0.47862867049936647, 0.23692688505618908, 0.23692688505618908];

/**
 * 2/√π ∫₀ˣ e^(−t²) dt by five-point Gauss–Legendre on panels of width at most 0.05 (error far below
 * 1e-16 per panel), summed with Neumaier's compensation so that rounding does not pile up.
 */
function integratedErf(x: number): number {
  const panels = Math.max(1, Math.ceil(Math.abs(x) / 0.05));
  const h = x / panels;
  let sum = 0;
  let compensation = 0;
  for (let p = 0; p < panels; p++) {
    const mid = (p + 0.5) * h;
    for (let i = 0; i < 5; i++) {
      const term = WEIGHTS[i]! * Math.exp(-((mid + (NODES[i]! * h) / 2) ** 2));
      const t = sum + term;
      compensation += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
      sum = t;
    }
  }
  return (2 / Math.sqrt(Math.PI)) * (sum + compensation) * (h / 2);
}

describe('erf()', () => {
  it('erf() matches numerical integration of its definition to 2e-15 relative over [-7, 7]', () => {
    for (let i = -700; i <= 700; i += 7) {
      const x = i / 100 + 0.003;
      const expected = integratedErf(x);
      expect(Math.abs(erf(x) - expected) / Math.abs(expected), `erf(${x})`).toBeLessThan(2e-15);
    }
  });

  it('erf() is continuous where its method changes (|x| = 3 and 6) and keeps relative precision near 0', () => {
    for (const edge of [3, 6]) {
      expect(Math.abs(erf(edge) - erf(edge - 1e-12))).toBeLessThan(1e-15);
      expect(erf(-edge)).toBe(-erf(edge));
    }
    // erf(x) = 2x/√π (1 − x²/3 + ...) for small x.
    for (const x of [1e-300, 1e-10, 1e-5]) expect(erf(x) / ((2 * x) / Math.sqrt(Math.PI)) - 1 + (x * x) / 3).toBeLessThan(1e-15);
    expect(erf(0)).toBe(0);
    expect(erf(Infinity)).toBe(1);
    expect(erf(-Infinity)).toBe(-1);
    expect(erf(NaN)).toBeNaN();
  });

  it('erf() rounded to float32 is within half a float32 ulp of the exact value (relative error < 6e-8)', () => {
    for (let i = -400; i <= 400; i++) {
      const x = i / 100 + 0.001;
      const exact = integratedErf(x);
      expect(Math.abs(Math.fround(erf(x)) - exact) / Math.abs(exact)).toBeLessThan(6e-8);
    }
  });
});
