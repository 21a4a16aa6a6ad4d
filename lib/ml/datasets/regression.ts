/** A regression dataset with many features, for the exploding-gradients experiments. */
import type { Rng } from '../../engine';
import type { Dataset } from './types';

/**
 * y = x·w* + noise, with x ~ N(0, I) of F features and a fixed true weight vector w* ~ N(0, 1) drawn
 * from the same generator. The best possible mean squared error is noise².
 */
export function linearRegression(rng: Rng, { n = 1000, features = 20, noise = 0.1 } = {}): Dataset & { trueWeights: Float32Array } {
  const trueWeights = new Float32Array(features).map(() => rng.normal());
  const x = new Float32Array(n * features);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let target = 0;
    for (let j = 0; j < features; j++) {
      const v = rng.normal();
      x[i * features + j] = v;
      target += v * (trueWeights[j] ?? 0);
    }
    y[i] = target + rng.normal(0, noise);
  }
  return { x, y, n, features, classes: 0, trueWeights };
}
