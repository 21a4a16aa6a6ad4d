import { describe, expect, it } from 'vitest';
import { batchNorm } from './normalization';
import { ones, tensor, zeros } from '../create';
import type { Tensor } from '../tensor';
import { gradcheck, randomTensor } from '../testing/gradcheck';

/** Per channel of x (N, C, H, W): the values as one list. */
function channelValues(x: Tensor, c: number): number[] {
  const [N, C, H, W] = x.shape as [number, number, number, number];
  const out: number[] = [];
  for (let n = 0; n < N; n++) for (let i = 0; i < H * W; i++) out.push(x.data[(n * C + c) * H * W + i]!);
  return out;
}
const average = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;

describe('batchNorm()', () => {
  it('batchNorm() in training mode gives each channel mean 0 and (biased) variance 1, then scales and shifts', () => {
    const x = randomTensor([3, 2, 4, 5], 1, -3, 5).detach();
    const y = batchNorm(x, null, null, { training: true, eps: 0, weight: tensor([2, 3], { dtype: 'float64' }), bias: tensor([-1, 4], { dtype: 'float64' }) });
    [[2, -1], [3, 4]].forEach(([scale, shift], c) => {
      const v = channelValues(y, c).map((e) => (e - shift!) / scale!);
      expect(average(v)).toBeCloseTo(0, 14);
      expect(average(v.map((e) => e * e))).toBeCloseTo(1, 13);
      // And each value is (x − mean) / std of its channel.
      const raw = channelValues(x, c);
      const [m, s] = [average(raw), Math.sqrt(average(raw.map((e) => (e - average(raw)) ** 2)))];
      expect(v[7]).toBeCloseTo((raw[7]! - m) / s, 13);
    });
  });

  it('batchNorm() moves the running statistics by momentum, with the unbiased variance (n / (n − 1))', () => {
    const x = tensor([[[[1, 3]], [[2, 2]]], [[[5, 7]], [[2, 6]]]], { dtype: 'float64' }); // (2, 2, 1, 2): n = 4 per channel
    const [mean, variance] = [zeros([2], { dtype: 'float64' }), ones([2], { dtype: 'float64' })];
    batchNorm(x, mean, variance, { training: true, momentum: 0.25 });
    // Channel 0: 1, 3, 5, 7: mean 4, unbiased variance 20 / 3. Channel 1: 2, 2, 2, 6: mean 3, unbiased 12 / 3 = 4.
    expect(mean.toArray()).toEqual([0.25 * 4, 0.25 * 3]);
    expect((variance.toArray() as number[])[0]).toBeCloseTo(0.75 + (0.25 * 20) / 3, 15);
    expect((variance.toArray() as number[])[1]).toBeCloseTo(0.75 + 0.25 * 4, 15);
  });

  it('batchNorm() in evaluation mode uses the running statistics', () => {
    const x = tensor([[[[1, 3]], [[2, 6]]]], { dtype: 'float64' });
    const y = batchNorm(x, tensor([1, 2], { dtype: 'float64' }), tensor([4, 16], { dtype: 'float64' }), { eps: 0 });
    expect(y.toArray()).toEqual([[[[0, 1]], [[0, 1]]]]);
  });

  it('batchNorm() gradients for input, weight and bias match finite differences (training and evaluation)', () => {
    const [x, w, b] = [randomTensor([3, 2, 2, 3], 1), randomTensor([2], 2), randomTensor([2], 3)];
    expect(gradcheck((xi, wi, bi) => batchNorm(xi!, null, null, { training: true, weight: wi!, bias: bi! }), [x, w, b])).toBeLessThanOrEqual(1e-6);
    const [rm, rv] = [randomTensor([2], 4).detach(), randomTensor([2], 5, 0.5, 2).detach()];
    expect(gradcheck((xi, wi) => batchNorm(xi!, rm, rv, { weight: wi! }), [x, w])).toBeLessThanOrEqual(1e-6);
    // (N, C) and (N, C, L) inputs too.
    expect(gradcheck((xi) => batchNorm(xi!, null, null, { training: true }), [randomTensor([4, 3], 6)])).toBeLessThanOrEqual(1e-6);
  });

  it("batchNorm() refuses what PyTorch 1.13 refuses, in its words and order", () => {
    const x = randomTensor([2, 3, 2, 2], 1);
    expect(() => batchNorm(randomTensor([1, 3, 1, 1], 1), null, null, { training: true })).toThrow(
      'batchNorm: Expected more than 1 value per channel when training, got input size [1, 3, 1, 1]',
    );
    expect(() => batchNorm(x, null, null)).toThrow('batchNorm: running_mean must be defined in evaluation mode');
    expect(() => batchNorm(x, zeros([2]), ones([3]), { training: true })).toThrow('batchNorm: running_mean should contain 3 elements not 2');
    expect(() => batchNorm(x, zeros([3]), ones([2]), { training: true })).toThrow('batchNorm: running_var should contain 3 elements not 2');
    expect(() => batchNorm(x, null, null, { training: true, weight: ones([2]) })).toThrow('batchNorm: weight should contain 3 elements not 2');
    expect(() => batchNorm(randomTensor([3], 1), null, null, { training: true })).toThrow('batchNorm: expected an input (N, C, *) of 2 or more dimensions, got [3]');
  });
});
