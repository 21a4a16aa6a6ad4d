import { describe, expect, it } from 'vitest';
import { Tensor } from './tensor';
import { arange, tensor, zeros } from './create';

describe('Tensor', () => {
  it('Tensor() checks that the data fits the shape', () => {
    expect(() => new Tensor(new Float32Array(5), [2, 3])).toThrow('Tensor: shape [2, 3] needs 6 elements, got 5');
  });

  it('item() needs exactly one element', () => {
    expect(tensor([[2.5]]).item()).toBe(2.5);
    expect(() => tensor([1, 2]).item()).toThrow('item: a Tensor with 2 elements cannot be converted to a number');
  });

  it('size(), numel(), ndim and isLeaf describe the tensor', () => {
    const x = arange(6).reshape([2, 3]);
    expect(x.size()).toEqual([2, 3]);
    expect(x.size(-1)).toBe(3);
    expect(x.numel()).toBe(6);
    expect(x.ndim).toBe(2);
    expect(x.isLeaf).toBe(true);
    const y = tensor([1], { requiresGrad: true }).mul(2);
    expect(y.isLeaf).toBe(false);
    expect(y.gradFn?.name).toBe('mul');
  });

  it('detach() shares data and leaves the graph; clone() copies', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const d = x.detach();
    expect(d.data).toBe(x.data);
    expect(d.requiresGrad).toBe(false);
    const c = x.clone();
    expect(c.data).not.toBe(x.data);
    expect(c.toArray()).toEqual([1, 2]);
  });

  it('to() converts between float32 and float64', () => {
    const x = tensor([0.1]);
    expect(x.to('float32')).toBe(x);
    const y = x.to('float64');
    expect(y.dtype).toBe('float64');
    expect(y.item()).toBe(Math.fround(0.1));
  });

  it('toString() prints like PyTorch', () => {
    // PyTorch 1.13's repr of the same tensors; format.test.ts has the full set.
    expect(String(tensor([[1, 2], [3, 4]]))).toBe('tensor([[1., 2.],\n        [3., 4.]])');
    expect(String(tensor([0.5, -1.25], { requiresGrad: true }))).toBe('tensor([ 0.5000, -1.2500], requires_grad=True)');
    expect(String(tensor([1, 2], { requiresGrad: true }).mul(2))).toBe('tensor([2., 4.], grad_fn=<MulBackward0>)');
    expect(String(tensor(3, { dtype: 'float64' }))).toBe('tensor(3., dtype=torch.float64)');
    expect(String(zeros([1000, 1000]))).toContain('...');
    expect(String(tensor([1e-5, Infinity, NaN]))).toBe('tensor([1.0000e-05,        inf,        nan])');
  });
});
