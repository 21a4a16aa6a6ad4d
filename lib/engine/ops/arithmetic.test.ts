import { describe, expect, it } from 'vitest';
import { add, clamp, eq, gt, maximum, minimum, where } from './arithmetic';
import { tensor } from '../create';
import { gradcheck, randomTensor } from '../testing/gradcheck';

describe('arithmetic', () => {
  it('add() takes numbers on either side in the tensor dtype', () => {
    const x = tensor([1, 2], { dtype: 'float64' });
    expect(add(x, 0.1).dtype).toBe('float64');
    expect(add(0.1, x).data[0]).toBe(1.1);
    expect(x.sub(1).toArray()).toEqual([0, 1]);
    expect(x.div(2).mul(3).toArray()).toEqual([1.5, 3]);
  });

  it('add() of float32 and float64 computes in float64', () => {
    expect(tensor([1]).add(tensor([1], { dtype: 'float64' })).dtype).toBe('float64');
  });

  it('maximum() splits the gradient equally on ties, as PyTorch does', () => {
    const a = tensor([1, 2, 3], { requiresGrad: true });
    const b = tensor([1, 0, 5], { requiresGrad: true });
    maximum(a, b).sum().backward();
    expect(a.grad?.toArray()).toEqual([0.5, 1, 0]);
    expect(b.grad?.toArray()).toEqual([0.5, 0, 1]);
  });

  it('minimum() and clamp() bound values', () => {
    expect(minimum(tensor([1, 5]), 3).toArray()).toEqual([1, 3]);
    expect(clamp(tensor([-2, 0.5, 3]), 0, 1).toArray()).toEqual([0, 0.5, 1]);
    expect(clamp(tensor([-2, 3]), undefined, 1).toArray()).toEqual([-2, 1]);
    expect(clamp(tensor([-2, 3]), 0).toArray()).toEqual([0, 3]);
    expect(clamp(tensor([-2, 0, 3, NaN]), 2, 1).toArray()).toEqual([1, 1, 1, NaN]); // max wins, NaN stays
  });

  it('clamp() passes the gradient at its bounds and none outside them, as PyTorch does', () => {
    const x = tensor([0, 3, 6, -1, 7], { dtype: 'float64', requiresGrad: true });
    clamp(x, 0, 6).sum().backward();
    expect(x.grad!.toArray()).toEqual([1, 1, 1, 0, 0]);
  });

  it('minimum(), clamp() and square() gradients match finite differences', () => {
    const b = randomTensor([3, 1], 2);
    expect(gradcheck((x) => minimum(x, b.detach().add(0.05)), [randomTensor([3, 4], 1)])).toBeLessThanOrEqual(1e-6);
    expect(gradcheck((x) => clamp(x, -1.05, 1.05), [randomTensor([10], 3)])).toBeLessThanOrEqual(1e-6);
    expect(gradcheck((x) => x.square(), [randomTensor([2, 3], 4)])).toBeLessThanOrEqual(1e-6);
  });

  it('eq() and gt() give 0/1 without gradient', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    const mask = gt(x, 1.5);
    expect(mask.toArray()).toEqual([0, 1, 1]);
    expect(mask.requiresGrad).toBe(false);
    expect(eq(x, tensor([1, 0, 3])).toArray()).toEqual([1, 0, 1]);
    expect(x.le(2).toArray()).toEqual([1, 1, 0]);
    expect(x.ne(2).toArray()).toEqual([1, 0, 1]);
  });

  it('where() picks from a or b and passes gradient only to the chosen one', () => {
    const a = tensor([1, 2, 3], { requiresGrad: true });
    const y = where(tensor([1, 0, 1]), a, 0);
    expect(y.toArray()).toEqual([1, 0, 3]);
    y.sum().backward();
    expect(a.grad?.toArray()).toEqual([1, 0, 1]);
  });
});
