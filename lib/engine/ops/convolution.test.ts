import { describe, expect, it } from 'vitest';
import { avgPool2d, conv2d, maxPool2d } from './convolution';
import { tensor, zeros } from '../create';
import { Tensor } from '../tensor';
import { randomTensor } from '../testing/gradcheck';
import { gradientError, referenceConv } from '../testing/reference';

describe('conv2d()', () => {
  it('conv2d() applies dilation: values and gradients match finite differences of a direct-loop reference', () => {
    for (const [stride, padding, dilation] of [[1, 0, 2], [2, 1, 2], [1, 2, 3], [2, 0, 3]] as const) {
      const x = randomTensor([2, 2, 9, 8], stride * 10 + dilation);
      const w = randomTensor([3, 2, 3, 2], padding + 5);
      const y = conv2d(x, w, null, { stride, padding, dilation });
      const reference = () => referenceConv(x, w, { stride, pads: [padding, padding, padding, padding], dilation }).data;
      const expected = reference();
      y.data.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 10));
      const dy = randomTensor(y.shape, 3);
      y.backward(dy.detach());
      // d/dt sum(ref(x, w) * dy), by central differences of the reference.
      const loss = () => reference().reduce((s, v, i) => s + v * dy.data[i]!, 0);
      for (const t of [x, w]) expect(gradientError(t, loss)).toBeLessThanOrEqual(1e-6);
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
    expect(() => conv2d(randomTensor([1, 4, 8, 8], 2), w)).toThrow(
      'conv2d: Given groups=1, weight of size [8, 3, 3, 3], expected input[1, 4, 8, 8] to have 3 channels, but got 4 channels instead',
    );
    expect(() => conv2d(randomTensor([8, 8], 2), w)).toThrow('conv2d: Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [8, 8]');
    expect(() => conv2d(randomTensor([1, 3, 2, 2], 2), w)).toThrow("conv2d: Calculated padded input size per channel: (2 x 2). Kernel size: (3 x 3). Kernel size can't be greater than actual input size");
    expect(() => conv2d(randomTensor([1, 3, 5, 5], 2), w, randomTensor([4], 3))).toThrow(
      'conv2d: Given weight of size [8, 3, 3, 3], expected bias to be 1-dimensional with 8 elements, but got bias of size [4] instead',
    );
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

  it('maxPool2d() gives -Infinity for a window that dilation puts wholly in the padding, and sends it no gradient (as PyTorch 1.13)', () => {
    const input = tensor([[[[1, 2, 3], [4, 5, 6], [7, 8, 9]]]], { dtype: 'float64', requiresGrad: true });
    // Kernel 2, dilation 4, padding 1: the window's rows and columns are -1 and 3, all outside 0..2.
    const y = maxPool2d(input, 2, { stride: 2, padding: 1, dilation: 4 });
    expect(y.toArray()).toEqual([[[[-Infinity]]]]);
    y.backward(tensor([[[[1]]]], { dtype: 'float64' }));
    expect(input.grad!.toArray()).toEqual([[[[0, 0, 0], [0, 0, 0], [0, 0, 0]]]]);
    // Rows -1 and 5 of a 5-row input: only the corners of a 5x5 input are ever inside a window.
    const x5 = tensor(Array.from({ length: 5 }, (_, i) => Array.from({ length: 5 }, (_, j) => 5 * i + j + 1)), { dtype: 'float64', requiresGrad: true });
    const z = maxPool2d(x5.unsqueeze(0), 2, { stride: 1, padding: 1, dilation: 5 });
    expect(z.toArray()).toEqual([[[25, 21], [5, 1]]]);
    const rows = maxPool2d(x5.unsqueeze(0), 2, { stride: [4, 1], padding: 1, dilation: [6, 1] });
    expect(rows.toArray()).toEqual([[Array.from({ length: 6 }, () => -Infinity)]]);
  });

  it('avgPool2d() counts zero padding, as PyTorch does by default', () => {
    expect(avgPool2d(x, 2).toArray()).toEqual([[[[3.5, 5.5], [11.5, 13.5]]]]);
    expect(avgPool2d(x, 2, { stride: 2, padding: 1 }).toArray()).toEqual([[[[0.25, 1.25, 1], [3.5, 8.5, 5], [3.25, 7.25, 4]]]]);
  });

  it('avgPool2d() with countIncludePad false divides by the cells inside the input only', () => {
    expect(avgPool2d(x, 2, { stride: 2, padding: 1, countIncludePad: false }).toArray()).toEqual([[[[1, 2.5, 4], [7, 8.5, 10], [13, 14.5, 16]]]]);
  });

  it('pools accept unbatched input and reject oversized padding', () => {
    expect(maxPool2d(randomTensor([3, 6, 6], 1), 2).shape).toEqual([3, 3, 3]);
    // PyTorch 1.13's words: each padding against half its own kernel, height first.
    expect(() => maxPool2d(x, 2, { padding: 2 })).toThrow('maxPool2d: pad should be at most half of kernel size, but got pad=2 and kernel_size=2');
    expect(() => avgPool2d(x, [4, 2], { padding: [2, 2] })).toThrow('avgPool2d: pad should be at most half of kernel size, but got pad=2 and kernel_size=2');
    expect(() => maxPool2d(x, [3, 2], { padding: [2, 2], dilation: 3 })).toThrow('maxPool2d: pad should be at most half of kernel size, but got pad=2 and kernel_size=3');
    // Dilation plays no part in 1.13's check: a dilated kernel of 2 spans 4, and padding 2 is still refused.
    expect(() => maxPool2d(x, 2, { padding: [0, 2], dilation: 3 })).toThrow('maxPool2d: pad should be at most half of kernel size, but got pad=2 and kernel_size=2');
  });

  it("pools refuse an input too small for one window in PyTorch 1.13's words, the output size rounded as ceilMode says", () => {
    expect(() => maxPool2d(zeros([1, 1, 2, 2]), 3)).toThrow('maxPool2d: Given input size: (1x2x2). Calculated output size: (1x0x0). Output size is too small');
    expect(() => avgPool2d(zeros([1, 1, 2, 2]), 3)).toThrow('avgPool2d: Given input size: (1x2x2). Calculated output size: (1x0x0). Output size is too small');
    // (1 − 4 (5 − 1) − 1 + 3 − 1) / 3 rounds down to −5, plus 1: −4 (PyTorch 1.13, F.max_pool2d on a (2, 11, 1) input).
    expect(() => maxPool2d(zeros([2, 11, 1]), [6, 5], { stride: [4, 3], padding: [3, 0], dilation: [2, 4], ceilMode: true })).toThrow(
      'maxPool2d: Given input size: (2x11x1). Calculated output size: (2x3x-4). Output size is too small',
    );
  });
});

/** Pooling by its definition, one window at a time, over the output size the engine chose. */
function referencePool(x: Tensor, mode: 'max' | 'avg', k: number, s: number, p: number, [OH, OW]: number[]): Float64Array {
  const [NC, H, W] = [x.shape[0]! * x.shape[1]!, x.shape[2]!, x.shape[3]!];
  const out = new Float64Array(NC * OH! * OW!);
  for (let c = 0; c < NC; c++)
    for (let oh = 0; oh < OH!; oh++)
      for (let ow = 0; ow < OW!; ow++) {
        const [top, left] = [oh * s - p, ow * s - p];
        // The window, clipped to the padded input [−p, H + p): its size is the average's divisor.
        const [bottom, right] = [Math.min(top + k, H + p), Math.min(left + k, W + p)];
        let best = -Infinity;
        let sum = 0;
        for (let i = top; i < bottom; i++)
          for (let j = left; j < right; j++) {
            const v = i >= 0 && i < H && j >= 0 && j < W ? x.data[(c * H + i) * W + j]! : mode === 'max' ? -Infinity : 0;
            best = Math.max(best, v);
            sum += v;
          }
        out[(c * OH! + oh) * OW! + ow] = mode === 'max' ? best : sum / ((bottom - top) * (right - left));
      }
  return out;
}

describe('pooling with ceilMode (PyTorch ceil_mode=True)', () => {
  const x = tensor([[[[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]]]]);

  it('ceilMode keeps the last, partial window; the average divides by the part of it inside the padding', () => {
    expect(maxPool2d(x, 3, { stride: 2 }).toArray()).toEqual([[[[11]]]]);
    expect(maxPool2d(x, 3, { stride: 2, ceilMode: true }).toArray()).toEqual([[[[11, 12], [15, 16]]]]);
    // Windows of 3×3, 3×2, 2×3 and 2×2 input cells.
    expect(avgPool2d(x, 3, { stride: 2, ceilMode: true }).toArray()).toEqual([[[[54 / 9, 45 / 6], [72 / 6, 54 / 4]]]]);
  });

  it('ceilMode drops a last window that would start in the right padding', () => {
    // (5 + 2 − 2) / 2 = 2.5 rounds up to 3, so 4 windows; the fourth would start at row 6 = H + p: dropped.
    expect(maxPool2d(randomTensor([1, 5, 5], 1), 2, { stride: 2, padding: 1, ceilMode: true }).shape).toEqual([1, 3, 3]);
    // A 1 × 1 input still gives one window of 2 × 2, as in PyTorch.
    expect(maxPool2d(tensor([[[7]]]), 2, { ceilMode: true }).toArray()).toEqual([[[7]]]);
  });

  it("ceilMode reproduces GoogLeNet's published sizes 112 → 56 → 28 → 14 → 7 (Szegedy et al. 2014, table 1)", () => {
    const sizes = [112];
    for (const [k, s] of [[3, 2], [3, 2], [3, 2], [2, 2]] as const) {
      const h = sizes.at(-1)!;
      sizes.push(maxPool2d(randomTensor([1, h, h], h), k, { stride: s, ceilMode: true }).shape[1]!);
    }
    expect(sizes).toEqual([112, 56, 28, 14, 7]);
    // Rounding down instead would give 55 after the first pool.
    expect(maxPool2d(randomTensor([1, 112, 112], 1), 3, { stride: 2 }).shape[1]).toBe(55);
  });

  it('ceilMode pools match the definition, and their gradients match finite differences of it', () => {
    for (const [mode, pool] of [['max', maxPool2d], ['avg', avgPool2d]] as const) {
      for (const [H, W, k, s, p] of [[7, 6, 3, 2, 1], [5, 8, 2, 3, 0], [9, 9, 3, 3, 1], [6, 7, 4, 3, 2]] as const) {
        const input = randomTensor([2, 2, H, W], H * 10 + W);
        input.requiresGrad = true;
        const y = pool(input, k, { stride: s, padding: p, ceilMode: true });
        const dims = y.shape.slice(2);
        const expected = referencePool(input, mode, k, s, p, dims);
        y.data.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 10));
        const dy = randomTensor(y.shape, 3);
        y.backward(dy.detach());
        const loss = () => referencePool(input, mode, k, s, p, dims).reduce((acc, v, i) => acc + v * dy.data[i]!, 0);
        expect(gradientError(input, loss)).toBeLessThanOrEqual(1e-6);
      }
    }
  });
});
