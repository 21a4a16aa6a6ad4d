/**
 * A Gaussian process regression surrogate with a Matérn 5/2 kernel and one length scale per input
 * (automatic relevance determination). Inputs are points of the unit cube (the search space
 * normalised); fitGp() also standardises the outputs and fits the hyperparameters by maximising
 * the log marginal likelihood.
 */
import { Rng } from '../../engine';
import { cholesky, choleskySolve, solveLower } from './linalg';
import { nelderMead } from './nelder-mead';

/** The kernel's hyperparameters: a length scale per input, the signal variance σ_f² and the noise variance σ_n². */
export interface GpHyper {
  lengthScales: readonly number[];
  signalVariance: number;
  noiseVariance: number;
}

/** The posterior at one point: the mean and the variance of the latent function (noise excluded). */
export interface Posterior {
  mean: number;
  variance: number;
}

/** k(x, x′) = σ_f² (1 + √5 r + 5r²/3) exp(−√5 r), r² = Σᵢ (xᵢ − x′ᵢ)² / ℓᵢ². */
export function matern52(a: readonly number[], b: readonly number[], hyper: GpHyper): number {
  let r2 = 0;
  for (let i = 0; i < a.length; i++) r2 += ((a[i]! - b[i]!) / hyper.lengthScales[i]!) ** 2;
  const s = Math.sqrt(5 * r2);
  return hyper.signalVariance * (1 + s + (5 * r2) / 3) * Math.exp(-s);
}

/** A Gaussian process conditioned on data, with fixed hyperparameters (no output scaling). */
export class GaussianProcess {
  readonly #l: Float64Array;
  readonly #alpha: Float64Array;

  /** Conditions the prior GP(0, k) on observations y at points x (with noise variance σ_n²). Throws if K + σ_n²I is not positive definite. */
  constructor(
    readonly x: readonly (readonly number[])[],
    readonly y: readonly number[],
    readonly hyper: GpHyper,
  ) {
    const n = x.length;
    const k = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) k[i * n + j] = matern52(x[i]!, x[j]!, hyper) + (i === j ? hyper.noiseVariance : 0);
    this.#l = cholesky(k, n);
    this.#alpha = choleskySolve(this.#l, y);
  }

  /** log p(y | x, θ) = −½ yᵀ(K + σ_n²I)⁻¹y − ½ log det(K + σ_n²I) − (n/2) log 2π. */
  logMarginalLikelihood(): number {
    const n = this.y.length;
    let fit = 0;
    let logDet = 0;
    for (let i = 0; i < n; i++) {
      fit += this.y[i]! * this.#alpha[i]!;
      logDet += 2 * Math.log(this.#l[i * n + i]!);
    }
    return -0.5 * fit - 0.5 * logDet - 0.5 * n * Math.log(2 * Math.PI);
  }

  /** Mean k*ᵀ(K + σ_n²I)⁻¹y and variance k(x*, x*) − k*ᵀ(K + σ_n²I)⁻¹k* at a point x*. */
  predict(point: readonly number[]): Posterior {
    const kStar = this.x.map((xi) => matern52(point, xi, this.hyper));
    let mean = 0;
    for (let i = 0; i < kStar.length; i++) mean += kStar[i]! * this.#alpha[i]!;
    const v = solveLower(this.#l, kStar);
    let explained = 0;
    for (const vi of v) explained += vi * vi;
    return { mean, variance: Math.max(0, this.hyper.signalVariance - explained) };
  }
}

/** Bounds of the fitted hyperparameters, in the standardised units the fit works in. */
export const HYPER_BOUNDS = { lengthScale: [0.03, 3], signalVariance: [0.05, 20], noiseVariance: [1e-6, 0.5] } as const;

const clampLog = (v: number, [low, high]: readonly [number, number]): number => Math.exp(Math.min(Math.log(high), Math.max(Math.log(low), v)));

/** The hyperparameters a vector of logs stands for, each clamped to HYPER_BOUNDS. */
function hyperOf(theta: readonly number[], dims: number): GpHyper {
  return {
    lengthScales: theta.slice(0, dims).map((t) => clampLog(t, HYPER_BOUNDS.lengthScale)),
    signalVariance: clampLog(theta[dims]!, HYPER_BOUNDS.signalVariance),
    noiseVariance: clampLog(theta[dims + 1]!, HYPER_BOUNDS.noiseVariance),
  };
}

/** A GP fitted to raw observations: predictions are in the observations' own units. */
export interface FittedGp {
  readonly gp: GaussianProcess;
  /** The mean and standard deviation the observations were standardised with. */
  readonly shift: number;
  readonly scale: number;
  /** Posterior mean and variance in the observations' units. */
  predict(point: readonly number[]): Posterior;
}

/**
 * −log p(z | x, θ) from the squared differences of every pair of points along each input
 * (computed once per fit, so each of the optimiser's evaluations costs one kernel matrix and one
 * Cholesky factorisation); Infinity when the matrix is not positive definite.
 */
function negativeLmlFrom(squares: readonly Float64Array[], z: readonly number[], hyper: GpHyper): number {
  const n = z.length;
  const k = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) {
    let r2 = 0;
    for (let d = 0; d < squares.length; d++) r2 += squares[d]![i]! / hyper.lengthScales[d]! ** 2;
    const s = Math.sqrt(5 * r2);
    k[i] = hyper.signalVariance * (1 + s + (5 * r2) / 3) * Math.exp(-s);
  }
  for (let i = 0; i < n; i++) k[i * n + i]! += hyper.noiseVariance;
  let l: Float64Array;
  try {
    l = cholesky(k, n);
  } catch {
    return Infinity;
  }
  const alpha = choleskySolve(l, z);
  let value = 0.5 * n * Math.log(2 * Math.PI);
  for (let i = 0; i < n; i++) value += 0.5 * z[i]! * alpha[i]! + Math.log(l[i * n + i]!);
  return value;
}

