import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../lib/ml/datasets';
import type { ActivationHistograms } from '../../lib/ml/training';
import { boundaryTable, histogramTable } from './training-tables';

const points = (xy: number[], labels: number[]): Dataset => ({ x: Float32Array.from(xy), y: Float32Array.from(labels), n: labels.length, features: 2, classes: 2 });

describe('boundaryTable()', () => {
  it('gives each grid cell its centre, top row first, then the training and test points with their labels', () => {
    // A 2 × 2 grid over [−1, 1]²: centres at ±0.5, the top row (x2 = 0.5) first.
    const table = boundaryTable(Float32Array.from([0.1, 0.2, 0.3, 0.4]), 2, 1, points([0.25, -0.75], [1]), points([-1, 1, 0.5, 0.5], [0, 1]));
    expect(table.columns).toEqual(['set', 'x1', 'x2', 'P(class 1)', 'label']);
    expect(table.rows).toEqual([
      ['grid', -0.5, 0.5, Math.fround(0.1), undefined],
      ['grid', 0.5, 0.5, Math.fround(0.2), undefined],
      ['grid', -0.5, -0.5, Math.fround(0.3), undefined],
      ['grid', 0.5, -0.5, Math.fround(0.4), undefined],
      ['train', 0.25, -0.75, undefined, 1],
      ['test', -1, 1, undefined, 0],
      ['test', 0.5, 0.5, undefined, 1],
    ]);
  });

  it('has only the points before the boundary is computed, and refuses a grid of the wrong size', () => {
    expect(boundaryTable(undefined, 3, 1.5, points([0, 0], [1]), points([], [])).rows).toEqual([['train', 0, 0, undefined, 1]]);
    expect(() => boundaryTable(new Float32Array(8), 3, 1, points([], []), points([], []))).toThrow('expected 9 probabilities (a 3 × 3 grid), got 8');
  });
});

describe('histogramTable()', () => {
  it('gives each layer one row per bin, the bins splitting [lo, hi] evenly', () => {
    const histograms: ActivationHistograms = {
      lo: -1,
      hi: 1,
      layers: [
        { mean: 0, std: 0.5, rmsSlope: 0.8, shares: Float32Array.from([0.25, 0.25, 0.5, 0]) },
        { mean: 0.1, std: 0.2, rmsSlope: 0.9, shares: Float32Array.from([0, 0.5, 0.5, 0]) },
      ],
    };
    const table = histogramTable(['layer 1'], histograms);
    expect(table.columns).toEqual(['layer', 'bin from', 'bin to', 'share', 'std']);
    expect(table.rows).toHaveLength(8);
    expect(table.rows.slice(0, 4)).toEqual([
      ['layer 1', -1, -0.5, 0.25, 0.5],
      ['layer 1', -0.5, 0, 0.25, 0.5],
      ['layer 1', 0, 0.5, 0.5, 0.5],
      ['layer 1', 0.5, 1, 0, 0.5],
    ]);
    // A layer without a name is called by its number.
    expect(table.rows[4]).toEqual(['layer 2', -1, -0.5, 0, 0.2]);
  });
});
