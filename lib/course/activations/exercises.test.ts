import { describe, expect, it } from 'vitest';
import { exerciseListProblems, specOf } from '../exercises';
import { linearParameterCount } from '../../ml/shapes';
import { ACTIVATIONS, DEFAULT_ACTIVATION_PARAMS } from '../../ml/activations';
import { exercises } from './exercises';
import { saturatedIntervals } from './saturation';
import { softmaxColumns } from './softmax-float32';

describe('activation-functions exercises', () => {
  it('are a well-formed list', () => expect(exerciseListProblems('activation-functions', exercises)).toEqual([]));

  it('collapse-parameters: one 20 → 5 Linear layer, and the ten-layer count its mistake names', () => {
    const spec = specOf(exercises, 'activation-functions/collapse-parameters', 'numeric');
    const one = linearParameterCount(20, 5);
    expect(spec.answer).toBe(one.weights + one.biases);
    const widths = [20, ...Array<number>(9).fill(100), 5];
    const ten = widths.slice(1).reduce((n, out, i) => n + linearParameterCount(widths[i]!, out).weights + out, 0);
    expect(spec.mistakes?.map((m) => m.value)).toEqual([one.weights, ten]);
  });

  it('sigmoid-saturation: where the sigmoid’s slope falls below 0.001 (and tanh’s, its mistake)', () => {
    const spec = specOf(exercises, 'activation-functions/sigmoid-saturation', 'numeric');
    const edge = (name: 'sigmoid' | 'tanh'): number =>
      saturatedIntervals((z) => ACTIVATIONS[name].derivative(z, DEFAULT_ACTIVATION_PARAMS), 0.001, 0, 20).find((i) => i.openRight)!.from;
    expect(Math.abs(edge('sigmoid') - spec.answer)).toBeLessThanOrEqual(spec.tolerance!.abs!);
    expect(edge('sigmoid')).toBeCloseTo(6.906, 3);
    expect(spec.mistakes![0]!.value).toBeCloseTo(edge('tanh'), 2);
  });

  it('softmax-overflow: in float32 only e^89 overflows, and the naive column reads (NaN, 0, 0)', () => {
    const spec = specOf(exercises, 'activation-functions/softmax-overflow', 'choice');
    expect(softmaxColumns([89, 88, 0], 0, 1).naive).toEqual([NaN, 0, 0]);
    expect(softmaxColumns([88, 87, 0], 0, 1).naive.every(Number.isFinite)).toBe(true);
    expect(spec.options.filter((o) => o.correct).map((o) => o.id)).toEqual(['first']);
  });
});
