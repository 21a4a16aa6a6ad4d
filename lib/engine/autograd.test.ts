import { describe, expect, it } from 'vitest';
import { isGradEnabled, noGrad } from './autograd';
import { ones, tensor, zeros } from './create';
import type { Tensor } from './tensor';

describe('backward()', () => {
  it('backward() accumulates a value used twice: a = 1, b = a + a, c = b + b gives dc/da = 4', () => {
    const a = tensor(1, { requiresGrad: true });
    const b = a.add(a);
    const c = b.add(b);
    c.backward();
    expect(a.grad?.item()).toBe(4);
  });

  it('backward() sums gradients over every path (d/dx of x*x + x is 2x + 1)', () => {
    const x = tensor([3, -1], { requiresGrad: true });
    x.mul(x).add(x).sum().backward();
    expect(x.grad?.toArray()).toEqual([7, -1]);
  });

  it('backward() through a chain of 100,000 ops does not overflow the stack', () => {
    const x = tensor(0.5, { requiresGrad: true, dtype: 'float64' });
    let y = x;
    for (let i = 0; i < 100_000; i++) y = y.mul(1.00001);
    y.backward();
    expect(x.grad?.item()).toBeCloseTo(1.00001 ** 100_000, 6);
  });

  it('backward() accumulates into .grad across calls until it is reset', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const gradOf = (t: Tensor) => t.grad?.toArray();
    x.mul(3).sum().backward();
    x.mul(3).sum().backward();
    expect(gradOf(x)).toEqual([6, 6]);
    x.grad = null;
    x.mul(3).sum().backward();
    expect(gradOf(x)).toEqual([3, 3]);
  });

  it('backward() gives each leaf its own .grad, even when a rule passes one gradient to both inputs', () => {
    const a = tensor([1, 2], { requiresGrad: true });
    const b = tensor([3, 4], { requiresGrad: true });
    a.add(b).sum().backward();
    expect(a.grad).not.toBe(b.grad);
    a.grad!.data[0] = 100;
    expect(b.grad?.toArray()).toEqual([1, 1]);
  });

  it('backward() sums a broadcast gradient back to the input shape', () => {
    const x = ones([3, 4], { requiresGrad: true });
    const bias = zeros([4], { requiresGrad: true });
    const row = zeros([3, 1], { requiresGrad: true });
    x.add(bias).add(row).sum().backward();
    expect(bias.grad?.toArray()).toEqual([3, 3, 3, 3]);
    expect(row.grad?.toArray()).toEqual([[4], [4], [4]]);
  });

  it('backward() takes dL/d(out) for a non-scalar output', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    x.mul(2).backward(tensor([1, 0, -1]));
    expect(x.grad?.toArray()).toEqual([2, 0, -2]);
  });

  it('backward() refuses a non-scalar output without a gradient, as PyTorch does', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    expect(() => x.mul(2).backward()).toThrow('grad can be implicitly created only for scalar outputs');
  });

  it('backward() refuses a tensor that does not require grad', () => {
    expect(() => tensor(1).backward()).toThrow('does not require grad');
  });

  it('backward() fills .grad of leaves only, unless retainGrad() is called', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const hidden = x.mul(2);
    const kept = x.mul(3).retainGrad();
    hidden.add(kept).sum().backward();
    expect(hidden.grad).toBeNull();
    expect(kept.grad?.toArray()).toEqual([1, 1]);
  });

  it('backward() stops at detach()', () => {
    const x = tensor([2], { requiresGrad: true });
    x.mul(x.detach()).sum().backward();
    expect(x.grad?.toArray()).toEqual([2]);
  });

  it('backward() gives a float32 leaf a float32 gradient through float64 ops', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    x.to('float64').mul(tensor([0.1, 0.2], { dtype: 'float64' })).sum().backward();
    expect(x.grad?.dtype).toBe('float32');
    expect(x.grad?.data[1]).toBeCloseTo(0.2, 6);
  });
});

describe('noGrad()', () => {
  it('noGrad() records nothing and restores recording afterwards, even on throw', () => {
    const x = tensor([1], { requiresGrad: true });
    const y = noGrad(() => x.mul(2));
    expect(y.requiresGrad).toBe(false);
    expect(y.gradFn).toBeNull();
    expect(() =>
      noGrad(() => {
        throw new Error('inside');
      }),
    ).toThrow('inside');
    expect(isGradEnabled()).toBe(true);
    expect(x.mul(2).gradFn?.name).toBe('mul');
  });
});