/**
 * Standardises y, then fits the hyperparameters by maximising the log marginal likelihood with
 * Nelder–Mead (derivative-free) over their logarithms, from a default start and `restarts` more
 * drawn from `rng`; the best fit wins. Needs at least one observation.
 */
export function fitGp(x: readonly (readonly number[])[], y: readonly number[], rng: Rng, restarts = 1): FittedGp {
  if (x.length === 0 || x.length !== y.length) throw new RangeError(`fitGp: expected as many points as values (at least one), got ${x.length} points and ${y.length} values`);
  const dims = x[0]!.length;
  const n = x.length;
  const shift = y.reduce((a, b) => a + b, 0) / n;
  const spread = Math.sqrt(y.reduce((a, b) => a + (b - shift) ** 2, 0) / n);
  const scale = spread > 1e-12 ? spread : 1;
  const z = y.map((v) => (v - shift) / scale);
  const squares = Array.from({ length: dims }, (_, d) => {
    const m = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m[i * n + j] = (x[i]![d]! - x[j]![d]!) ** 2;
    return m;
  });
  const negativeLml = (theta: number[]): number => negativeLmlFrom(squares, z, hyperOf(theta, dims));
  const logUniform = ([low, high]: readonly [number, number]): number => rng.uniform(Math.log(low), Math.log(high));
  const starts = [[...Array<number>(dims).fill(Math.log(0.3)), 0, Math.log(1e-2)]];
  for (let r = 0; r < restarts; r++) {
    starts.push([...Array.from({ length: dims }, () => logUniform(HYPER_BOUNDS.lengthScale)), logUniform(HYPER_BOUNDS.signalVariance), logUniform(HYPER_BOUNDS.noiseVariance)]);
  }
  let best = { x: starts[0]!, value: Infinity };
  for (const start of starts) {
    const found = nelderMead(negativeLml, start, 0.7, 40 * (dims + 2));
    if (found.value < best.value) best = found;
  }
  const gp = new GaussianProcess(x, z, hyperOf(best.x, dims));
  return {
    gp,
    shift,
    scale,
    predict: (point) => {
      const { mean, variance } = gp.predict(point);
      return { mean: shift + scale * mean, variance: scale * scale * variance };
    },
  };
}
