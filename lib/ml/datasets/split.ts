import type { Rng } from '../../engine';
import type { Dataset, Split } from './types';

/** Copies the rows `rows` of a dataset into a new one. */
export function takeRows(data: Dataset, rows: readonly number[]): Dataset {
  const { features } = data;
  const x = new Float32Array(rows.length * features);
  const y = new Float32Array(rows.length);
  rows.forEach((r, i) => {
    x.set(data.x.subarray(r * features, (r + 1) * features), i * features);
    y[i] = data.y[r] ?? NaN;
  });
  return { ...data, x, y, n: rows.length };
}

/** Splits a dataset at random into train and test parts; `testFraction` of the rows go to test. */
export function trainTestSplit(data: Dataset, rng: Rng, testFraction = 0.2): Split {
  if (!(testFraction > 0 && testFraction < 1)) {
    throw new RangeError(`trainTestSplit: expected 0 < testFraction < 1, got ${testFraction}`);
  }
  const order = rng.shuffle(Array.from({ length: data.n }, (_, i) => i));
  const nTest = Math.max(1, Math.round(data.n * testFraction));
  return { test: takeRows(data, order.slice(0, nTest)), train: takeRows(data, order.slice(nTest)) };
}
