import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { valueAndDerivative } from './autograd';
import { ACTIVATIONS, ACTIVATION_NAMES } from '../../ml/activations/functions';

describe('valueAndDerivative()', () => {
  for (const name of ACTIVATION_NAMES) {
    it(`valueAndDerivative() gives ${name}'s closed-form value and derivative from backward()`, () => {
      fc.assert(
        fc.property(
          fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 40 }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.double({ min: 0.1, max: 10, noNaN: true }),
          (zs, alpha, beta) => {
            const p = { alpha, beta };
            const { value, derivative } = valueAndDerivative(name, p, Float64Array.from(zs));
            zs.forEach((z, i) => {
              const f = ACTIVATIONS[name].value(z, p);
              const df = ACTIVATIONS[name].derivative(z, p);
              expect(Math.abs((value[i] ?? NaN) - f)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(f)));
              expect(Math.abs((derivative[i] ?? NaN) - df)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(df)));
            });
          },
        ),
        { numRuns: 60 },
      );
    });
  }

  it('valueAndDerivative() stays finite at ±1000 and follows PyTorch at the kinks', () => {
    const p = { alpha: 0.1, beta: 1 };
    for (const name of ACTIVATION_NAMES) {
      const { value, derivative } = valueAndDerivative(name, p, Float64Array.from([-1000, 0, 1000]));
      expect([...value, ...derivative].every(Number.isFinite)).toBe(true);
      expect(derivative[1]).toBe(ACTIVATIONS[name].derivative(0, p));
    }
  });
});
