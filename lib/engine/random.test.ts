import { describe, expect, it } from 'vitest';
import { Rng } from './random';

describe('Rng', () => {
  it('Rng() with the same seed repeats the same sequence', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    for (let i = 0; i < 100; i++) expect(a.nextUint32()).toBe(b.nextUint32());
  });

  it('Rng() with nearby seeds gives different sequences', () => {
    expect(new Rng(1).random()).not.toBe(new Rng(2).random());
  });

  it('uniform() has mean 1/2 and variance 1/12', () => {
    const rng = new Rng(7);
    const n = 100_000;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.uniform();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      sum += u;
      sumSq += u * u;
    }
    const mean = sum / n;
    expect(mean).toBeCloseTo(0.5, 2);
    expect(sumSq / n - mean * mean).toBeCloseTo(1 / 12, 2);
  });

  it('normal() has the requested mean and standard deviation', () => {
    const rng = new Rng(3);
    const n = 100_000;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal(2, 3);
      sum += z;
      sumSq += z * z;
    }
    const mean = sum / n;
    expect(mean).toBeCloseTo(2, 1);
    expect(Math.sqrt(sumSq / n - mean * mean)).toBeCloseTo(3, 1);
  });

  it('int() rejects a non-positive bound', () => {
    expect(() => new Rng(1).int(0)).toThrow(/positive integer/);
  });

  it('shuffle() returns a permutation', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = new Rng(9).shuffle([...items]);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(shuffled).not.toEqual(items);
  });
});
