import { describe, expect, it } from 'vitest';
import { avgPool2d, maxPool2d, ones, randn, Rng, tensor } from '../../engine';
import { windowOutputSize } from '../../ml/shapes';
import { exerciseListProblems, specOf } from '../exercises';
import { exercises } from './exercises';

describe('pooling exercises', () => {
  it('are a well-formed list', () => expect(exerciseListProblems('pooling', exercises)).toEqual([]));

  it('alexnet-pool: nn.MaxPool2d(3, stride=2) on 96 × 55 × 55, and its stride-1 mistake', () => {
    const spec = specOf(exercises, 'pooling/alexnet-pool', 'shape');
    const floor = windowOutputSize(55, { kernel: 3, stride: 2, padding: 0, dilation: 1 });
    const ceil = windowOutputSize(55, { kernel: 3, stride: 2, padding: 0, dilation: 1, ceilMode: true });
    if (!floor.ok || !ceil.ok) throw new Error('expected sizes');
    expect(spec.answer).toEqual([96, floor.size, floor.size]);
    expect(maxPool2d(ones([1, 96, 55, 55]), 3, { stride: 2 }).shape).toEqual([1, ...spec.answer]);
    const stride1 = windowOutputSize(55, { kernel: 3, stride: 1, padding: 0, dilation: 1 });
    expect(stride1.ok && spec.mistakes![1]!.value).toEqual([96, 53, 53].map((v, i) => (i === 0 || !stride1.ok ? v : stride1.size)));
    expect(ceil.size).toBe(floor.size); // 52 / 2 is exact: ceil_mode changes nothing here
  });

  it('max-gradient-cells: max pooling a random 4 × 4 map sends the gradient to 4 cells; average pooling to 16', () => {
    const spec = specOf(exercises, 'pooling/max-gradient-cells', 'numeric');
    const x = tensor(randn([1, 1, 4, 4], new Rng(3)).toArray(), { requiresGrad: true });
    maxPool2d(x, 2).sum().backward();
    expect([...x.grad!.data].filter((g) => g !== 0).length).toBe(spec.answer);
    const y = tensor(x.toArray(), { requiresGrad: true });
    avgPool2d(y, 2).sum().backward();
    expect([...y.grad!.data].filter((g) => g !== 0).length).toBe(spec.mistakes![0]!.value);
  });

  it('padded-average-corner: nn.AvgPool2d(3, stride=1, padding=1) on a 3 × 3 map of ones', () => {
    const spec = specOf(exercises, 'pooling/padded-average-corner', 'numeric');
    const out = [...avgPool2d(ones([1, 1, 3, 3]), 3, { stride: 1, padding: 1 }).data];
    expect(out[0]).toBeCloseTo(spec.answer, 6);
    expect(out[1]).toBeCloseTo(spec.mistakes![1]!.value, 6);
    expect([...avgPool2d(ones([1, 1, 3, 3]), 3, { stride: 1, padding: 1, countIncludePad: false }).data][0]).toBeCloseTo(spec.mistakes![0]!.value, 6);
  });

  it('max-pool-backward: the solution’s numbers (pooled [[6, 5], [3, 9]], 4 cells)', () => {
    const x = tensor([[[[1, 3, 2, 0], [4, 6, 5, 1], [0, 2, 9, 8], [3, 1, 7, 4]]]], { requiresGrad: true });
    const pooled = maxPool2d(x, 2);
    expect(pooled.squeeze().toArray()).toEqual([[6, 5], [3, 9]]);
    pooled.sum().backward();
    expect(x.grad!.ne(0).sum().item()).toBe(4);
  });
});
