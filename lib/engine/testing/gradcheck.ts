/** Finite-difference gradient checks and random test data, for the engine's tests. */
import fc from 'fast-check';
import { Rng } from '../random';
import { noGrad } from '../autograd';
import { Tensor } from '../tensor';
import { numel, type Shape } from '../shape';

/** A float64 tensor of `shape` with values uniform in [low, high), requiring grad. */
export function randomTensor(shape: Shape, seed: number, low = -2, high = 2): Tensor {
  const rng = new Rng(seed);
  const data = new Float64Array(numel(shape)).map(() => rng.uniform(low, high));
  return new Tensor(data, shape, true);
}

/**
 * Relative error between backward()'s gradients of `f` at `inputs` and central differences:
 * ||analytic - numeric|| / max(||analytic||, ||numeric||) over all inputs that require grad.
 * f's output is reduced with fixed random weights, so every output element counts. Inputs must be
 * float64; their data is perturbed in place and restored.
 */
export function gradcheck(f: (...inputs: Tensor[]) => Tensor, inputs: readonly Tensor[], eps = 1e-6): number {
  for (const x of inputs) x.grad = null;
  const out = f(...inputs);
  const weights = randomTensor(out.shape, 7);
  weights.requiresGrad = false;
  out.mul(weights).sum().backward();
  const loss = () => noGrad(() => f(...inputs).mul(weights).sum().item());
  let diff = 0;
  let analyticNorm = 0;
  let numericNorm = 0;
  for (const x of inputs) {
    if (!x.requiresGrad) continue;
    for (let i = 0; i < x.data.length; i++) {
      const saved = x.data[i]!;
      x.data[i] = saved + eps;
      const up = loss();
      x.data[i] = saved - eps;
      const down = loss();
      x.data[i] = saved;
      const numeric = (up - down) / (2 * eps);
      const analytic = x.grad === null ? 0 : x.grad.data[i]!;
      diff += (analytic - numeric) ** 2;
      analyticNorm += analytic ** 2;
      numericNorm += numeric ** 2;
    }
  }
  const scale = Math.sqrt(Math.max(analyticNorm, numericNorm));
  return scale === 0 ? 0 : Math.sqrt(diff) / scale;
}

/** A shape of rank minRank..maxRank with sizes 1..maxSize. */
export const shapeArb = (minRank = 0, maxRank = 3, maxSize = 4): fc.Arbitrary<number[]> =>
  fc.array(fc.integer({ min: 1, max: maxSize }), { minLength: minRank, maxLength: maxRank });

/** A seed for randomTensor. */
export const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });

/**
 * Two shapes that broadcast together: b drops some leading dimensions of a and sets some others
 * to 1; which one is "a" is random.
 */
export const broadcastPairArb = (maxRank = 3): fc.Arbitrary<[number[], number[]]> =>
  shapeArb(0, maxRank).chain((a) =>
    fc
      .tuple(fc.integer({ min: 0, max: a.length }), fc.array(fc.boolean(), { minLength: a.length, maxLength: a.length }), fc.boolean())
      .map(([drop, ones, swap]): [number[], number[]] => {
        const b = a.slice(drop).map((d, i) => (ones[i + drop] ? 1 : d));
        return swap ? [b, a] : [a, b];
      }),
  );
