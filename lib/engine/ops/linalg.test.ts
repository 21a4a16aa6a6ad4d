import { describe, expect, it } from 'vitest';
import { linear, matmul } from './linalg';
import { tensor, zeros } from '../create';
import { Rng } from '../../random';

describe('matmul()', () => {
  const a = tensor([[1, 2], [3, 4]]);

  it('matmul() multiplies matrices, vectors and batches as torch.matmul does', () => {
    expect(matmul(a, tensor([[0, 1], [1, 0]])).toArray()).toEqual([[2, 1], [4, 3]]);
    expect(matmul(a, tensor([1, 1])).toArray()).toEqual([3, 7]);
    expect(matmul(tensor([1, 1]), a).toArray()).toEqual([4, 6]);
    expect(matmul(tensor([1, 2]), tensor([3, 4])).toArray()).toBe(11);
    expect(matmul(zeros([5, 2, 3, 4]), zeros([4, 6])).shape).toEqual([5, 2, 3, 6]);
    expect(matmul(zeros([2, 3, 4]), zeros([5, 1, 4, 6])).shape).toEqual([5, 2, 3, 6]);
  });

  it('matmul() gives bitwise equal rows for equal rows of the left matrix, whatever their position', () => {
    // 32 rows: blocks of three and a remainder of two, which once summed in another order.
    const rng = new Rng(3);
    const row = Array.from({ length: 37 }, () => rng.normal());
    const left = tensor(Array.from({ length: 32 }, () => row));
    const right = tensor(Array.from({ length: 37 }, () => Array.from({ length: 5 }, () => rng.normal())));
    const rows = matmul(left, right).toArray() as number[][];
    for (const r of rows) expect(r).toEqual(rows[0]);
  });

  it("matmul() reports mismatched shapes in PyTorch's words", () => {
    expect(() => matmul(zeros([4, 3]), zeros([4, 5]))).toThrow('matmul: mat1 and mat2 shapes cannot be multiplied (4x3 and 4x5)');
  });
});

describe('linear()', () => {
  it('linear() computes x W^T + b over leading dimensions', () => {
    const w = tensor([[1, 0, 1], [0, 1, 0]]);
    expect(linear(tensor([1, 2, 3]), w, tensor([10, 20])).toArray()).toEqual([14, 22]);
    expect(linear(zeros([4, 5, 3]), w).shape).toEqual([4, 5, 2]);
  });

  it("linear() reports mismatched shapes in PyTorch's words", () => {
    expect(() => linear(zeros([4, 3]), zeros([16, 5]))).toThrow('linear: mat1 and mat2 shapes cannot be multiplied (4x3 and 5x16)');
    expect(() => linear(zeros([4, 5]), zeros([16, 5]), zeros([3]))).toThrow('linear: expected bias of shape [16], got [3]');
  });
});
