import { describe, expect, it } from 'vitest';
import { avgPool2d, conv2d, maxPool2d } from './convolution';
import { tensor } from '../create';
import { Tensor } from '../tensor';
import { randomTensor } from '../testing/gradcheck';

/** conv2d as the textbook's seven loops, in float64: the independent reference for dilated convolutions. */
function referenceConv(x: Tensor, w: Tensor, stride: number, padding: number, dilation: number): Float64Array {
  const [N, C, H, W] = x.shape as number[] as [number, number, number, number];
  const [F, , KH, KW] = w.shape as number[] as [number, number, number, number];
  const OH = Math.floor((H + 2 * padding - dilation * (KH - 1) - 1) / stride) + 1;
  const OW = Math.floor((W + 2 * padding - dilation * (KW - 1) - 1) / stride) + 1;
  const out = new Float64Array(N * F * OH * OW);
  for (let n = 0; n < N; n++)
    for (let f = 0; f < F; f++)
      for (let oh = 0; oh < OH; oh++)
        for (let ow = 0; ow < OW; ow++) {
          let s = 0;
          for (let c = 0; c < C; c++)
            for (let kh = 0; kh < KH; kh++)
              for (let kw = 0; kw < KW; kw++) {
                const ih = oh * stride + kh * dilation - padding;
                const iw = ow * stride + kw * dilation - padding;
                if (ih >= 0 && ih < H && iw >= 0 && iw < W) s += w.data[((f * C + c) * KH + kh) * KW + kw]! * x.data[((n * C + c) * H + ih) * W + iw]!;
              }
          out[((n * F + f) * OH + oh) * OW + ow] = s;
        }
  return out;
}

describe('conv2d()', () => {
  it('conv2d() applies dilation: values and gradients match finite differences of a direct-loop reference', () => {
    for (const [stride, padding, dilation] of [[1, 0, 2], [2, 1, 2], [1, 2, 3], [2, 0, 3]] as const) {
      const x = randomTensor([2, 2, 9, 8], stride * 10 + dilation);
      const w = randomTensor([3, 2, 3, 2], padding + 5);
      const y = conv2d(x, w, null, { stride, padding, dilation });
      const expected = referenceConv(x, w, stride, padding, dilation);
      y.data.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 10));
      const dy = randomTensor(y.shape, 3);
      y.backward(dy.detach());
      // d/dt sum(ref(x, w) * dy), by central differences of the reference.
      const loss = () => referenceConv(x, w, stride, padding, dilation).reduce((s, v, i) => s + v * dy.data[i]!, 0);
      for (const t of [x, w]) {
        let diff = 0;
        let norm = 0;
        t.data.forEach((saved, i) => {
          t.data[i] = saved + 1e-6;
          const up = loss();
          t.data[i] = saved - 1e-6;
          const down = loss();
          t.data[i] = saved;
          const numeric = (up - down) / 2e-6;
          diff += (t.grad!.data[i]! - numeric) ** 2;
          norm += numeric ** 2;
        });
        expect(Math.sqrt(diff / norm)).toBeLessThanOrEqual(1e-6);
      }
    }
  });

  it('conv2d() computes a hand-worked example with bias and padding', () => {
    const x = tensor([[[[1, 2], [3, 4]]]]);
    const w = tensor([[[[1, 0], [0, -1]]]]);
    expect(conv2d(x, w, tensor([10]), { padding: 1 }).toArray()).toEqual([[[[9, 8, 10], [7, 7, 12], [10, 13, 14]]]]);
  });

  it('conv2d() accepts unbatched (C, H, W) input', () => {
    const w = randomTensor([4, 3, 3, 3], 1);
    expect(conv2d(randomTensor([3, 8, 8], 2), w).shape).toEqual([4, 6, 6]);
  });

  it("conv2d() reports shape errors like PyTorch's", () => {
    const w = randomTensor([8, 3, 3, 3], 1);
    expect(() => conv2d(randomTensor([1, 4, 8, 8], 2), w)).toThrow('conv2d: expected 3 input channels, got 4');
    expect(() => conv2d(randomTensor([8, 8], 2), w)).toThrow('conv2d: expected a 3-D (unbatched) or 4-D (batched) input, got input of size [8, 8]');
    expect(() => conv2d(randomTensor([1, 3, 2, 2], 2), w)).toThrow('conv2d: padded input size per channel (2x2) is smaller than the kernel size (3x3)');
    expect(() => conv2d(randomTensor([1, 3, 5, 5], 2), w, randomTensor([4], 3))).toThrow('conv2d: expected bias of shape [8], got [4]');
    expect(() => conv2d(randomTensor([1, 3, 5, 5], 2), w, null, { stride: 0 })).toThrow('conv2d: stride must be integers >= 1, got 0');
  });
});

describe('pooling', () => {
  const x = tensor([[[[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]]]]);

  it('maxPool2d() takes window maxima and routes gradients to them', () => {
    const input = x.clone();
    input.requiresGrad = true;
    const y = maxPool2d(input, 2);
    expect(y.toArray()).toEqual([[[[6, 8], [14, 16]]]]);
    y.sum().backward();
    expect(input.grad?.toArray()).toEqual([[[[0, 0, 0, 0], [0, 1, 0, 1], [0, 0, 0, 0], [0, 1, 0, 1]]]]);
  });

  it('maxPool2d() pads with -infinity and accepts stride and dilation', () => {
    expect(maxPool2d(x.neg(), 2, { stride: 2, padding: 1 }).toArray()).toEqual([[[[-1, -2, -4], [-5, -6, -8], [-13, -14, -16]]]]);
    expect(maxPool2d(x, 2, { stride: 1, dilation: 2 }).toArray()).toEqual([[[[11, 12], [15, 16]]]]);
  });

  it('avgPool2d() counts zero padding, as PyTorch does by default', () => {
    expect(avgPool2d(x, 2).toArray()).toEqual([[[[3.5, 5.5], [11.5, 13.5]]]]);
    expect(avgPool2d(x, 2, { stride: 2, padding: 1 }).toArray()).toEqual([[[[0.25, 1.25, 1], [3.5, 8.5, 5], [3.25, 7.25, 4]]]]);
  });

  it('pools accept unbatched input and reject oversized padding', () => {
    expect(maxPool2d(randomTensor([3, 6, 6], 1), 2).shape).toEqual([3, 3, 3]);
    expect(() => maxPool2d(x, 2, { padding: 2 })).toThrow('maxPool2d: pad should be at most half of effective kernel size');
  });
});
