import { describe, expect, it } from 'vitest';
import { linear, matmul } from './linalg';
import { tensor, zeros } from '../create';
import { Rng } from '../random';

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

  it("matmul() reports mismatched shapes in PyTorch 1.13's words, which depend on the ranks", () => {
    // Each message as PyTorch 1.13 raised it for the same shapes (torch.matmul on torch.zeros).
    const cases: [number[], number[], string][] = [
      [[4, 3], [4, 5], 'mat1 and mat2 shapes cannot be multiplied (4x3 and 4x5)'],
      [[3], [4], 'inconsistent tensor size, expected tensor [3] and src [4] to have the same number of elements, but got 3 and 4 elements respectively'],
      [[3], [4, 5], 'mat1 and mat2 shapes cannot be multiplied (1x3 and 4x5)'],
      [[4, 3], [4], 'size mismatch, got 4, 4x3,4'],
      [[2, 4, 3], [4], 'size mismatch, got 8, 8x3,4'],
      [[2, 4, 3], [4, 5], 'mat1 and mat2 shapes cannot be multiplied (8x3 and 4x5)'],
      [[3, 2, 4, 3], [4, 5], 'mat1 and mat2 shapes cannot be multiplied (24x3 and 4x5)'],
      [[3], [2, 4, 5], 'size mismatch, got 10, 10x4,3'],
      [[4, 3], [2, 4, 5], 'mat1 and mat2 shapes cannot be multiplied (10x4 and 3x4)'],
      [[4, 3], [2, 3, 4, 5], 'mat1 and mat2 shapes cannot be multiplied (30x4 and 3x4)'],
      [[2, 4, 3], [2, 4, 5], 'Expected size for first two dimensions of batch2 tensor to be: [2, 3] but got: [2, 4].'],
      [[2, 1, 4, 3], [3, 4, 5], 'Expected size for first two dimensions of batch2 tensor to be: [6, 3] but got: [6, 4].'],
      [[2, 4, 3], [3, 4, 5], 'The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0'],
      [[2, 4, 3], [2, 3, 4, 5], 'The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 1'],
      [[], [4, 5], 'both arguments to matmul need to be at least 1D, but they are 0D and 2D'],
    ];
    for (const [a, b, message] of cases) expect(() => matmul(zeros(a), zeros(b)), `${a} @ ${b}`).toThrow(`matmul: ${message}`);
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
    expect(() => linear(zeros([2, 2, 4, 3]), zeros([16, 5]))).toThrow('linear: mat1 and mat2 shapes cannot be multiplied (16x3 and 5x16)');
    expect(() => linear(zeros([3]), zeros([16, 5]))).toThrow('linear: mat1 and mat2 shapes cannot be multiplied (1x3 and 5x16)');
    expect(() => linear(zeros([]), zeros([16, 5]))).toThrow('linear: both arguments to matmul need to be at least 1D, but they are 0D and 2D');
    expect(() => linear(zeros([4, 5]), zeros([16, 5]), zeros([3]))).toThrow('linear: expected bias of shape [16], got [3]');
  });
});
