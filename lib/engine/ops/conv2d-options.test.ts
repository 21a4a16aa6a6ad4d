import { describe, expect, it } from 'vitest';
import { conv2d } from './convolution';
import { tensor } from '../create';
import { Conv2d } from '../nn/conv';
import { Rng } from '../random';
import { randomTensor } from '../testing/gradcheck';
import { gradientError, referenceConv, type ReferenceConvOptions } from '../testing/reference';

/** conv2d(x, w, options) against the textbook loops: values, and gradients by finite differences of them. */
function expectMatchesReference(xShape: number[], wShape: number[], options: Parameters<typeof conv2d>[3], reference: ReferenceConvOptions): void {
  const x = randomTensor(xShape, xShape.reduce((a, b) => a * 7 + b, 1));
  const w = randomTensor(wShape, wShape.reduce((a, b) => a * 5 + b, 2));
  const y = conv2d(x, w, null, options);
  const expected = referenceConv(x, w, reference);
  expect(y.shape).toEqual(expected.shape);
  y.data.forEach((v, i) => expect(v).toBeCloseTo(expected.data[i]!, 10));
  const dy = randomTensor(y.shape, 3);
  y.backward(dy.detach());
  const loss = () => referenceConv(x, w, reference).data.reduce((s, v, i) => s + v * dy.data[i]!, 0);
  for (const t of [x, w]) expect(gradientError(t, loss)).toBeLessThanOrEqual(1e-6);
}

describe('conv2d() with groups', () => {
  it('conv2d() with groups: each group of filters sees only its channels (values and gradients against direct loops)', () => {
    expectMatchesReference([2, 4, 7, 6], [6, 2, 3, 3], { groups: 2 }, { groups: 2 });
    expectMatchesReference([1, 6, 8, 7], [9, 2, 3, 2], { groups: 3, stride: 2, padding: 1, dilation: 2 }, { groups: 3, stride: 2, pads: [1, 1, 1, 1], dilation: 2 });
    // Depthwise: one channel per group.
    expectMatchesReference([2, 3, 5, 5], [3, 1, 3, 3], { groups: 3, padding: 1 }, { groups: 3, pads: [1, 1, 1, 1] });
  });

  it('conv2d() with groups equals separate convolutions on the channel slices, concatenated', () => {
    const x = randomTensor([1, 4, 5, 5], 1);
    const w = randomTensor([2, 2, 3, 3], 2);
    const grouped = conv2d(x, w, null, { groups: 2 });
    const first = conv2d(x.narrow(1, 0, 2), w.narrow(0, 0, 1));
    const second = conv2d(x.narrow(1, 2, 2), w.narrow(0, 1, 1));
    expect(grouped.narrow(1, 0, 1).toArray()).toEqual(first.toArray());
    expect(grouped.narrow(1, 1, 1).toArray()).toEqual(second.toArray());
  });

  it("conv2d() refuses bad groups with PyTorch 1.13's messages", () => {
    const x = randomTensor([1, 4, 5, 5], 1);
    expect(() => conv2d(x, randomTensor([6, 2, 3, 3], 2), null, { groups: 3 })).toThrow(
      'conv2d: Given groups=3, weight of size [6, 2, 3, 3], expected input[1, 4, 5, 5] to have 6 channels, but got 4 channels instead',
    );
    expect(() => conv2d(x, randomTensor([5, 2, 3, 3], 2), null, { groups: 2 })).toThrow(
      'conv2d: Given groups=2, expected weight to be divisible by 2 at dimension 0, but got weight of size [[5, 2, 3, 3]] instead',
    );
    expect(() => conv2d(x, randomTensor([6, 2, 3, 3], 2), null, { groups: 0 })).toThrow('conv2d: non-positive groups is not supported');
    expect(() => conv2d(x, randomTensor([6, 2, 3, 3], 2), null, { groups: 1.5 })).toThrow('conv2d: groups must be a positive integer, got 1.5');
  });
});

