import { describe, expect, it } from 'vitest';
import { formatNumber, parseStrictNumber } from '../../common/url-state';
import { binomialRow, KERNEL_PRESET_IDS, matchPreset, presetKernel, resizeKernel } from './kernels';

const sum = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0);

describe('presetKernel()', () => {
  it('presetKernel() gives the textbook 3 × 3 filters', () => {
    expect(presetKernel('identity', 3)).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0]);
    expect(presetKernel('gaussian', 3)).toEqual([1, 2, 1, 2, 4, 2, 1, 2, 1].map((v) => v / 16));
    expect(presetKernel('sobelX', 3)).toEqual([-1, 0, 1, -2, 0, 2, -1, 0, 1]);
    expect(presetKernel('sobelY', 3)).toEqual([-1, -2, -1, 0, 0, 0, 1, 2, 1]);
    expect(presetKernel('sharpen', 3)).toEqual([0, -1, 0, -1, 5, -1, 0, -1, 0]);
  });

  it('presetKernel() builds the 5 × 5 Sobel from [1, 4, 6, 4, 1] and [−1, −2, 0, 2, 1] (OpenCV getDerivKernels, ksize 5)', () => {
    const smooth = [1, 4, 6, 4, 1];
    const deriv = [-1, -2, 0, 2, 1];
    expect(presetKernel('sobelX', 5)).toEqual(smooth.flatMap((a) => deriv.map((b) => a * b)));
    expect(presetKernel('sobelY', 5)).toEqual(deriv.flatMap((a) => smooth.map((b) => a * b)));
  });

  it('presetKernel() blurs sum to 1 (to the 6 digits weights keep), edge detectors to 0, and sharpen to 1', () => {
    for (let k = 1; k <= 7; k++) {
      expect(sum(presetKernel('box', k) ?? [])).toBeCloseTo(1, 5);
      expect(sum(presetKernel('gaussian', k) ?? [])).toBeCloseTo(1, 5);
      expect(sum(presetKernel('identity', k) ?? [])).toBe(1);
    }
    for (const k of [3, 5, 7]) {
      expect(sum(presetKernel('sobelX', k) ?? [NaN])).toBe(0);
      expect(sum(presetKernel('sobelY', k) ?? [NaN])).toBe(0);
    }
    expect(sum(presetKernel('laplacian', 3) ?? [])).toBe(0);
    expect(sum(presetKernel('edge', 3) ?? [])).toBe(0);
    expect(sum(presetKernel('sharpen', 3) ?? [])).toBe(1);
  });

  it('presetKernel() is undefined where a preset does not exist', () => {
    expect(presetKernel('sobelX', 4)).toBeUndefined();
    expect(presetKernel('laplacian', 5)).toBeUndefined();
    expect(presetKernel('box', 4)).toHaveLength(16);
  });

  it('binomialRow() gives Pascal’s triangle', () => {
    expect(binomialRow(1)).toEqual([1]);
    expect(binomialRow(5)).toEqual([1, 4, 6, 4, 1]);
  });

  it('presetKernel() keeps 6 significant digits, so a link restores exactly the same weights', () => {
    expect(presetKernel('box', 3)?.[0]).toBe(0.111111);
    for (let k = 1; k <= 7; k++) {
      for (const id of KERNEL_PRESET_IDS) for (const v of presetKernel(id, k) ?? []) expect(parseStrictNumber(formatNumber(v))).toBe(v);
    }
  });
});

describe('matchPreset()', () => {
  it('matchPreset() recognises every preset at every size it exists in, and nothing else', () => {
    for (let k = 1; k <= 7; k++) {
      for (const id of KERNEL_PRESET_IDS) {
        const values = presetKernel(id, k);
        // At k = 1 identity, box and Gaussian are all [1]: the first in menu order wins.
        if (values) expect(presetKernel(matchPreset(values, k) ?? 'identity', k)).toEqual(values);
      }
    }
    expect(matchPreset([0, 1, 0, 1, 0, 1, 0, 1, 0], 3)).toBeUndefined();
  });
});

describe('resizeKernel()', () => {
  it('resizeKernel() rebuilds a preset at the new size', () => {
    expect(resizeKernel(presetKernel('sobelX', 3) ?? [], 3, 5)).toEqual(presetKernel('sobelX', 5));
    expect(resizeKernel(presetKernel('box', 3) ?? [], 3, 2)).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('resizeKernel() keeps the centre of a custom kernel, padding or cropping with zeros', () => {
    const custom = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    expect(resizeKernel(custom, 3, 5)).toEqual([0, 0, 0, 0, 0, 0, 1, 2, 3, 0, 0, 4, 5, 6, 0, 0, 7, 8, 9, 0, 0, 0, 0, 0, 0]);
    expect(resizeKernel(custom, 3, 1)).toEqual([5]);
    expect(resizeKernel(resizeKernel(custom, 3, 7), 7, 3)).toEqual(custom);
  });

  it('resizeKernel() crops a preset that does not exist at the new size, keeping its centre', () => {
    expect(resizeKernel(presetKernel('laplacian', 3) ?? [], 3, 1)).toEqual([-4]);
  });
});
