import { describe, expect, it } from 'vitest';
import { nn, randn, Rng, zeros } from '../../engine';
import { conv2dParameterCount, linearParameterCount, windowOutputSize } from '../../ml/shapes';
import { exerciseListProblems, specOf } from '../exercises';
import { exercises } from './exercises';

const size = (input: number, kernel: number, stride = 1, padding = 0): number => {
  const r = windowOutputSize(input, { kernel, stride, padding, dilation: 1 });
  if (!r.ok) throw new Error(r.reason);
  return r.size;
};
const total = (p: { weights: number; biases: number }): number => p.weights + p.biases;

describe('cnn-sizes exercises', () => {
  it('are a well-formed list', () => expect(exerciseListProblems('cnn-sizes', exercises)).toEqual([]));

  it('resnet-stem-shape and -parameters: nn.Conv2d(3, 64, 7, stride=2, padding=3, bias=False) on 8 × 3 × 224 × 224', () => {
    const spec = specOf(exercises, 'cnn-sizes/resnet-stem-shape', 'shape');
    expect(spec.answer).toEqual([8, 64, size(224, 7, 2, 3), size(224, 7, 2, 3)]);
    expect(spec.mistakes![0]!.value).toEqual([8, 64, size(224, 7, 2, 0), size(224, 7, 2, 0)]);
    const stem = new nn.Conv2d(3, 64, 7, { stride: 2, padding: 3, bias: false, rng: new Rng(0) });
    expect(stem.forward(zeros([1, 3, 224, 224])).shape).toEqual([1, 64, 112, 112]);
    const params = specOf(exercises, 'cnn-sizes/resnet-stem-parameters', 'numeric');
    expect(params.answer).toBe(total(conv2dParameterCount(3, 64, [7, 7], { bias: false })));
    expect(params.answer).toBe(stem.parameters().reduce((n, p) => n + p.numel(), 0));
    expect(params.mistakes![0]!.value).toBe(total(conv2dParameterCount(3, 64, [7, 7])));
  });

  it('vgg-in-features: 512 × 7 × 7 flattened (and 512 × 8 × 8 for 256 × 256)', () => {
    const spec = specOf(exercises, 'cnn-sizes/vgg-in-features', 'numeric');
    expect(spec.answer).toBe(zeros([1, 512, 7, 7]).flatten(1).shape[1]);
    // Five 2 × 2 pools take 256 to 8.
    expect(spec.mistakes![0]!.value).toBe(512 * [1, 2, 3, 4, 5].reduce((h) => size(h, 2, 2), 256) ** 2);
  });

  it('conv-as-linear: nn.Conv2d(256, 4096, 6) has as many parameters as Linear(9216, 4096)', () => {
    const spec = specOf(exercises, 'cnn-sizes/conv-as-linear', 'numeric');
    expect(spec.answer).toBe(total(conv2dParameterCount(256, 4096, [6, 6])));
    expect(spec.answer).toBe(total(linearParameterCount(9216, 4096)));
    expect(spec.mistakes![0]!.value).toBe(conv2dParameterCount(256, 4096, [6, 6]).weights);
    expect(size(6, 6)).toBe(1);
  });

  it('flatten-features: the solution gives (2, 25088) and (2, 10)', () => {
    const rng = new Rng(0);
    const flat = randn([2, 512, 7, 7], rng).flatten(1);
    expect(flat.shape).toEqual([2, 25088]);
    expect(new nn.Linear(512 * 7 * 7, 10, { rng }).forward(flat).shape).toEqual([2, 10]);
  });
});
