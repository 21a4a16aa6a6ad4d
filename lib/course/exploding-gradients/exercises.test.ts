import { describe, expect, it } from 'vitest';
import { clipGradNorm, clipGradValue, tensor } from '../../engine';
import { exerciseListProblems, specOf } from '../exercises';
import { exercises } from './exercises';

/** |θ| after `steps` of gradient descent with step `eta` on ½·a·θ², from θ = 1. */
function descend(a: number, eta: number, steps: number): number {
  const theta = tensor([1], { requiresGrad: true });
  for (let i = 0; i < steps; i++) {
    theta.grad = null;
    theta.square().mul(a / 2).sum().backward();
    theta.data[0] = theta.data[0]! - eta * theta.grad!.data[0]!;
  }
  return Math.abs(theta.item());
}

/** A leaf [3, 4] whose gradient is [60, 80]. */
function gradient6080() {
  const w = tensor([3, 4], { requiresGrad: true });
  w.mul(tensor([60, 80])).sum().backward();
  return w;
}

describe('exploding-gradients exercises', () => {
  it('are a well-formed list', () => expect(exerciseListProblems('exploding-gradients', exercises)).toEqual([]));

  it('quadratic-step-limit: on ½·4·θ², gradient descent shrinks θ just below the answer and grows it just above', () => {
    const spec = specOf(exercises, 'exploding-gradients/quadratic-step-limit', 'numeric');
    expect(descend(4, spec.answer - 0.01, 200)).toBeLessThan(0.1);
    expect(descend(4, spec.answer + 0.01, 200)).toBeGreaterThan(10);
  });

  it('clipped-component: clipGradNorm([60, 80], 1) gives 0.6 first; clipping by value gives the mistake, 1', () => {
    const spec = specOf(exercises, 'exploding-gradients/clipped-component', 'numeric');
    const w = gradient6080();
    clipGradNorm([w], 1);
    expect(Math.abs(w.grad!.data[0]! - spec.answer)).toBeLessThan(spec.tolerance!.abs!);
    const v = gradient6080();
    clipGradValue([v], 1);
    expect(v.grad!.data[0]).toBe(spec.mistakes![0]!.value);
  });

  it('clip-by-hand: the solution’s formula gives what clipGradNorm gives', () => {
    const g = tensor([60, 80]);
    const clipped = g.mul(Math.min(1, 1 / (g.norm().item() + 1e-6)));
    const w = gradient6080();
    clipGradNorm([w], 1);
    expect([...clipped.data]).toEqual([...w.grad!.data]);
  });
});
