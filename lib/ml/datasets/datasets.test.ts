import { describe, expect, it } from 'vitest';
import { Rng } from '../../engine/random';
import { DIGIT_GLYPHS, linearRegression, moons, pixelDigits, spiral, takeRows, trainTestSplit, twoCircles, xor, type Dataset } from './index';

function rows(d: Dataset): { a: number; b: number; label: number }[] {
  return Array.from({ length: d.n }, (_, i) => ({ a: d.x[2 * i] ?? NaN, b: d.x[2 * i + 1] ?? NaN, label: d.y[i] ?? NaN }));
}

describe('datasets', () => {
  it('twoCircles() puts label 0 on radius 1 and label 1 on radius factor', () => {
    const d = twoCircles(new Rng(1), { n: 1000, noise: 0.05, factor: 0.5 });
    expect(d.n).toBe(1000);
    expect(d.x).toHaveLength(2000);
    const radius = (label: number): number => {
      const r = rows(d).filter((p) => p.label === label).map((p) => Math.hypot(p.a, p.b));
      return r.reduce((s, v) => s + v, 0) / r.length;
    };
    expect(radius(0)).toBeCloseTo(1, 1);
    expect(radius(1)).toBeCloseTo(0.5, 1);
    expect(rows(d).filter((p) => p.label === 1)).toHaveLength(500);
  });

  it('twoCircles() is the same for the same seed and different for another', () => {
    expect(twoCircles(new Rng(4)).x).toEqual(twoCircles(new Rng(4)).x);
    expect(twoCircles(new Rng(4)).x).not.toEqual(twoCircles(new Rng(5)).x);
  });

  it('moons() without noise lies exactly on the two half circles', () => {
    for (const p of rows(moons(new Rng(2), { n: 200, noise: 0 }))) {
      if (p.label === 0) expect(Math.hypot(p.a, p.b)).toBeCloseTo(1, 5);
      else expect(Math.hypot(p.a - 1, p.b - 0.5)).toBeCloseTo(1, 5);
    }
  });

  it('spiral() has two balanced arms within radius 1', () => {
    const d = spiral(new Rng(3), { n: 400, noise: 0 });
    expect(rows(d).filter((p) => p.label === 0)).toHaveLength(200);
    for (const p of rows(d)) expect(Math.hypot(p.a, p.b)).toBeLessThanOrEqual(1);
  });

  it('xor() labels 1 exactly where the (noise-free) coordinates share a sign', () => {
    for (const p of rows(xor(new Rng(4), { n: 300, noise: 0 }))) expect(p.label).toBe(p.a * p.b > 0 ? 1 : 0);
  });

  it('linearRegression() targets are x·w* up to the noise', () => {
    const d = linearRegression(new Rng(5), { n: 200, features: 7, noise: 0 });
    for (let i = 0; i < d.n; i++) {
      let dot = 0;
      for (let j = 0; j < 7; j++) dot += (d.x[i * 7 + j] ?? 0) * (d.trueWeights[j] ?? 0);
      expect(d.y[i]).toBeCloseTo(dot, 4);
    }
  });

  it('pixelDigits() without noise draws each label’s glyph, at one brightness, somewhere in the square', () => {
    const size = 8;
    const d = pixelDigits(new Rng(9), { n: 50, size, noise: 0 });
    expect([d.features, d.classes]).toEqual([64, 10]);
    for (let i = 0; i < d.n; i++) {
      const image = Array.from(d.x.subarray(i * 64, (i + 1) * 64));
      expect(d.y[i]).toBe(i % 10);
      const ink = Math.max(...image);
      expect(ink).toBeGreaterThanOrEqual(0.5);
      expect(ink).toBeLessThan(1);
      // The inked pixels, cropped to their box (every glyph inks its top row and left column), spell the glyph.
      const lit = image.flatMap((v, p) => (v === 0 ? [] : [[Math.floor(p / size), p % size] as const]));
      for (const [r, c] of lit) expect(image[r * size + c]).toBe(ink);
      const top = Math.min(...lit.map(([r]) => r));
      const left = Math.min(...lit.map(([, c]) => c));
      const glyph = DIGIT_GLYPHS[i % 10] ?? [];
      const drawn = glyph.map((row, r) => [...row].map((_, c) => (image[(top + r) * size + left + c] === ink ? '#' : '.')).join(''));
      expect(drawn).toEqual(glyph);
      expect(lit).toHaveLength(glyph.join('').split('#').length - 1);
    }
    expect(() => pixelDigits(new Rng(1), { size: 4 })).toThrow('pixelDigits: expected a whole size of at least 5 pixels, got 4');
  });

  it('pixelDigits() moves the glyph: every one of the 6 × 4 positions occurs', () => {
    const d = pixelDigits(new Rng(10), { n: 2000, noise: 0 });
    const corners = new Set<string>();
    for (let i = 0; i < d.n; i++) {
      const first = Array.from(d.x.subarray(i * 64, (i + 1) * 64)).findIndex((v) => v !== 0);
      if (d.y[i] === 8) corners.add(`${Math.floor(first / 8)},${first % 8}`);
    }
    expect(corners.size).toBe(24);
  });

  it('trainTestSplit() partitions the rows without loss or overlap', () => {
    const d = twoCircles(new Rng(6), { n: 100 });
    const { train, test } = trainTestSplit(d, new Rng(7), 0.25);
    expect(test.n).toBe(25);
    expect(train.n).toBe(75);
    const key = (x: Float32Array, i: number): string => `${x[2 * i]},${x[2 * i + 1]}`;
    const all = new Set(Array.from({ length: d.n }, (_, i) => key(d.x, i)));
    const parts = [...Array.from({ length: train.n }, (_, i) => key(train.x, i)), ...Array.from({ length: test.n }, (_, i) => key(test.x, i))];
    expect(new Set(parts)).toEqual(all);
    expect(() => trainTestSplit(d, new Rng(1), 1)).toThrow(/testFraction/);
  });

  it('takeRows() copies features and labels of the chosen rows', () => {
    const d = xor(new Rng(8), { n: 10 });
    const t = takeRows(d, [3, 1]);
    expect(Array.from(t.x)).toEqual([d.x[6], d.x[7], d.x[2], d.x[3]]);
    expect(Array.from(t.y)).toEqual([d.y[3], d.y[1]]);
  });
});
