import { describe, expect, it } from 'vitest';
import { BatchNorm2d } from './normalization';
import { Sequential } from './layers';
import { randomTensor } from '../testing/gradcheck';
import { tensor } from '../create';

describe('nn.BatchNorm2d', () => {
  it("BatchNorm2d holds weight and bias (parameters) and running_mean and running_var (buffers) under PyTorch's names", () => {
    const model = new Sequential(new BatchNorm2d(3));
    expect(model.namedParameters().map(([name, t]) => [name, t.toArray()])).toEqual([['0.weight', [1, 1, 1]], ['0.bias', [0, 0, 0]]]);
    expect(model.namedBuffers().map(([name, t]) => [name, t.toArray()])).toEqual([['0.running_mean', [0, 0, 0]], ['0.running_var', [1, 1, 1]]]);
    const bare = new BatchNorm2d(3, { affine: false, trackRunningStats: false });
    expect(bare.namedParameters()).toEqual([]);
    expect(bare.namedBuffers()).toEqual([]);
  });

  it('BatchNorm2d updates running statistics in training mode only, and uses them in eval mode', () => {
    const bn = new BatchNorm2d(2, { dtype: 'float64' });
    const x = randomTensor([4, 2, 3, 3], 1, 0, 4);
    const trained = bn.forward(x);
    expect(bn.numBatchesTracked).toBe(1);
    const mean = (bn.runningMean!.toArray() as number[]).map((m) => m / 0.1); // running = 0.9 · 0 + 0.1 · batch mean
    expect(mean[0]).toBeCloseTo(x.narrow(1, 0, 1).mean().item(), 14);
    bn.eval();
    const before = bn.runningMean!.toArray();
    const evaluated = bn.forward(x);
    expect(bn.runningMean!.toArray()).toEqual(before);
    expect(bn.numBatchesTracked).toBe(1);
    expect(evaluated.toArray()).not.toEqual(trained.toArray());
  });

  it('BatchNorm2d with momentum null averages all batches so far equally (PyTorch: 1 / num_batches_tracked)', () => {
    const bn = new BatchNorm2d(1, { momentum: null, dtype: 'float64' });
    for (const shift of [0, 3, 9]) bn.forward(tensor([[[[1 + shift, 3 + shift]]], [[[5 + shift, 7 + shift]]]], { dtype: 'float64' }));
    expect(bn.runningMean!.item()).toBeCloseTo((4 + 7 + 13) / 3, 14);
    expect(bn.runningVar!.item()).toBeCloseTo(20 / 3, 14); // the same unbiased variance each batch
  });

  it('BatchNorm2d without running statistics normalises with the batch in eval mode too', () => {
    const bn = new BatchNorm2d(2, { trackRunningStats: false, affine: false }).eval();
    const y = bn.forward(randomTensor([3, 2, 2, 2], 2, 5, 9));
    expect(Math.abs(y.narrow(1, 1, 1).mean().item())).toBeLessThan(1e-6);
  });

  it("BatchNorm2d refuses inputs PyTorch 1.13 refuses, in its words", () => {
    const bn = new BatchNorm2d(3);
    expect(() => bn.forward(randomTensor([3, 4, 4], 1))).toThrow('BatchNorm2d: expected 4D input (got 3D input)');
    expect(() => bn.forward(randomTensor([2, 2, 4, 4], 1))).toThrow('batchNorm: running_mean should contain 2 elements not 3');
    expect(() => bn.forward(randomTensor([1, 3, 1, 1], 1))).toThrow('batchNorm: Expected more than 1 value per channel when training, got input size [1, 3, 1, 1]');
    expect(bn.eval().forward(randomTensor([1, 3, 1, 1], 1)).shape).toEqual([1, 3, 1, 1]);
  });
});
