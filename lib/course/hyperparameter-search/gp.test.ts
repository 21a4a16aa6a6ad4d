import { describe, expect, it } from 'vitest';
import { Rng } from '../../engine';
import { fitGp, GaussianProcess, matern52, type GpHyper } from './gp';

const hyper: GpHyper = { lengthScales: [0.5], signalVariance: 2, noiseVariance: 0.1 };
/** The Matérn 5/2 correlation at distance d for length scale ℓ, written out by hand. */
const matern = (d: number, l: number): number => (1 + (Math.sqrt(5) * d) / l + (5 * d * d) / (3 * l * l)) * Math.exp((-Math.sqrt(5) * d) / l);

describe('gp', () => {
  it('matern52() is σ_f² at distance 0 and σ_f²·(1 + √5 + 5/3)·e^(−√5) at one length scale', () => {
    expect(matern52([0.3], [0.3], hyper)).toBe(2);
    expect(matern52([0], [0.5], hyper)).toBeCloseTo(2 * (1 + Math.sqrt(5) + 5 / 3) * Math.exp(-Math.sqrt(5)), 14);
    // Two inputs: r² adds the squared scaled distances.
    const h2: GpHyper = { lengthScales: [1, 2], signalVariance: 1, noiseVariance: 0 };
    expect(matern52([0, 0], [0.3, 0.8], h2)).toBeCloseTo(matern(Math.hypot(0.3, 0.4), 1), 14);
  });

  it('predict() with one observation gives the closed form k/(σ_f² + σ_n²)·y and σ_f² − k²/(σ_f² + σ_n²)', () => {
    const gp = new GaussianProcess([[0]], [1.5], hyper);
    const k = 2 * matern(0.4, 0.5);
    const { mean, variance } = gp.predict([0.4]);
    expect(mean).toBeCloseTo((k / 2.1) * 1.5, 12);
    expect(variance).toBeCloseTo(2 - (k * k) / 2.1, 12);
  });

  it('predict() with two observations matches the 2 × 2 inverse written out', () => {
    const gp = new GaussianProcess([[0], [1]], [1, -1], hyper);
    const k01 = 2 * matern(1, 0.5);
    const [a, b, d] = [2.1, k01, 2.1]; // K + σ_n²I = [[a, b], [b, d]]
    const det = a * d - b * b;
    const inv = [d / det, -b / det, -b / det, a / det];
    const ks = [2 * matern(0.3, 0.5), 2 * matern(0.7, 0.5)];
    const w = [ks[0]! * inv[0]! + ks[1]! * inv[2]!, ks[0]! * inv[1]! + ks[1]! * inv[3]!];
    const { mean, variance } = gp.predict([0.3]);
    expect(mean).toBeCloseTo(w[0]! * 1 + w[1]! * -1, 12);
    expect(variance).toBeCloseTo(2 - (w[0]! * ks[0]! + w[1]! * ks[1]!), 12);
    // log p(y) = −½ yᵀK⁻¹y − ½ log det K − log 2π for n = 2.
    const fit = inv[0]! - 2 * inv[1]! + inv[3]!;
    expect(gp.logMarginalLikelihood()).toBeCloseTo(-0.5 * fit - 0.5 * Math.log(det) - Math.log(2 * Math.PI), 12);
  });

  it('fitGp() raises the marginal likelihood above the default start and nearly interpolates a smooth function', () => {
    const rng = new Rng(7);
    const x = Array.from({ length: 12 }, () => [rng.random(), rng.random()]);
    const f = ([a = 0, b = 0]: readonly number[]): number => Math.sin(6 * a) + 0.1 * b;
    const y = x.map(f);
    const fitted = fitGp(x, y, new Rng(1));
    const z = y.map((v) => (v - fitted.shift) / fitted.scale);
    const start = new GaussianProcess(x, z, { lengthScales: [0.3, 0.3], signalVariance: 1, noiseVariance: 1e-2 });
    expect(fitted.gp.logMarginalLikelihood()).toBeGreaterThan(start.logMarginalLikelihood());
    // The second input barely matters: its length scale comes out longer than the first's.
    expect(fitted.gp.hyper.lengthScales[1]!).toBeGreaterThan(fitted.gp.hyper.lengthScales[0]!);
    for (let i = 0; i < x.length; i++) expect(Math.abs(fitted.predict(x[i]!).mean - y[i]!)).toBeLessThan(0.05);
    expect(fitted.predict([0.5, 0.5]).variance).toBeGreaterThan(0);
  });

  it('fitGp() is deterministic for a seed and refuses mismatched data', () => {
    const x = [[0.1], [0.5], [0.9]];
    const a = fitGp(x, [1, 0, 2], new Rng(3)).predict([0.3]);
    const b = fitGp(x, [1, 0, 2], new Rng(3)).predict([0.3]);
    expect(a).toEqual(b);
    expect(() => fitGp(x, [1], new Rng(1))).toThrow('expected as many points as values (at least one), got 3 points and 1 values');
  });
});
