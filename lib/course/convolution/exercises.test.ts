import { describe, expect, it } from 'vitest';
import { conv2d, full, tensor } from '../../engine';
import { conv2dParameterCount, windowOutputSize } from '../../ml/shapes';
import { exerciseListProblems, specOf } from '../exercises';
import { exercises } from './exercises';

const size = (input: number, kernel: number, stride = 1, padding = 0): number => {
  const r = windowOutputSize(input, { kernel, stride, padding, dilation: 1 });
  if (!r.ok) throw new Error(r.reason);
  return r.size;
};
const params = (cin: number, cout: number, k: number, bias = true): number => {
  const p = conv2dParameterCount(cin, cout, [k, k], { bias });
  return p.weights + p.biases;
};

describe('convolution exercises', () => {
  it('are a well-formed list', () => expect(exerciseListProblems('convolution', exercises)).toEqual([]));

  it('lenet-shape and lenet-parameters: nn.Conv2d(1, 6, 5) on 1 × 32 × 32, by the shape calculator and the engine', () => {
    expect(specOf(exercises, 'convolution/lenet-shape', 'shape').answer).toEqual([6, size(32, 5), size(32, 5)]);
    expect(conv2d(full([1, 1, 32, 32], 1), full([6, 1, 5, 5], 1)).shape).toEqual([1, 6, 28, 28]);
    const count = specOf(exercises, 'convolution/lenet-parameters', 'numeric');
    expect(count.answer).toBe(params(1, 6, 5));
    expect(count.mistakes![0]!.value).toBe(params(1, 6, 5, false));
  });

  it('stride-two-size: a 3 × 3 kernel, stride 2, on 10 × 10', () => {
    expect(specOf(exercises, 'convolution/stride-two-size', 'shape').answer).toEqual([size(10, 3, 2), size(10, 3, 2)]);
  });

  it('wide-layer-parameters: nn.Conv2d(64, 128, 3)', () => {
    const spec = specOf(exercises, 'convolution/wide-layer-parameters', 'numeric');
    expect(spec.answer).toBe(params(64, 128, 3));
    expect(spec.mistakes![0]!.value).toBe(params(64, 128, 3, false));
  });

  it('sobel-stride-two: the solution’s call gives zeros of shape (1, 1, 4, 4)', () => {
    const out = conv2d(full([1, 1, 10, 10], 0.5), tensor([[[[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]]]), null, { stride: 2 });
    expect(out.shape).toEqual([1, 1, 4, 4]);
    expect([...out.data].every((v) => v === 0)).toBe(true);
  });
});
