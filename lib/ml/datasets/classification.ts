/**
 * Two-dimensional classification datasets, generated from a seeded Rng. Two circles and moons
 * follow scikit-learn's make_circles and make_moons; spiral and XOR follow TensorFlow Playground.
 */
import type { Rng } from '../../engine';
import type { Dataset } from './types';

/** Options shared by the generators: N points, Gaussian noise of standard deviation `noise`. */
export interface PointsOptions {
  n?: number;
  noise?: number;
}

function fromPoints(points: [number, number, number][], rng: Rng): Dataset {
  rng.shuffle(points);
  const n = points.length;
  const x = new Float32Array(n * 2);
  const y = new Float32Array(n);
  points.forEach(([a, b, label], i) => {
    x[2 * i] = a;
    x[2 * i + 1] = b;
    y[i] = label;
  });
  return { x, y, n, features: 2, classes: 2 };
}

/**
 * Two concentric circles: label 0 on the outer circle (radius 1), label 1 on the inner one
 * (radius `factor`), angles evenly spaced as in make_circles. Not linearly separable.
 */
export function twoCircles(rng: Rng, { n = 1000, noise = 0.1, factor = 0.5 }: PointsOptions & { factor?: number } = {}): Dataset {
  const nOuter = Math.floor(n / 2);
  const nInner = n - nOuter;
  const points: [number, number, number][] = [];
  for (let i = 0; i < nOuter; i++) {
    const t = (2 * Math.PI * i) / nOuter;
    points.push([Math.cos(t) + rng.normal(0, noise), Math.sin(t) + rng.normal(0, noise), 0]);
  }
  for (let i = 0; i < nInner; i++) {
    const t = (2 * Math.PI * i) / nInner;
    points.push([factor * Math.cos(t) + rng.normal(0, noise), factor * Math.sin(t) + rng.normal(0, noise), 1]);
  }
  return fromPoints(points, rng);
}

/** Two interleaving half circles, as make_moons: label 0 on the upper moon, 1 on the lower. */
export function moons(rng: Rng, { n = 1000, noise = 0.1 }: PointsOptions = {}): Dataset {
  const nOuter = Math.floor(n / 2);
  const nInner = n - nOuter;
  const points: [number, number, number][] = [];
  for (let i = 0; i < nOuter; i++) {
    const t = (Math.PI * i) / Math.max(1, nOuter - 1);
    points.push([Math.cos(t) + rng.normal(0, noise), Math.sin(t) + rng.normal(0, noise), 0]);
  }
  for (let i = 0; i < nInner; i++) {
    const t = (Math.PI * i) / Math.max(1, nInner - 1);
    points.push([1 - Math.cos(t) + rng.normal(0, noise), 0.5 - Math.sin(t) + rng.normal(0, noise), 1]);
  }
  return fromPoints(points, rng);
}

/** Two interleaved spiral arms (TensorFlow Playground's spiral), radius up to 1. */
export function spiral(rng: Rng, { n = 1000, noise = 0.05 }: PointsOptions = {}): Dataset {
  const perArm = Math.floor(n / 2);
  const points: [number, number, number][] = [];
  for (let arm = 0; arm < 2; arm++) {
    const count = arm === 0 ? perArm : n - perArm;
    for (let i = 0; i < count; i++) {
      const r = i / count;
      const t = 1.75 * r * 2 * Math.PI + arm * Math.PI;
      points.push([r * Math.sin(t) + rng.normal(0, noise), r * Math.cos(t) + rng.normal(0, noise), arm]);
    }
  }
  return fromPoints(points, rng);
}

/**
 * XOR: points uniform in [−1, 1]², kept away from the axes by `margin`; label 1 where the two
 * coordinates have the same sign, 0 where they differ.
 */
export function xor(rng: Rng, { n = 1000, noise = 0.05, margin = 0.05 }: PointsOptions & { margin?: number } = {}): Dataset {
  const points: [number, number, number][] = [];
  const side = (): number => {
    const v = rng.uniform(margin, 1);
    return rng.random() < 0.5 ? -v : v;
  };
  for (let i = 0; i < n; i++) {
    const a = side();
    const b = side();
    points.push([a + rng.normal(0, noise), b + rng.normal(0, noise), a * b > 0 ? 1 : 0]);
  }
  return fromPoints(points, rng);
}
