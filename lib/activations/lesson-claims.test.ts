/**
 * Numbers the activation-functions lesson states in its prose (lessons/activation-functions.mdx),
 * recomputed here so that the text cannot drift from the mathematics.
 */
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, DEFAULT_ACTIVATION_PARAMS } from './functions';
import { saturatedIntervals } from './saturation';
import { softmax } from './softmax';

const p = DEFAULT_ACTIVATION_PARAMS;
const sigmoidPrime = (z: number): number => ACTIVATIONS.sigmoid.derivative(z, p);
const tanhPrime = (z: number): number => ACTIVATIONS.tanh.derivative(z, p);

function saturationEdge(derivative: (z: number) => number, eps: number): number {
  const right = saturatedIntervals(derivative, eps, -20, 20).find((i) => i.openRight);
  if (!right) throw new Error('no saturated region on the right');
  return right.from;
}

describe('activation lesson claims', () => {
  it('σ′(z) < 0.01 once |z| > 4.58, and σ′(10) ≈ 4.5 × 10⁻⁵', () => {
    expect(saturationEdge(sigmoidPrime, 0.01).toFixed(2)).toBe('4.58');
    expect(sigmoidPrime(10).toExponential(1)).toBe('4.5e-5');
  });

  it('with ε = 0.001 the sigmoid saturates beyond 6.91 and tanh beyond 4.15', () => {
    expect(saturationEdge(sigmoidPrime, 0.001).toFixed(2)).toBe('6.91');
    expect(saturationEdge(tanhPrime, 0.001).toFixed(2)).toBe('4.15');
    expect((0.5 * Math.log(4)).toFixed(2)).toBe('0.69');
  });

  it('tanh′(z) = 4σ′(2z)', () => {
    for (const z of [-3, -0.5, 0, 0.7, 2.5]) expect(tanhPrime(z)).toBeCloseTo(4 * sigmoidPrime(2 * z), 14);
  });

  it('swish dips to −0.278/β at z ≈ −1.278/β and its largest slope is about 1.1', () => {
    const swish = (z: number): number => ACTIVATIONS.swish.value(z, { alpha: 0.01, beta: 1 });
    let min = Infinity;
    let argMin = 0;
    let maxSlope = -Infinity;
    for (let z = -5; z <= 10; z += 1e-4) {
      const v = swish(z);
      if (v < min) (min = v), (argMin = z);
      maxSlope = Math.max(maxSlope, ACTIVATIONS.swish.derivative(z, { alpha: 0.01, beta: 1 }));
    }
    expect(min.toFixed(3)).toBe('-0.278');
    expect(argMin.toFixed(3)).toBe('-1.278');
    expect(maxSlope.toFixed(1)).toBe('1.1');
  });

  it('softmax(1000, 999, −1000) ≈ (0.731, 0.269, 0), and e^710 overflows a double', () => {
    expect(softmax([1000, 999, -1000]).map((v) => v.toFixed(3))).toEqual(['0.731', '0.269', '0.000']);
    expect(Math.exp(710)).toBe(Infinity);
    expect(Math.exp(709)).toBeLessThan(Number.MAX_VALUE);
    expect(Number.MAX_VALUE.toPrecision(2)).toBe('1.8e+308');
  });

  it('ten linear layers 20 → 100 → … → 5 collapse to one layer with 105 parameters', () => {
    expect(20 * 5 + 5).toBe(105);
  });
});
