import { describe, expect, it } from 'vitest';
import { adaptiveAvgPool2d, adaptiveMaxPool2d } from './adaptive-pooling';
import { avgPool2d, maxPool2d } from './convolution';
import { tensor } from '../create';
import { randomTensor } from '../testing/gradcheck';

/** Adaptive pooling by its definition: cell (i, j) covers rows floor(i H / OH) .. ceil((i + 1) H / OH) − 1, columns likewise. */
function referenceAdaptive(x: number[][], oh: number, ow: number, reduce: (v: number[]) => number): number[][] {
  const [H, W] = [x.length, x[0]!.length];
  return Array.from({ length: oh }, (_, i) =>
    Array.from({ length: ow }, (_, j) => {
      const cells: number[] = [];
      for (let h = Math.floor((i * H) / oh); h < Math.ceil(((i + 1) * H) / oh); h++)
        for (let w = Math.floor((j * W) / ow); w < Math.ceil(((j + 1) * W) / ow); w++) cells.push(x[h]![w]!);
      return reduce(cells);
    }),
  );
}

const meanOf = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
const maxOf = (v: number[]): number => Math.max(...v);

describe('adaptiveAvgPool2d() and adaptiveMaxPool2d()', () => {
  it('adaptive pools to 3x2 of a 5x7 input use overlapping windows (rows 0-1, 1-3, 3-4)', () => {
    const x = randomTensor([1, 1, 5, 7], 1);
    const grid = (x.toArray() as number[][][][])[0]![0]!;
    const avg = adaptiveAvgPool2d(x, [3, 2]).toArray() as number[][][][];
    const max = adaptiveMaxPool2d(x, [3, 2]).toArray() as number[][][][];
    referenceAdaptive(grid, 3, 2, meanOf).forEach((row, i) => row.forEach((v, j) => expect(avg[0]![0]![i]![j]).toBeCloseTo(v, 14)));
    expect(max[0]![0]).toEqual(referenceAdaptive(grid, 3, 2, maxOf));
  });

  it('adaptive pools to a size that divides the input equal the fixed pools with kernel = stride = H / H_out', () => {
    const x = randomTensor([2, 3, 8, 6], 2);
    expect(adaptiveAvgPool2d(x, [4, 3]).toArray()).toEqual(avgPool2d(x, 2).toArray());
    expect(adaptiveMaxPool2d(x, [2, 3]).toArray()).toEqual(maxPool2d(x, [4, 2]).toArray());
  });

  it('adaptive pools to a larger size repeat input cells; null keeps a dimension; one number is both', () => {
    const x = tensor([[[1, 2], [3, 4]]]);
    expect(adaptiveAvgPool2d(x, 3).toArray()).toEqual([[[1, 1.5, 2], [2, 2.5, 3], [3, 3.5, 4]]]);
    expect(adaptiveMaxPool2d(x, [1, null]).toArray()).toEqual([[[3, 4]]]);
    expect(adaptiveAvgPool2d(x, [0, 2]).shape).toEqual([1, 0, 2]);
  });

  it('adaptiveMaxPool2d() sends each gradient to the first maximum of its window, as PyTorch does', () => {
    const x = tensor([[[[5, 5, 1], [0, 5, 2]]]], { dtype: 'float64', requiresGrad: true });
    adaptiveMaxPool2d(x, [1, 1]).sum().backward();
    expect(x.grad!.toArray()).toEqual([[[[1, 0, 0], [0, 0, 0]]]]);
  });

  it("adaptive pools refuse bad inputs and sizes with PyTorch 1.13's words", () => {
    expect(() => adaptiveAvgPool2d(randomTensor([5, 5], 1), 2)).toThrow('adaptiveAvgPool2d: Expected 3D or 4D tensor, but got [5, 5]');
    expect(() => adaptiveMaxPool2d(randomTensor([1, 1, 5, 5], 1), [2, -3])).toThrow('adaptiveMaxPool2d: elements of output_size must be greater than or equal to 0 but received {2, -3}');
    expect(() => adaptiveAvgPool2d(randomTensor([1, 1, 0, 3], 1), 2)).toThrow(
      'adaptiveAvgPool2d: Expected input to have non-zero size for non-batch dimensions, but input has sizes [1, 1, 0, 3] with dimension 2 being empty',
    );
    expect(() => adaptiveAvgPool2d(randomTensor([1, 5, 5], 1), [2, 3, 4] as unknown as [number, number])).toThrow('adaptiveAvgPool2d: output_size must be 2');
    expect(() => adaptiveAvgPool2d(randomTensor([1, 5, 5], 1), 2.5)).toThrow('adaptiveAvgPool2d: output_size must be integers, got 2.5');
  });
});
