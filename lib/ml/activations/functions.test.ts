import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, ACTIVATION_NAMES, type ActivationParams, isActivationName, sigmoid } from './functions';

const params: ActivationParams = { alpha: 0.1, beta: 1.5 };

/** Central finite difference, error O(h^2). */
function centralDifference(f: (z: number) => number, z: number, h = 1e-5): number {
  return (f(z + h) - f(z - h)) / (2 * h);
}

describe('ACTIVATIONS', () => {
  for (const name of ACTIVATION_NAMES) {
    const act = ACTIVATIONS[name];

    it(`${name}.derivative() matches central finite differences away from kinks`, () => {
      fc.assert(
        fc.property(
          fc.double({ min: -30, max: 30, noNaN: true }),
          fc.double({ min: 0.01, max: 0.5, noNaN: true }),
          fc.double({ min: 0.2, max: 4, noNaN: true }),
          (z, alpha, beta) => {
            fc.pre(Math.abs(z) > 1e-3); // ReLU and leaky ReLU have a kink at 0
            const p = { alpha, beta };
            const numeric = centralDifference((x) => act.value(x, p), z);
            const exact = act.derivative(z, p);
            expect(Math.abs(numeric - exact)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(exact)));
          },
        ),
        { numRuns: 300 },
      );
    });

    it(`${name} stays finite at z = ±1000`, () => {
      for (const z of [-1000, 1000]) {
        expect(Number.isFinite(act.value(z, params))).toBe(true);
        expect(Number.isFinite(act.derivative(z, params))).toBe(true);
      }
    });
  }

  it('sigmoid() agrees with the identity σ(z) = (1 + tanh(z/2)) / 2', () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (z) => {
        expect(sigmoid(z)).toBeCloseTo((1 + Math.tanh(z / 2)) / 2, 12);
      }),
    );
  });

  it('sigmoid() reaches its limits without overflow at ±1000', () => {
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBe(0);
    expect(ACTIVATIONS.sigmoid.derivative(1000, params)).toBe(0);
    expect(ACTIVATIONS.sigmoid.derivative(-1000, params)).toBe(0);
    expect(ACTIVATIONS.sigmoid.derivative(0, params)).toBe(0.25);
  });

  it('tanh derivative is 1 at 0 and vanishes at ±1000', () => {
    expect(ACTIVATIONS.tanh.derivative(0, params)).toBe(1);
    expect(ACTIVATIONS.tanh.derivative(1000, params)).toBe(0);
    expect(ACTIVATIONS.tanh.derivative(-1000, params)).toBe(0);
  });

  it('relu and leakyRelu follow PyTorch at the kink: relu′(0) = 0, leakyRelu′(0) = α', () => {
    expect(ACTIVATIONS.relu.derivative(0, params)).toBe(0);
    expect(ACTIVATIONS.leakyRelu.derivative(0, params)).toBe(params.alpha);
    expect(ACTIVATIONS.leakyRelu.value(-1000, params)).toBeCloseTo(-100, 10);
  });

  it('swish with β = 1 is SiLU, z σ(z), and tends to z and 0 at ±1000', () => {
    const silu = { alpha: 0.01, beta: 1 };
    expect(ACTIVATIONS.swish.value(2, silu)).toBeCloseTo(2 / (1 + Math.exp(-2)), 14);
    expect(ACTIVATIONS.swish.value(1000, params)).toBe(1000);
    expect(ACTIVATIONS.swish.derivative(1000, params)).toBe(1);
    expect(ACTIVATIONS.swish.value(-1000, params)).toBeCloseTo(0, 14);
    expect(ACTIVATIONS.swish.derivative(-1000, params)).toBe(0);
  });

  it('swish has its minimum near z = −1.2785/β with value −0.2785/β', () => {
    // Published constant: the minimum of z σ(z) is at z ≈ −1.27846 with value ≈ −0.27846.
    for (const beta of [0.5, 1, 2]) {
      const p = { alpha: 0.01, beta };
      const zMin = -1.2784645 / beta;
      expect(ACTIVATIONS.swish.derivative(zMin, p)).toBeCloseTo(0, 6);
      expect(ACTIVATIONS.swish.value(zMin, p)).toBeCloseTo(-0.2784645 / beta, 6);
    }
  });

  it('isActivationName() accepts the table names and rejects others', () => {
    expect(isActivationName('tanh')).toBe(true);
    expect(isActivationName('gelu')).toBe(false);
  });
});
