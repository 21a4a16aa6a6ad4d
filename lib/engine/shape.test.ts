import { describe, expect, it } from 'vitest';
import { broadcastShapes, checkShape, normalizeDim, normalizeDims, reducedShape, stridesOf } from './shape';

describe('shape helpers', () => {
  it('broadcastShapes() follows NumPy rules', () => {
    expect(broadcastShapes('add', [256, 16], [16])).toEqual([256, 16]);
    expect(broadcastShapes('add', [3, 1], [1, 4])).toEqual([3, 4]);
    expect(broadcastShapes('add', [], [2, 3])).toEqual([2, 3]);
    expect(broadcastShapes('add', [5, 1, 3], [4, 1])).toEqual([5, 4, 3]);
  });

  it("broadcastShapes() throws PyTorch's message", () => {
    expect(() => broadcastShapes('add', [2, 3], [2, 4])).toThrow(
      'add: The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1',
    );
  });

  it('normalizeDim() accepts negative dimensions and rejects out-of-range ones', () => {
    expect(normalizeDim('sum', -1, 3)).toBe(2);
    expect(() => normalizeDim('sum', 3, 3)).toThrow('sum: Dimension out of range (expected to be in range of [-3, 2], but got 3)');
  });

  it('normalizeDims() sorts, de-duplicates and treats undefined and [] as all dimensions', () => {
    expect(normalizeDims('sum', [2, -3, 0], 3)).toEqual([0, 2]);
    expect(normalizeDims('sum', undefined, 2)).toEqual([0, 1]);
    expect(normalizeDims('sum', [], 2)).toEqual([0, 1]);
  });

  it('reducedShape() keeps size-1 dimensions with keepdim', () => {
    expect(reducedShape([2, 3, 4], [1], false)).toEqual([2, 4]);
    expect(reducedShape([2, 3, 4], [0, 2], true)).toEqual([1, 3, 1]);
  });

  it('stridesOf() gives row-major strides', () => {
    expect(stridesOf([2, 3, 4])).toEqual([12, 4, 1]);
  });

  it('checkShape() infers one -1 and reports an impossible shape', () => {
    expect(checkShape('reshape', [-1, 4], 12)).toEqual([3, 4]);
    expect(() => checkShape('reshape', [2, 5], 6)).toThrow("reshape: shape '[2, 5]' is invalid for input of size 6");
    expect(() => checkShape('zeros', [2, 1.5])).toThrow('invalid shape dimension 1.5');
  });
});
