import { describe, expect, it } from 'vitest';
import { binaryCrossEntropyWithLogits, crossEntropy, mseLoss, oneHot } from './losses';
import { tensor } from '../create';

describe('losses', () => {
  it('mseLoss() averages squared errors; sum and none reductions', () => {
    const input = tensor([1, 2, 4]);
    const target = tensor([1, 0, 1]);
    expect(mseLoss(input, target).item()).toBeCloseTo(13 / 3, 6);
    expect(mseLoss(input, target, { reduction: 'sum' }).item()).toBe(13);
    expect(mseLoss(input, target, { reduction: 'none' }).toArray()).toEqual([0, 4, 9]);
    expect(() => mseLoss(tensor([[1], [2]]), tensor([1, 2]))).toThrow('mseLoss: target size [2] must be the same as input size [2, 1]');
  });

  it('crossEntropy() of equal logits over two classes is log 2', () => {
    expect(crossEntropy(tensor([[0, 0], [5, 5]]), tensor([0, 1])).item()).toBeCloseTo(Math.LN2, 6);
    expect(crossEntropy(tensor([3, 3]), tensor(1)).item()).toBeCloseTo(Math.LN2, 6);
  });

  it('crossEntropy() gradient is softmax minus one-hot, divided by N', () => {
    const logits = tensor([[0, Math.log(3)]], { requiresGrad: true, dtype: 'float64' });
    crossEntropy(logits, tensor([1])).backward();
    expect(logits.grad?.data[0]).toBeCloseTo(0.25, 12);
    expect(logits.grad?.data[1]).toBeCloseTo(-0.25, 12);
  });

  it('crossEntropy() checks class indices and shapes', () => {
    expect(() => crossEntropy(tensor([[1, 2, 3]]), tensor([3]))).toThrow('crossEntropy: target 3 is out of bounds for 3 classes');
    expect(() => crossEntropy(tensor([[1, 2, 3]]), tensor([0, 1]))).toThrow('crossEntropy: expected target of shape [1] (class indices) or [1, 3] (probabilities), got [2]');
    expect(() => crossEntropy(tensor([[[1]]]), tensor([0]))).toThrow('crossEntropy: expected input of shape (N, C) or (C)');
  });

  it('binaryCrossEntropyWithLogits() is log 2 at 0, with gradient sigmoid(x) - y there', () => {
    const x = tensor([0, 0], { requiresGrad: true });
    const loss = binaryCrossEntropyWithLogits(x, tensor([1, 0]));
    expect(loss.item()).toBeCloseTo(Math.LN2, 6);
    loss.backward();
    expect(x.grad?.toArray()).toEqual([-0.25, 0.25]);
  });

  it('binaryCrossEntropyWithLogits() stays finite for huge logits', () => {
    const loss = binaryCrossEntropyWithLogits(tensor([1000, -1000]), tensor([0, 1]), { reduction: 'none' });
    expect(loss.toArray()).toEqual([1000, 1000]);
  });

  it('oneHot() marks class indices', () => {
    expect(oneHot(tensor([2, 0]), 3).toArray()).toEqual([[0, 0, 1], [1, 0, 0]]);
    expect(() => oneHot(tensor([1.5]), 3)).toThrow('oneHot: target 1.5 is out of bounds for 3 classes');
  });
});
