import { describe, expect, it } from 'vitest';
import { arange, tensor } from '../create';
import { gradcheck, randomTensor } from '../testing/gradcheck';

describe('reductions', () => {
  const x = arange(6).reshape([2, 3]);

  it('sum() and mean() reduce all dimensions by default, or the given ones', () => {
    expect(x.sum().item()).toBe(15);
    expect(x.sum(0).toArray()).toEqual([3, 5, 7]);
    expect(x.sum(-1, true).toArray()).toEqual([[3], [12]]);
    expect(x.mean().item()).toBe(2.5);
    expect(x.mean([0, 1], true).shape).toEqual([1, 1]);
  });

  it('max() and min() reduce like torch.amax and torch.amin', () => {
    expect(x.max().item()).toBe(5);
    expect(x.max(1).toArray()).toEqual([2, 5]);
    expect(x.min(0).toArray()).toEqual([0, 1, 2]);
  });

  it('max() shares the gradient among tied maxima', () => {
    const t = tensor([1, 3, 3], { requiresGrad: true });
    t.max().backward();
    expect(t.grad?.toArray()).toEqual([0, 0.5, 0.5]);
  });

  it('argmax() gives the first index of the maximum', () => {
    expect(tensor([[1, 5, 5], [7, 0, 2]]).argmax(1).toArray()).toEqual([1, 0]);
    expect(tensor([[1, 5], [7, 0]]).argmax().item()).toBe(2);
    expect(tensor([[1, 5], [7, 0]]).argmax(0, true).toArray()).toEqual([[1, 0]]);
  });

  it('norm() is the Euclidean norm', () => {
    expect(tensor([3, 4]).norm().item()).toBe(5);
  });

  it('mean(), min() and norm() gradients match finite differences', () => {
    expect(gradcheck((t) => t.mean(1), [randomTensor([3, 4], 1)])).toBeLessThanOrEqual(1e-6);
    expect(gradcheck((t) => t.min(0), [randomTensor([3, 4], 2)])).toBeLessThanOrEqual(1e-6);
    expect(gradcheck((t) => t.norm(), [randomTensor([5], 3)])).toBeLessThanOrEqual(1e-6);
  });

  it('sum() reports a dimension out of range', () => {
    expect(() => x.sum(2)).toThrow('sum: Dimension out of range (expected to be in range of [-2, 1], but got 2)');
  });
});
