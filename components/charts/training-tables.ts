/** The training widget's canvas charts' data as tables: the decision boundary and the activation histograms. */
import type { Dataset } from '../../lib/ml/datasets';
import type { ActivationHistograms } from '../../lib/ml/training';
import type { ChartTable, Cell } from './chart-table';

/**
 * One row per grid cell (set "grid", its centre x1, x2 and P(class 1)), then one per training and
 * test point (set "train" or "test", x1, x2 and its class label), as BoundaryMap draws them.
 * `boundary` holds resolution × resolution probabilities, rows from the top, at the cell centres
 * Trainer.boundary() evaluates: x1 = −extent + (c + ½)·2·extent/resolution, x2 = extent − (r + ½)·2·extent/resolution.
 */
export function boundaryTable(boundary: ArrayLike<number> | undefined, resolution: number, extent: number, train: Dataset, test: Dataset): ChartTable {
  const rows: Cell[][] = [];
  const centre = (i: number): number => ((i + 0.5) * 2 * extent) / resolution;
  if (boundary) {
    if (boundary.length !== resolution * resolution) {
      throw new RangeError(`boundaryTable: expected ${resolution * resolution} probabilities (a ${resolution} × ${resolution} grid), got ${boundary.length}`);
    }
    for (let r = 0; r < resolution; r++) {
      for (let c = 0; c < resolution; c++) rows.push(['grid', -extent + centre(c), extent - centre(r), boundary[r * resolution + c], undefined]);
    }
  }
  for (const [set, data] of [
    ['train', train],
    ['test', test],
  ] as const) {
    for (let i = 0; i < data.n; i++) rows.push([set, data.x[2 * i], data.x[2 * i + 1], undefined, data.y[i]]);
  }
  return { columns: ['set', 'x1', 'x2', 'P(class 1)', 'label'], rows };
}

/** The histograms as plotted: one row per layer and bin (its range over [lo, hi] and share of the values), with the layer's σ. */
export function histogramTable(names: readonly string[], histograms: ActivationHistograms): ChartTable {
  const { lo, hi } = histograms;
  return {
    columns: ['layer', 'bin from', 'bin to', 'share', 'std'],
    rows: histograms.layers.flatMap((row, i) => {
      const bins = row.shares.length;
      return Array.from(row.shares, (share, b) => [names[i] ?? `layer ${i + 1}`, lo + ((hi - lo) * b) / bins, lo + ((hi - lo) * (b + 1)) / bins, share, row.std]);
    }),
  };
}