describe("conv2d() with padding 'same' and 'valid'", () => {
  it("padding 'same' keeps the size; an odd total puts the extra row and column at the bottom and right, as PyTorch does", () => {
    const x = tensor([[[[1, 2, 3], [4, 5, 6], [7, 8, 9]]]]);
    // A 2x2 kernel needs one row and one column of padding in all: PyTorch puts it after the input.
    expect(conv2d(x, tensor([[[[1, 1], [1, 1]]]]), null, { padding: 'same' }).toArray()).toEqual([[[[12, 16, 9], [24, 28, 15], [15, 17, 9]]]]);
    expectMatchesReference([2, 2, 6, 5], [3, 2, 3, 3], { padding: 'same' }, { pads: [1, 1, 1, 1] });
    expectMatchesReference([1, 2, 6, 5], [3, 2, 2, 4], { padding: 'same' }, { pads: [0, 1, 1, 2] });
    // Dilation 2 doubles the total: even, so no extra; dilation 3 with kW = 4: 9 columns, 4 left, 5 right.
    expectMatchesReference([1, 2, 7, 9], [2, 2, 2, 4], { padding: 'same', dilation: 2 }, { pads: [1, 1, 3, 3], dilation: 2 });
    expectMatchesReference([1, 2, 7, 9], [2, 2, 2, 4], { padding: 'same', dilation: [2, 3] }, { pads: [1, 1, 4, 5], dilation: [2, 3] });
  });

  it("padding 'valid' is no padding", () => {
    const x = randomTensor([1, 2, 6, 5], 4);
    const w = randomTensor([3, 2, 3, 2], 5);
    expect(conv2d(x, w, null, { padding: 'valid', stride: 2 }).toArray()).toEqual(conv2d(x, w, null, { stride: 2 }).toArray());
  });

  it("conv2d() with padding 'same' refuses strides and quotes the padded input when channels are wrong (PyTorch 1.13's words)", () => {
    const x = randomTensor([1, 2, 5, 5], 1);
    expect(() => conv2d(x, randomTensor([4, 3, 3, 3], 2), null, { padding: 'same', stride: 2 })).toThrow("conv2d: padding='same' is not supported for strided convolutions");
    expect(() => conv2d(x, randomTensor([4, 3, 3, 3], 2), null, { padding: 'same' })).toThrow(
      'conv2d: Given groups=1, weight of size [4, 3, 3, 3], expected input[1, 2, 5, 5] to have 3 channels, but got 2 channels instead',
    );
    // An even kernel: PyTorch pads the extra row and column first, and its message shows them.
    expect(() => conv2d(x, randomTensor([4, 3, 2, 4], 2), null, { padding: 'same' })).toThrow(
      'conv2d: Given groups=1, weight of size [4, 3, 2, 4], expected input[1, 2, 6, 6] to have 3 channels, but got 2 channels instead',
    );
    expect(() => conv2d(x.squeeze(0), randomTensor([4, 3, 2, 4], 2), null, { padding: 'same', dilation: [2, 3] })).toThrow(
      'conv2d: Given groups=1, weight of size [4, 3, 2, 4], expected input[1, 2, 5, 6] to have 3 channels, but got 2 channels instead',
    );
    const junk = 'sam' as 'same';
    expect(() => conv2d(x, randomTensor([4, 2, 3, 3], 2), null, { padding: junk })).toThrow("conv2d: Invalid padding string: 'sam'");
  });
});

describe('nn.Conv2d with groups and padding strings', () => {
  const rng = new Rng(0);
  it('nn.Conv2d with groups holds a (C_out, C_in / groups, kH, kW) weight initialised from that fan-in', () => {
    const conv = new Conv2d(6, 9, 3, { rng, groups: 3, padding: 'same' });
    expect(conv.weight.shape).toEqual([9, 2, 3, 3]);
    const bound = 1 / Math.sqrt(2 * 9);
    expect(Math.max(...conv.weight.data.map(Math.abs))).toBeLessThanOrEqual(bound);
    expect(Math.max(...conv.weight.data.map(Math.abs))).toBeGreaterThan(bound * 0.8);
    expect(conv.forward(randomTensor([2, 6, 5, 4], 1)).shape).toEqual([2, 9, 5, 4]);
  });

  it("nn.Conv2d refuses what PyTorch 1.13 refuses at construction, in its words", () => {
    expect(() => new Conv2d(4, 6, 3, { rng, groups: 0 })).toThrow('groups must be a positive integer');
    expect(() => new Conv2d(4, 6, 3, { rng, groups: 3 })).toThrow('in_channels must be divisible by groups');
    expect(() => new Conv2d(4, 6, 3, { rng, groups: 4 })).toThrow('out_channels must be divisible by groups');
    expect(() => new Conv2d(3, 4, 3, { rng, padding: 'same', stride: [1, 2] })).toThrow("padding='same' is not supported for strided convolutions");
    expect(() => new Conv2d(3, 4, 3, { rng, padding: 'sam' as 'same' })).toThrow("Invalid padding string 'sam', should be one of {'valid', 'same'}");
  });
});
