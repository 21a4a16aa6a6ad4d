import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../engine/random';
import { classCounts, fitScale, fromScaled, IDENTITY_SCALE, ownPointsProblem, pointsDataset, readOwnPoints, scaledPoints, toScaled, type OwnPoints } from './own-points';
import type { LabelledPoint } from './points-csv';

const POINTS: LabelledPoint[] = [
  [10, 1000, 0],
  [20, 3000, 0],
  [30, 2000, 1],
  [14, 1500, 1],
];

describe('own points', () => {
  it('fitScale() maps each feature’s smallest value to −1 and its largest to 1', () => {
    const scale = fitScale(POINTS);
    expect(scale).toEqual({ centre: [20, 2000], half: [10, 1000] });
    const own: OwnPoints = { points: POINTS, scale, labels: ['0', '1'], source: { kind: 'file', name: 'a.csv' } };
    expect(scaledPoints(own)).toEqual([
      [-1, -1, 0],
      [0, 1, 0],
      [1, 0, 1],
      [-0.6, -0.5, 1],
    ]);
  });

  it('fitScale() only centres a feature whose values are all equal', () => {
    expect(fitScale([[5, 1, 0], [5, 3, 1]])).toEqual({ centre: [5, 2], half: [1, 1] });
  });

  it('toScaled() and fromScaled() undo each other', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: 2, maxLength: 20 }), (xs) => {
        const scale = fitScale(xs.map(([a, b]) => [a, b, 0] as const));
        for (const [a, b] of xs) {
          const [s1, s2] = toScaled(scale, a, b);
          expect(Math.abs(s1)).toBeLessThanOrEqual(1 + 1e-9);
          expect(Math.abs(s2)).toBeLessThanOrEqual(1 + 1e-9);
          const [r1, r2] = fromScaled(scale, s1, s2);
          expect(r1).toBeCloseTo(a, 6);
          expect(r2).toBeCloseTo(b, 6);
        }
      }),
      { numRuns: 200, seed: 16 },
    );
    expect(toScaled(IDENTITY_SCALE, 0.3, -0.7)).toEqual([0.3, -0.7]);
  });

  it('ownPointsProblem() asks for 4 points of each class, naming the classes that lack them', () => {
    expect(ownPointsProblem(POINTS)).toBe('To train, add at least 4 points of each class: class 0 has 2, class 1 has 2.');
    const enough = [...POINTS, ...POINTS, ...POINTS.slice(0, 2)];
    expect(classCounts(enough)).toEqual([6, 4]);
    expect(ownPointsProblem(enough)).toBeNull();
    expect(ownPointsProblem([...POINTS, ...POINTS.slice(0, 2), [1, 1, 0]], ['cat', 'dog'])).toBe('To train, add at least 4 points of each class: class dog has 2.');
  });

  it('pointsDataset() keeps every point once, in an order the seed decides', () => {
    const a = pointsDataset(POINTS, new Rng(3));
    expect(a.n).toBe(4);
    const rows = Array.from({ length: 4 }, (_, i) => [a.x[2 * i], a.x[2 * i + 1], a.y[i]]);
    expect(rows.sort((p, q) => (p[0] ?? 0) - (q[0] ?? 0))).toEqual([...POINTS].sort((p, q) => p[0] - q[0]).map((p) => [...p]));
    expect(pointsDataset(POINTS, new Rng(3)).x).toEqual(a.x);
  });

  it('readOwnPoints() accepts a stored document and refuses one that is not', () => {
    const good: OwnPoints = { points: POINTS, scale: fitScale(POINTS), labels: ['no', 'yes'], source: { kind: 'drawn' } };
    expect(readOwnPoints(structuredClone(good))).toEqual(good);
    expect(readOwnPoints(undefined)).toBeUndefined();
    expect(readOwnPoints({ ...good, points: [[1, Number.NaN, 0]] })).toBeUndefined();
    expect(readOwnPoints({ ...good, points: [[1, 2, 2]] })).toBeUndefined();
    expect(readOwnPoints({ ...good, scale: { centre: [0, 0], half: [0, 1] } })).toBeUndefined();
    expect(readOwnPoints({ ...good, labels: ['a', 'a'] })).toBeUndefined();
    expect(readOwnPoints({ ...good, source: { kind: 'url' } })).toBeUndefined();
  });
});
