import { describe, expect, it } from 'vitest';
import { presetKernel } from './kernels';
import { defaultWeights, weightCount, weightSlice, withInChannels, withKernelSize, withOutChannels, withSlice } from './weights';

const rgb2 = { inChannels: 3, outChannels: 2, kernel: 3 };

describe('defaultWeights()', () => {
  it('defaultWeights() starts with Sobel x on every channel, then red minus blue', () => {
    const w = defaultWeights(rgb2);
    expect(w).toHaveLength(weightCount(rgb2));
    for (const c of [0, 1, 2]) expect(weightSlice(w, rgb2, 0, c)).toEqual(presetKernel('sobelX', 3));
    expect(weightSlice(w, rgb2, 1, 0)).toEqual(presetKernel('identity', 3));
    expect(weightSlice(w, rgb2, 1, 1)).toEqual(new Array(9).fill(0));
    expect(weightSlice(w, rgb2, 1, 2)).toEqual(presetKernel('identity', 3)?.map((v) => -v));
  });

  it('defaultWeights() uses a 3 × 3-only preset’s centre at other sizes', () => {
    // At k = 1 Sobel's centre is 0, the Gaussian is [1], and the edge detector's centre is 8.
    expect(defaultWeights({ inChannels: 1, outChannels: 4, kernel: 1 })).toEqual([0, 0, 1, 8]);
  });
});

describe('weight edits', () => {
  it('withSlice() replaces exactly one k × k slice', () => {
    const w = defaultWeights(rgb2);
    const next = withSlice(w, rgb2, 1, 1, new Array(9).fill(7));
    expect(weightSlice(next, rgb2, 1, 1)).toEqual(new Array(9).fill(7));
    expect(next.filter((v, i) => v !== w[i])).toHaveLength(9);
    expect(() => withSlice(w, rgb2, 0, 0, [1])).toThrow('withSlice: expected 9 values, got 1');
  });

  it('withKernelSize() rebuilds presets and keeps the shape consistent', () => {
    const w = withKernelSize(defaultWeights(rgb2), rgb2, 5);
    const shape5 = { ...rgb2, kernel: 5 };
    expect(w).toHaveLength(weightCount(shape5));
    expect(weightSlice(w, shape5, 0, 2)).toEqual(presetKernel('sobelX', 5));
    expect(weightSlice(w, shape5, 1, 0)).toEqual(presetKernel('identity', 5));
  });

  it('withOutChannels() keeps existing filters and appends defaults', () => {
    const w = withSlice(defaultWeights(rgb2), rgb2, 0, 0, new Array(9).fill(2));
    const more = withOutChannels(w, rgb2, 3);
    const shape3 = { ...rgb2, outChannels: 3 };
    expect(weightSlice(more, shape3, 0, 0)).toEqual(new Array(9).fill(2));
    expect(weightSlice(more, shape3, 2, 1)).toEqual(presetKernel('gaussian', 3));
    expect(withOutChannels(more, shape3, 1)).toEqual(w.slice(0, 27));
  });

  it('withInChannels() copies a grayscale kernel to three channels and averages it back', () => {
    const gray = { inChannels: 1, outChannels: 1, kernel: 3 };
    const k = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const spread = withInChannels(k, gray, 3);
    expect(spread).toEqual([...k, ...k, ...k]);
    expect(withInChannels(spread, { ...gray, inChannels: 3 }, 1)).toEqual(k);
    expect(withInChannels([...k, ...k.map(() => 0), ...k.map(() => 3)], { ...gray, inChannels: 3 }, 1)).toEqual(k.map((v) => (v + 3) / 3));
  });
});
