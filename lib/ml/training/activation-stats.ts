/**
 * What each hidden layer's activations look like (the CS231n picture of a deep network at
 * initialisation): a histogram of h = g(z) over all units and examples, its mean and standard
 * deviation, and the root-mean-square slope √E[g′(z)²] that enters the gradient's factor per layer.
 */
import { ACTIVATIONS, DEFAULT_ACTIVATION_PARAMS, type ActivationName, type ActivationParams } from '../activations';

/** The activation g of one layer, with its shape parameters (leaky ReLU's slope, swish's beta). */
export interface LayerActivation {
  name: ActivationName;
  params: ActivationParams;
}

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
 * The range the histograms share: the activations' own range where every layer's is bounded
 * (sigmoid [0, 1], tanh [−1, 1], both [−1, 1]); otherwise (ReLU, leaky ReLU…) from the lowest 1st
 * percentile (at most 0) to the highest 99th percentile over the layers, so one outlier does not
 * squash the rest.
 */
function commonRange(activations: Float32Array[], names: readonly ActivationName[]): [number, number] {
  if (names.length > 0 && names.every((name) => name === 'sigmoid')) return [0, 1];
  if (names.length > 0 && names.every((name) => name === 'sigmoid' || name === 'tanh')) return [-1, 1];
  const ends = activations.map(percentiles);
  const hi = Math.max(...ends.map(([, top]) => top));
  const lo = Math.min(0, ...ends.map(([bottom]) => bottom));
  return [lo, hi > lo ? hi : lo + 1];
}

/**
 * Histograms of g(z) for each hidden layer's pre-activations `zs` (every unit of every example,
 * in any order), on a common range, with each layer's mean, standard deviation and RMS slope.
 * `activation` is every layer's g (with default parameters: leaky ReLU's slope 0.01), or one per layer.
 */
export function activationHistograms(
  zs: readonly ArrayLike<number>[],
  activation: ActivationName | readonly LayerActivation[],
  bins = HISTOGRAM_BINS,
): ActivationHistograms {
  const gs = typeof activation === 'string' ? zs.map(() => ({ name: activation, params: DEFAULT_ACTIVATION_PARAMS })) : activation;
  if (gs.length !== zs.length) throw new RangeError(`activationHistograms: expected one activation per layer (${zs.length}), got ${gs.length}`);
  const inputs = gs.map(({ name, params }, k) => {
    const z = zs[k] ?? [];
    const fn = ACTIVATIONS[name];
    return { z, fn, p: params, h: Float32Array.from({ length: z.length }, (_, i) => fn.value(z[i] ?? 0, params)) };
  });
  const [lo, hi] = commonRange(
    inputs.map(({ h }) => h),
    gs.map((g) => g.name),
  );
  const layers = inputs.map(({ z, fn, p, h }): LayerActivations => {
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
