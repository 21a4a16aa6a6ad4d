import { describe, expect, it } from 'vitest';
import { Rng } from '../../engine/random';
import { activationHistograms, HISTOGRAM_BINS } from './activation-stats';

const normal = (n: number, std: number, seed: number): Float32Array => {
  const rng = new Rng(seed);
  return Float32Array.from({ length: n }, () => rng.normal(0, std));
};
const sum = (xs: ArrayLike<number>): number => Array.from(xs).reduce((s, v) => s + v, 0);

describe('activationHistograms()', () => {
  it('activationHistograms() of z = 0 through a sigmoid: every h is ½, σ = 0, slope ¼, one bin', () => {
    const { lo, hi, layers } = activationHistograms([new Float32Array(100)], 'sigmoid');
    expect([lo, hi]).toEqual([0, 1]);
    const [layer] = layers;
    expect(layer?.mean).toBe(0.5);
    expect(layer?.std).toBe(0);
    expect(layer?.rmsSlope).toBe(0.25);
    expect(layer?.shares[HISTOGRAM_BINS / 2]).toBe(1);
  });

  it('activationHistograms() gives each layer’s mean and standard deviation of tanh(z), shares summing to 1', () => {
    const z = normal(20_000, 0.5, 1);
    const h = Array.from(z, Math.tanh);
    const mean = sum(h) / h.length;
    const std = Math.sqrt(sum(h.map((v) => (v - mean) ** 2)) / h.length);
    const { lo, hi, layers } = activationHistograms([z, normal(20_000, 3, 2)], 'tanh');
    expect([lo, hi]).toEqual([-1, 1]);
    expect(layers[0]?.mean).toBeCloseTo(mean, 6);
    expect(layers[0]?.std).toBeCloseTo(std, 6);
    expect(sum(layers[0]?.shares ?? [])).toBeCloseTo(1, 5);
    // √E[(1 − tanh²)²]: near 1 for small z, far below it when units saturate.
    expect(layers[0]?.rmsSlope).toBeGreaterThan(0.75);
    expect(layers[1]?.rmsSlope).toBeLessThan(0.45);
    const ends = (layers[1]?.shares[0] ?? 0) + (layers[1]?.shares[HISTOGRAM_BINS - 1] ?? 0);
    expect(ends).toBeGreaterThan(0.5);
  });

  it('activationHistograms() of ReLU puts the off half at 0, slope √½, on a range shared by the layers', () => {
    const wide = normal(10_000, 1, 3);
    const narrow = normal(10_000, 0.01, 4);
    const { lo, hi, layers } = activationHistograms([wide, narrow], 'relu');
    expect(lo).toBe(0);
    expect(hi).toBeGreaterThan(2); // the 99th percentile of max(0, N(0, 1))
    expect(hi).toBeLessThan(2.6);
    expect(layers[0]?.shares[0]).toBeGreaterThan(0.5);
    expect(layers[0]?.rmsSlope).toBeCloseTo(Math.SQRT1_2, 1);
    // The collapsed layer's activations all fall in the first bin of the shared range.
    expect(layers[1]?.shares[0]).toBe(1);
  });
});
