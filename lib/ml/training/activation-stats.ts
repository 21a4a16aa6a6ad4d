/**
 * What each hidden layer's activations look like (the CS231n picture of a deep network at
 * initialisation): a histogram of h = g(z) over all units and examples, its mean and standard
 * deviation, and the root-mean-square slope √E[g′(z)²] that enters the gradient's factor per layer.
 */
import { ACTIVATIONS, DEFAULT_ACTIVATION_PARAMS } from '../activations';
import type { HiddenActivation } from './config';

/** One layer's activations. */
export interface LayerActivations {
  mean: number;
  std: number;
  /** √E[g′(z)²] over all units and examples. */
  rmsSlope: number;
  /** Share of the values in each bin (sums to 1); values outside [lo, hi] count in the end bins. */
  shares: Float32Array;
}

/** Every hidden layer's activations, binned on one common range so that layers compare. */
export interface ActivationHistograms {
  lo: number;
  hi: number;
  layers: LayerActivations[];
}

/** Bins of every histogram. */
export const HISTOGRAM_BINS = 30;

/** The 1st and 99th percentiles of `values`, from one sorted copy. */
function percentiles(values: Float32Array): [number, number] {
  if (values.length === 0) return [0, 0];
  const sorted = values.slice().sort();
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return [at(0.01), at(0.99)];
}

/**
 * The range the histograms share: the activation's own range where it is bounded (sigmoid [0, 1],
 * tanh [−1, 1]); for ReLU and leaky ReLU from the lowest 1st percentile (at most 0) to the
 * highest 99th percentile over the layers, so one outlier does not squash the rest.
 */
function commonRange(activations: Float32Array[], activation: HiddenActivation): [number, number] {
  if (activation === 'sigmoid') return [0, 1];
  if (activation === 'tanh') return [-1, 1];
  const ends = activations.map(percentiles);
  const hi = Math.max(...ends.map(([, top]) => top));
  const lo = Math.min(0, ...ends.map(([bottom]) => bottom));
  return [lo, hi > lo ? hi : lo + 1];
}

/**
 * Histograms of g(z) for each hidden layer's pre-activations `zs` (every unit of every example,
 * in any order), on a common range, with each layer's mean, standard deviation and RMS slope.
 */
export function activationHistograms(zs: readonly ArrayLike<number>[], activation: HiddenActivation, bins = HISTOGRAM_BINS): ActivationHistograms {
  const fn = ACTIVATIONS[activation];
  const p = DEFAULT_ACTIVATION_PARAMS;
  const hs = zs.map((z) => Float32Array.from({ length: z.length }, (_, i) => fn.value(z[i] ?? 0, p)));
  const [lo, hi] = commonRange(hs, activation);
  const layers = hs.map((h, k): LayerActivations => {
    const z = zs[k] ?? [];
    const shares = new Float32Array(bins);
    let sum = 0;
    let sumSq = 0;
    let slopeSq = 0;
    for (let i = 0; i < h.length; i++) {
      const v = h[i] ?? 0;
      sum += v;
      sumSq += v * v;
      slopeSq += fn.derivative(z[i] ?? 0, p) ** 2;
      const bin = Math.min(bins - 1, Math.max(0, Math.floor(((v - lo) / (hi - lo)) * bins)));
      shares[bin] = (shares[bin] ?? 0) + 1;
    }
    const n = Math.max(1, h.length);
    for (let b = 0; b < bins; b++) shares[b] = (shares[b] ?? 0) / n;
    const mean = sum / n;
    return { mean, std: Math.sqrt(Math.max(0, sumSq / n - mean * mean)), rmsSlope: Math.sqrt(slopeSq / n), shares };
  });
  return { lo, hi, layers };
}
