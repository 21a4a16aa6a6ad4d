/**
 * The data of a task, generated from the run's seed. Kept apart from the model code so the page can
 * draw the points without loading the engine.
 */
import { linearRegression, moons, pixelDigits, pointsDataset, scaledPoints, spiral, trainTestSplit, twoCircles, xor, type Dataset, type OwnPoints, type Split } from '../datasets';
import { Rng } from '../../engine';
import type { ClassificationTask, OwnClassificationTask, Task } from './config';

/** Fraction of the examples held out to measure generalisation. */
export const TEST_FRACTION = 0.2;

function classification(task: ClassificationTask, rng: Rng): Dataset {
  if (task.dataset === 'own') return pointsDataset(task.points, rng);
  const options = { n: task.n, noise: task.noise };
  switch (task.dataset) {
    case 'circles':
      return twoCircles(rng, { ...options, factor: 0.5 });
    case 'moons':
      return moons(rng, options);
    case 'spiral':
      return spiral(rng, options);
    case 'xor':
      return xor(rng, options);
  }
}

/** Sequences x of L standard normal numbers, target Σx / √L (unit variance), as (N, L) features. */
function sequences(n: number, seqLen: number, rng: Rng): Dataset {
  const x = new Float32Array(n * seqLen);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let t = 0; t < seqLen; t++) {
      const v = rng.normal();
      x[i * seqLen + t] = v;
      sum += v;
    }
    y[i] = sum / Math.sqrt(seqLen);
  }
  return { x, y, n, features: seqLen, classes: 0 };
}

function generate(task: Task, rng: Rng): Dataset {
  switch (task.kind) {
    case 'classification':
      return classification(task, rng);
    case 'regression':
      return linearRegression(rng, { n: task.n, features: task.features, noise: 0.1 });
    case 'sequence':
      return sequences(task.n, task.seqLen, rng);
    case 'images':
      return pixelDigits(rng, { n: task.n, size: task.size, noise: task.noise });
  }
}

/** The train/test split of a task's data; the same seed always gives the same split. */
export function taskData(task: Task, seed: number): Split {
  // A generator of its own, so that the data does not depend on how the weights are drawn.
  const rng = new Rng(seed ^ 0x5eed_da7a);
  return trainTestSplit(generate(task, rng), rng, TEST_FRACTION);
}

/** The task of training on the reader's own points, scaled to the networks' units (see OwnPoints). */
export function ownTask(own: OwnPoints): OwnClassificationTask {
  const points = scaledPoints(own);
  return { kind: 'classification', dataset: 'own', n: points.length, points };
}
