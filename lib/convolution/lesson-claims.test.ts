/**
 * Numbers the convolution lesson states in its prose (lessons/convolution.mdx), recomputed here
 * so that the text cannot drift from the mathematics.
 */
import { describe, expect, it } from 'vitest';
import { nn, Rng } from '../engine';
import { conv2dParameterCount, linearParameterCount } from '../shapes/conv';
import { sizeSteps } from '../shapes/size-arithmetic';
import { convolve } from './forward';
import { presetKernel } from './kernels';
import { makePicture, pixel, toGrayscale } from './picture';
import { samplePicture } from './samples';
import { defaultWeights } from './weights';

const total = (c: { weights: number; biases: number }): number => c.weights + c.biases;
const steps = (input: number, kernel: number, stride: number, padding: number, dilation: number) => {
  const r = sizeSteps(input, { kernel, stride, padding, dilation });
  if (!r.ok) throw new Error(r.reason);
  return r;
};

describe('convolution lesson claims', () => {
  it('a 3 × 224 × 224 image has 150,528 values; a dense layer of 1,000 units on it has 150,529,000 parameters', () => {
    expect(3 * 224 * 224).toBe(150_528);
    expect(total(linearParameterCount(150_528, 1_000))).toBe(150_529_000);
  });

  it('the Sobel x worked example gives 4 on a rising window and 0 on a flat one', () => {
    const w = presetKernel('sobelX', 3) ?? [];
    const rising = [0, 0.5, 1, 0, 0.5, 1, 0, 0.5, 1];
    expect(w.reduce((s, wi, i) => s + wi * rising[i]!, 0)).toBe(4);
    expect(w.reduce((s, wi) => s + wi * 0.7, 0)).toBeCloseTo(0, 15);
  });

  it('the table of output sizes', () => {
    expect(steps(28, 3, 1, 0, 1)).toMatchObject({ numerator: 25, size: 26, exact: true });
    expect(steps(28, 3, 1, 1, 1)).toMatchObject({ numerator: 27, size: 28, exact: true });
    expect(steps(28, 3, 2, 1, 1)).toMatchObject({ numerator: 27, size: 14, exact: false });
    expect(steps(7, 3, 1, 0, 2)).toMatchObject({ span: 5, numerator: 2, size: 3 });
    expect(steps(227, 11, 4, 0, 1)).toMatchObject({ numerator: 216, size: 55, exact: true });
    expect(steps(224, 11, 4, 2, 1)).toMatchObject({ numerator: 217, size: 55, exact: false });
    expect(217 / 4).toBe(54.25);
  });

  it('H = 8, k = 3, s = 2 gives 3 outputs and never reads row 7; on the 28 × 28 digit, stride 2 drops an image row without padding and a padding row with it', () => {
    expect(steps(8, 3, 2, 0, 1)).toMatchObject({ size: 3, uncovered: 1, uncoveredReal: 1 });
    expect(steps(28, 3, 2, 0, 1)).toMatchObject({ uncovered: 1, uncoveredReal: 1 });
    expect(steps(28, 3, 2, 1, 1)).toMatchObject({ uncovered: 1, uncoveredReal: 0 });
  });

  it('on the 9 × 9 dot, k = 5 with dilation 3 spans 13 pixels and does not fit; the engine says what the lesson quotes as PyTorch 1.13’s message', () => {
    const dot = toGrayscale(samplePicture('dot'));
    expect([dot.height, dot.width]).toEqual([9, 9]);
    expect(sizeSteps(9, { kernel: 5, stride: 1, padding: 0, dilation: 3 }).ok).toBe(false);
    expect(() => convolve({ input: dot, weights: new Float64Array(25), bias: new Float64Array(1), spec: { kernel: 5, stride: 1, padding: 0, dilation: 3 } })).toThrow(
      "conv2d: Calculated padded input size per channel: (9 x 9). Kernel size: (13 x 13). Kernel size can't be greater than actual input size",
    );
  });

  it('the parameter table: 56, 1,792, 34,944 and 73,856, as nn.Conv2d counts them', () => {
    for (const [cin, cout, k, expected] of [[3, 2, 3, 56], [3, 64, 3, 1_792], [3, 96, 11, 34_944], [64, 128, 3, 73_856], [1, 6, 5, 156]] as const) {
      expect(total(conv2dParameterCount(cin, cout, [k, k]))).toBe(expected);
      const layer = new nn.Conv2d(cin, cout, k, { rng: new Rng(1) });
      expect(layer.parameters().reduce((n, p) => n + p.numel(), 0)).toBe(expected);
    }
  });

  it('the one-pixel image shows the kernel turned by 180°: y[i, j] = w[4 − i, 4 − j]', () => {
    const dot = toGrayscale(samplePicture('dot'));
    const w = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const out = convolve({ input: dot, weights: w, bias: new Float64Array(1), spec: { kernel: 3, stride: 1, padding: 0, dilation: 1 } });
    expect(out.shape).toEqual([1, 1, 7, 7]);
    for (let i = 0; i < 7; i++) {
      for (let j = 0; j < 7; j++) {
        const u = 4 - i;
        const v = 4 - j;
        const expected = u >= 0 && u < 3 && v >= 0 && v < 3 ? w[u * 3 + v]! : 0;
        expect(out.data[i * 7 + j]).toBeCloseTo(expected, 12);
      }
    }
  });

  it('LeNet’s first layer on 1 × 32 × 32 gives 6 × 28 × 28; a 3 × 3 kernel with stride 2 on 10 × 10 gives 4 × 4 and skips row 9', () => {
    const out = convolve({ input: makePicture(1, 32, 32, () => 0.5), weights: new Float64Array(150), bias: new Float64Array(6), spec: { kernel: 5, stride: 1, padding: 0, dilation: 1 } });
    expect(out.shape).toEqual([1, 6, 28, 28]);
    expect(steps(10, 3, 2, 0, 1)).toMatchObject({ size: 4, numerator: 7, uncovered: 1, uncoveredReal: 1 });
  });

  it('the colour widget’s filter 1 (red minus blue) is positive on red, negative on blue, 0 on gray and close to 0 on green', () => {
    const shapes = samplePicture('shapes');
    const out = convolve({
      input: shapes,
      weights: Float64Array.from(defaultWeights({ inChannels: 3, outChannels: 2, kernel: 3 })),
      bias: new Float64Array(2),
      spec: { kernel: 3, stride: 1, padding: 0, dilation: 1 },
    });
    const y1 = (r: number, c: number): number => out.data[900 + (r - 1) * 30 + (c - 1)]!; // output (r − 1, c − 1) is centred on pixel (r, c)
    expect(y1(10, 10)).toBeGreaterThan(0.5); // red disc centre
    expect(y1(25, 16)).toBeLessThan(-0.5); // blue triangle
    expect(y1(1, 30)).toBe(0); // gray background
    expect(Math.abs(y1(9, 23))).toBeLessThan(0.15); // green square
    expect(pixel(shapes, 1, 9, 23)).toBeGreaterThan(0.6);
  });
});
