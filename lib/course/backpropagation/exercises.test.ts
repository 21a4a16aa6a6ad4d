import { describe, expect, it } from 'vitest';
import { relu, tensor } from '../../engine';
import { exerciseListProblems, specOf } from '../exercises';
import { exercises } from './exercises';
import { buildGraph } from './graph';
import { lossesAt } from './losses';

const gradOf = (g: ReturnType<typeof buildGraph>, name: string): number => g.trace.nodes.find((n) => n.name === name)!.grad![0]!;

describe('backpropagation exercises', () => {
  it('are a well-formed list', () => expect(exerciseListProblems('backpropagation', exercises)).toEqual([]));

  it('cube-gradient: a*a*a at 2 gives 12, three contributions of 4; the mistakes are one and two of them', () => {
    const spec = specOf(exercises, 'backpropagation/cube-gradient', 'numeric');
    const g = buildGraph('a*a*a', { a: 2 });
    expect(gradOf(g, 'a')).toBe(spec.answer);
    const parts = g.steps.flatMap((s) => s.parts.filter((p) => p.input === 0).map((p) => p.product));
    expect(parts).toEqual([4, 4, 4]);
    expect(spec.mistakes!.map((m) => m.value)).toEqual([parts[0], parts[0]! + parts[1]!]);
  });

  it('squared-error-peak: the largest |dL/dz| of a sigmoid under squared error, by autograd over a fine grid, is 4/27 at z = ln ½', () => {
    const spec = specOf(exercises, 'backpropagation/squared-error-peak', 'numeric');
    let best = { z: 0, g: 0 };
    for (let i = 0; i <= 16000; i++) {
      const z = -8 + i / 1000;
      const g = Math.abs(lossesAt(z, 1).squaredErrorGrad);
      if (g > best.g) best = { z, g };
    }
    expect(best.g).toBeCloseTo(spec.answer, 6);
    expect(best.z).toBeCloseTo(Math.log(0.5), 2);
    const [sigmoidSlope, atZero] = spec.mistakes!.map((m) => m.value);
    const z = tensor(0, { requiresGrad: true, dtype: 'float64' });
    z.sigmoid().backward();
    expect(z.grad!.item()).toBe(sigmoidSlope);
    expect(Math.abs(lossesAt(0, 1).squaredErrorGrad)).toBeCloseTo(atZero!, 12);
    // The solution's figures: −0.0066 at z = −5, 19 times smaller than at 0, and cross-entropy's p − y near −1.
    expect(lossesAt(-5, 1).squaredErrorGrad).toBeCloseTo(-0.0066, 4);
    expect(Math.round(lossesAt(0, 1).squaredErrorGrad / lossesAt(-5, 1).squaredErrorGrad)).toBe(19);
    expect(lossesAt(-5, 1).crossEntropyGrad).toBeCloseTo(-0.993, 3);
  });

  it('relu-kink: the engine gives 0 at the kink, a central difference 0.5', () => {
    const x = tensor(0, { requiresGrad: true, dtype: 'float64' });
    relu(x).backward();
    expect(x.grad!.item()).toBe(0);
    const h = 1e-3;
    const f = (v: number): number => Math.max(0, v);
    expect((f(h) - f(-h)) / (2 * h)).toBe(0.5);
    expect(specOf(exercises, 'backpropagation/relu-kink', 'choice').options.filter((o) => o.correct).map((o) => o.id)).toEqual(['avoid']);
  });

  it('linear-gradient-by-hand: the solution’s figures are autograd’s', () => {
    const x = tensor([1, 2, 3], { dtype: 'float64' });
    const w = tensor([0.5, -1, 0.25], { requiresGrad: true, dtype: 'float64' });
    w.mul(x).sum().sub(2).pow(2).backward();
    expect(Array.from(w.grad!.data)).toEqual([-5.5, -11, -16.5]);
    expect(specOf(exercises, 'backpropagation/linear-gradient-by-hand', 'code').solution).toContain('(-5.5, -11, -16.5)');
  });
});
