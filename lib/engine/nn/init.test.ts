import { describe, expect, it } from 'vitest';
import { calculateGain, constant, fans, kaimingNormal, kaimingUniform, normal, uniform, xavierNormal, xavierUniform } from './init';
import { Rng } from '../random';
import { zeros } from '../create';
import type { Tensor } from '../tensor';

const variance = (t: Tensor) => {
  const values = [...t.data];
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
};

describe('nn.init', () => {
  it("calculateGain() gives PyTorch's gains", () => {
    expect(calculateGain('linear')).toBe(1);
    expect(calculateGain('tanh')).toBe(5 / 3);
    expect(calculateGain('relu')).toBe(Math.SQRT2);
    expect(calculateGain('leakyRelu', 0)).toBe(Math.SQRT2);
    expect(calculateGain('leakyRelu')).toBeCloseTo(Math.sqrt(2 / 1.0001), 12);
  });

  it('fans() counts the receptive field of conv weights', () => {
    expect(fans(zeros([8, 3, 5, 5]))).toEqual({ fanIn: 75, fanOut: 200 });
    expect(() => fans(zeros([3]))).toThrow('fewer than 2 dimensions');
  });

  it('xavierUniform() and xavierNormal() have variance gain^2 * 2 / (fan_in + fan_out)', () => {
    const expected = 2 / (300 + 200);
    const u = xavierUniform(zeros([200, 300]), new Rng(1));
    expect(Math.max(...u.data.map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(3 * expected) + 1e-7);
    expect(variance(u) / expected).toBeCloseTo(1, 1);
    expect(variance(xavierNormal(zeros([200, 300]), new Rng(2), { gain: 2 })) / (4 * expected)).toBeCloseTo(1, 1);
  });

  it('kaimingUniform() and kaimingNormal() have variance gain^2 / fan', () => {
    const u = kaimingUniform(zeros([200, 300]), new Rng(3));
    expect(variance(u) / (2 / 300)).toBeCloseTo(1, 1);
    const n = kaimingNormal(zeros([200, 300]), new Rng(4), { mode: 'fanOut', nonlinearity: 'relu' });
    expect(variance(n) / (2 / 200)).toBeCloseTo(1, 1);
    const a = kaimingUniform(zeros([100, 400]), new Rng(5), { a: Math.sqrt(5) });
    expect(Math.max(...a.data.map(Math.abs))).toBeLessThanOrEqual(1 / 20 + 1e-7);
  });

  it('uniform(), normal() and constant() fill in place and repeat with the same seed', () => {
    const t = zeros([1000]);
    expect(uniform(t, new Rng(1), 2, 3)).toBe(t);
    expect(Math.min(...t.data)).toBeGreaterThanOrEqual(2);
    expect(normal(zeros([5]), new Rng(9), 1, 2).toArray()).toEqual(normal(zeros([5]), new Rng(9), 1, 2).toArray());
    expect(constant(zeros([2]), 4).toArray()).toEqual([4, 4]);
  });
});
