import { describe, expect, it } from 'vitest';
import { cat, pad, stack } from './shaping';
import { arange, tensor, zeros } from '../create';

describe('shaping', () => {
  const x = arange(6).reshape([2, 3]);

  it('reshape() and view() share storage and infer -1', () => {
    const y = x.reshape([3, -1]);
    expect(y.shape).toEqual([3, 2]);
    expect(y.data).toBe(x.data);
    expect(x.view([6]).shape).toEqual([6]);
    expect(() => x.reshape([4, 2])).toThrow("reshape: shape '[4, 2]' is invalid for input of size 6");
  });

  it('flatten(), squeeze() and unsqueeze() move size-1 dimensions', () => {
    expect(zeros([2, 3, 4]).flatten(1).shape).toEqual([2, 12]);
    expect(zeros([2, 3, 4]).flatten().shape).toEqual([24]);
    expect(zeros([1, 3, 1]).squeeze().shape).toEqual([3]);
    expect(zeros([1, 3, 1]).squeeze(0).shape).toEqual([3, 1]);
    expect(zeros([3]).unsqueeze(-1).shape).toEqual([3, 1]);
  });

  it('permute(), transpose(), t() and mT reorder dimensions', () => {
    expect(x.t().toArray()).toEqual([[0, 3], [1, 4], [2, 5]]);
    expect(x.transpose(0, 1).toArray()).toEqual(x.t().toArray());
    expect(zeros([2, 3, 4]).permute(2, 0, 1).shape).toEqual([4, 2, 3]);
    expect(zeros([5, 2, 3]).mT.shape).toEqual([5, 3, 2]);
    expect(() => zeros([2, 3]).permute(0, 0)).toThrow('permute: dims [0, 0] are not a permutation');
  });

  it('expand() broadcasts size-1 dimensions', () => {
    expect(tensor([[1], [2]]).expand([2, 3]).toArray()).toEqual([[1, 1, 1], [2, 2, 2]]);
    expect(() => tensor([1, 2]).expand([3])).toThrow('expand');
  });

  it('narrow(), slice() and select() cut like Python indexing', () => {
    expect(x.narrow(1, 1, 2).toArray()).toEqual([[1, 2], [4, 5]]);
    expect(x.slice(1, -2).toArray()).toEqual([[1, 2], [4, 5]]);
    expect(x.slice(1, 0, 100).toArray()).toEqual(x.toArray());
    expect(x.slice(0, 1, 1).shape).toEqual([0, 3]);
    expect(x.select(0, -1).toArray()).toEqual([3, 4, 5]);
    expect(() => x.narrow(1, 2, 2)).toThrow('narrow: start (2) + length (2) exceeds dimension size (3)');
    expect(() => x.select(0, 2)).toThrow('select: index 2 out of range for dimension 0 with size 2');
  });

  it("pad() takes PyTorch's order (last dimension first) and crops with negative amounts", () => {
    expect(pad(tensor([[1, 2]]), [1, 0, 0, 1], 9).toArray()).toEqual([[9, 1, 2], [9, 9, 9]]);
    expect(pad(x, [-1, 0]).toArray()).toEqual([[1, 2], [4, 5]]);
    expect(() => pad(x, [1])).toThrow('pad: padding length must be even');
  });

  it('cat() and stack() join tensors', () => {
    expect(cat([x, x], 0).shape).toEqual([4, 3]);
    expect(cat([x, zeros([2, 1])], 1).toArray()).toEqual([[0, 1, 2, 0], [3, 4, 5, 0]]);
    expect(stack([tensor([1, 2]), tensor([3, 4])], 1).toArray()).toEqual([[1, 3], [2, 4]]);
    expect(() => cat([x, zeros([3, 2])], 1)).toThrow('cat: sizes of tensors must match except in dimension 1. Expected size 2 but got size 3 for tensor number 1 in the list');
    expect(() => stack([tensor([1]), tensor([1, 2])])).toThrow('stack: expects each tensor to be equal size');
  });
});
