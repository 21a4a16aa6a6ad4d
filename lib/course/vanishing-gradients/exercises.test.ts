import { describe, expect, it } from 'vitest';
import { binaryCrossEntropyWithLogits, kaimingNormal, Rng, tensor, zeros } from '../../engine';
import { exerciseListProblems, specOf } from '../exercises';
import { exercises } from './exercises';

/** d/dx of n sigmoids composed, at x = 0, by the engine's autograd. */
function chainGradient(n: number): number {
  const x = tensor([0], { requiresGrad: true });
  let h = x;
  for (let i = 0; i < n; i++) h = h.sigmoid();
  h.sum().backward();
  return x.grad!.item();
}

const std = (values: ArrayLike<number>): number => {
  const xs = Array.from(values);
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
};

describe('vanishing-gradients exercises', () => {
  it('are a well-formed list', () => expect(exerciseListProblems('vanishing-gradients', exercises)).toEqual([]));

  it('sigmoid-chain: the answer is autograd through ten sigmoids at 0 (within its tolerance); the bound 0.25^10 is a mistake', () => {
    const spec = specOf(exercises, 'vanishing-gradients/sigmoid-chain', 'numeric');
    const grad = chainGradient(10);
    expect(Math.abs(grad - spec.answer)).toBeLessThan(spec.tolerance!.rel! * spec.answer / 4);
    expect(spec.mistakes![1]!.value).toBe(0.25 ** 10);
    expect(Math.abs(spec.mistakes![1]!.value - grad)).toBeGreaterThan(spec.tolerance!.rel! * spec.answer);
  });

  it('plateau-loss: the cross-entropy of predicting 1/2 (logit 0) on both classes', () => {
    const spec = specOf(exercises, 'vanishing-gradients/plateau-loss', 'numeric');
    const loss = binaryCrossEntropyWithLogits(zeros([2]), tensor([0, 1])).item();
    expect(Math.abs(loss - spec.answer)).toBeLessThan(1e-6);
  });

  it('he-std: kaimingNormal with fan-in 50 draws weights of standard deviation 0.2', () => {
    const spec = specOf(exercises, 'vanishing-gradients/he-std', 'numeric');
    const w = kaimingNormal(zeros([4000, 50]), new Rng(7), { nonlinearity: 'relu' });
    expect(Math.abs(std(w.data) - spec.answer)).toBeLessThan(0.002);
    expect(spec.mistakes![0]!.value).toBeCloseTo(spec.answer ** 2, 12);
  });

  it('gradient-through-depth: the solution’s 20 sigmoids land between the checks’ bounds', () => {
    const grad = chainGradient(20);
    expect(grad).toBeLessThanOrEqual(0.25 ** 20);
    expect(grad).toBeGreaterThan(0.2 ** 20);
    expect(grad).toBeGreaterThan(1.25e-13);
    expect(grad).toBeLessThan(1.3e-13); // the solution says about 1.3 × 10^-13
  });
});
