/** What the network gets wrong on a labelled set: a confusion matrix, and the digits it misclassifies. */
import type { Dataset } from '../../ml/datasets';
import { DIGIT_CLASSES } from './digits';

/** Counts by true class (row) and predicted class (column), row-major: `classes` × `classes`. */
export function confusionMatrix(labels: ArrayLike<number>, predictions: ArrayLike<number>, classes: number = DIGIT_CLASSES): number[] {
  if (labels.length !== predictions.length) throw new RangeError(`confusionMatrix: expected as many predictions as labels (${labels.length}), got ${predictions.length}`);
  const counts = new Array<number>(classes * classes).fill(0);
  for (let i = 0; i < labels.length; i++) {
    const row = labels[i] ?? NaN;
    const col = predictions[i] ?? NaN;
    if (!(Number.isInteger(row) && Number.isInteger(col) && row >= 0 && col >= 0 && row < classes && col < classes)) {
      throw new RangeError(`confusionMatrix: expected classes 0 … ${classes - 1}, got label ${row} and prediction ${col} at ${i}`);
    }
    counts[row * classes + col] = (counts[row * classes + col] ?? 0) + 1;
  }
  return counts;
}

/** One misclassified digit: its place in the set, its true and its predicted class, and its pixels (0 … 1). */
export interface Misclassified {
  readonly index: number;
  readonly label: number;
  readonly predicted: number;
  readonly pixels: Float32Array;
}

/** The first `max` digits of `data` whose prediction is wrong, in the set's order, and how many are wrong in all. */
export function misclassifiedDigits(data: Dataset, predictions: ArrayLike<number>, max: number): { digits: Misclassified[]; total: number } {
  const digits: Misclassified[] = [];
  let total = 0;
  for (let i = 0; i < data.n; i++) {
    const label = data.y[i] ?? NaN;
    const predicted = predictions[i] ?? NaN;
    if (label === predicted) continue;
    total++;
    if (digits.length < max) digits.push({ index: i, label, predicted, pixels: data.x.slice(i * data.features, (i + 1) * data.features) });
  }
  return { digits, total };
}
