import { describe, expect, it } from 'vitest';
import { Rng } from './random';
import { arange, eye, full, linspace, ones, onesLike, rand, randn, tensor, zeros, zerosLike } from './create';

describe('creation', () => {
  it('tensor() takes nested arrays, numbers and typed arrays', () => {
    const x = tensor([[1, 2], [3, 4]], { requiresGrad: true });
    expect(x.shape).toEqual([2, 2]);
    expect(x.dtype).toBe('float32');
    expect(x.requiresGrad).toBe(true);
    expect(x.toArray()).toEqual([[1, 2], [3, 4]]);
    expect(tensor(5).shape).toEqual([]);
    expect(tensor(5).item()).toBe(5);
    expect(tensor(new Float64Array([1, 2, 3])).dtype).toBe('float32');
    expect(tensor([1, 2], { dtype: 'float64' }).data).toBeInstanceOf(Float64Array);
    expect(tensor([]).shape).toEqual([0]);
  });

  it('tensor() rejects ragged arrays', () => {
    expect(() => tensor([[1, 2], [3]])).toThrow('tensor: expected a sequence of length 2 at dimension 1, got 1');
    expect(() => tensor([[1, 2], 3])).toThrow('expected a sequence of length 2 at dimension 1, got a number');
  });

  it('zeros(), ones(), full(), zerosLike() and onesLike() fill', () => {
    expect(zeros([2]).toArray()).toEqual([0, 0]);
    expect(ones([1, 2]).toArray()).toEqual([[1, 1]]);
    expect(full([2], 7, { dtype: 'float64' }).toArray()).toEqual([7, 7]);
    const x = full([3], 2, { dtype: 'float64' });
    expect(zerosLike(x).dtype).toBe('float64');
    expect(onesLike(x).toArray()).toEqual([1, 1, 1]);
  });

  it('randn() and rand() repeat with the same seed', () => {
    expect(randn([5], new Rng(3)).toArray()).toEqual(randn([5], new Rng(3)).toArray());
    expect(rand([5], new Rng(3)).toArray()).toEqual(rand([5], new Rng(3)).toArray());
    expect(randn([5], new Rng(3)).toArray()).not.toEqual(randn([5], new Rng(4)).toArray());
  });

  it('randn() draws mean 0 and variance 1; rand() draws from [0, 1)', () => {
    const x = randn([20_000], new Rng(1), { dtype: 'float64' });
    const mean = x.mean().item();
    expect(mean).toBeCloseTo(0, 1);
    expect(x.sub(mean).square().mean().item()).toBeCloseTo(1, 1);
    const u = rand([1000], new Rng(2));
    expect(u.min().item()).toBeGreaterThanOrEqual(0);
    expect(u.max().item()).toBeLessThan(1);
  });

  it('arange(), linspace() and eye() match PyTorch', () => {
    expect(arange(4).toArray()).toEqual([0, 1, 2, 3]);
    expect(arange(1, 2, 0.25).toArray()).toEqual([1, 1.25, 1.5, 1.75]);
    expect(arange(3, 0, -1).toArray()).toEqual([3, 2, 1]);
    expect(linspace(0, 1, 5).toArray()).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(linspace(2, 3, 1).toArray()).toEqual([2]);
    expect(eye(2).toArray()).toEqual([[1, 0], [0, 1]]);
  });
});
