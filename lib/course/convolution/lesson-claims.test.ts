/**
 * Figures the convolution lesson states (lessons/convolution.mdx), read from its text and
 * recomputed with the code the widgets use, so that neither can drift.
 */
import { describe, expect, it } from 'vitest';
import lessonText from '../../../lessons/convolution.mdx?raw';
import { exercises } from './exercises';
import { nn, Rng, tensor } from '../../engine';
import { figureIn, figuresIn } from '../../common/lesson-figures';
import { conv2dParameterCount, linearParameterCount } from '../../ml/shapes/conv';
import { sizeSteps } from '../../ml/shapes/size-arithmetic';
import { convolve } from './forward';
import { presetKernel } from './kernels';
import { makePicture, pictureFromRgba, pixel, toGrayscale } from './picture';
import { samplePicture } from './samples';
import { defaultWeights } from './weights';

/** The lesson and its exercises' solutions (where the answers to its questions now are). */
const lesson = [lessonText, ...exercises.map((e) => e.solution)].join('\n');

const total = (c: { weights: number; biases: number }): number => c.weights + c.biases;
const steps = (input: number, kernel: number, stride: number, padding: number, dilation: number) => {
  const r = sizeSteps(input, { kernel, stride, padding, dilation });
  if (!r.ok) throw new Error(r.reason);
  return r;
};

/** The figures at the {} places of `template` in the lesson, as numbers. */
const stated = (template: string): number[] => figuresIn(lesson, template).map((f) => f.value);

describe('convolution lesson claims', () => {
  it('a 3 × 224 × 224 image has the stated number of values; a dense layer of 1,000 units on it the stated parameters', () => {
    expect(stated('$3 \\times 224 \\times 224 = {}$ numbers')).toEqual([3 * 224 * 224]);
    expect(stated('$150{,}528 \\times 1{,}000 + 1{,}000 = {}$ parameters')).toEqual([total(linearParameterCount(150_528, 1_000))]);
  });

  it('the Sobel x worked example gives the stated value on a rising window, and 0 on a flat one', () => {
    const w = presetKernel('sobelX', 3) ?? [];
    const rising = [0, 0.5, 1, 0, 0.5, 1, 0, 0.5, 1];
    expect(w.reduce((s, wi, i) => s + wi * rising[i]!, 0)).toBe(figureIn(lesson, '(-0 + 0 + 1) = {} .').value);
    expect(w.reduce((s, wi) => s + wi * 0.7, 0)).toBeCloseTo(0, 15);
  });

  it('the table of output sizes: every row’s numerator and size, as the calculator computes them', () => {
    const rows = [...lesson.matchAll(/^\| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| \$\\lfloor (\d+)\/\d+ \\rfloor \+ 1 = (\d+)\$ \|/gm)];
    expect(rows).toHaveLength(6);
    for (const [, H, k, s, p, d, numerator, size] of rows.map((r) => r.map(Number))) {
      expect(steps(H!, k!, s!, p!, d!)).toMatchObject({ numerator, size });
    }
    expect(steps(7, 3, 1, 0, 2).span).toBe(figureIn(lesson, 'the kernel spans {} |').value);
    expect(217 / 4).toBe(figureIn(lesson, "torchvision's AlexNet: {} floored").value);
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

  it('the parameter table and question 1 count as nn.Conv2d does, in the calculator and in the engine', () => {
    const [small, vgg, alex, second, lenet] = [
      '$(3 \\cdot 3 \\cdot 3 + 1) \\cdot 2 = {}$',
      '$(27 + 1) \\cdot 64 = {}$',
      '$(363 + 1) \\cdot 96 = {}$',
      '| $(576 + 1) \\cdot 128 = {}$',
      '$(1 \\cdot 5 \\cdot 5 + 1) \\cdot 6 = {}$',
    ].map((t) => figureIn(lesson, t).value);
    for (const [cin, cout, k, expected] of [[3, 2, 3, small], [3, 64, 3, vgg], [3, 96, 11, alex], [64, 128, 3, second], [1, 6, 5, lenet]] as const) {
      expect(total(conv2dParameterCount(cin, cout, [k, k]))).toBe(expected);
      const layer = new nn.Conv2d(cin, cout, k, { rng: new Rng(1) });
      expect(layer.parameters().reduce((n, p) => n + p.numel(), 0)).toBe(expected);
    }
    expect(stated('has {} parameters. This lesson')).toEqual([vgg]);
  });

  it('channels last to channels first: the widget’s reading of RGBA bytes is permute(2, 0, 1) / 255, as the lesson says', () => {
    expect(lesson).toContain('torch.from_numpy(a).permute(2, 0, 1).float() / 255');
    const [H, W] = [3, 5];
    const rgba = Uint8ClampedArray.from({ length: H * W * 4 }, (_, i) => (i % 4 === 3 ? 255 : (i * 37) % 256));
    const picture = pictureFromRgba(rgba, W, H);
    // The engine's permute, on the (H, W, 4) bytes with the opacity dropped, as the reference.
    const hwc = tensor([...rgba], { dtype: 'float64' }).reshape([H, W, 4]).narrow(2, 0, 3);
    const chw = hwc.permute(2, 0, 1).div(255);
    expect(chw.shape).toEqual([3, H, W]);
    [...chw.data].forEach((v, i) => expect(picture.data[i]).toBeCloseTo(v, 12));
    // A view to (3, H, W) is not the same: its first "channel" holds the colours of the top pixels.
    const viewed = tensor([...rgba], { dtype: 'float64' }).reshape([H, W, 4]).narrow(2, 0, 3).reshape([3, H, W]).div(255);
    expect([...viewed.data].some((v, i) => Math.abs(v - (picture.data[i] ?? NaN)) > 1e-9)).toBe(true);
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

  it('question 1: LeNet’s first layer on 1 × 32 × 32 gives the stated output; question 2: a 3 × 3 kernel with stride 2 on 10 × 10 gives the stated size and skips row 9', () => {
    const out = convolve({ input: makePicture(1, 32, 32, () => 0.5), weights: new Float64Array(150), bias: new Float64Array(6), spec: { kernel: 5, stride: 1, padding: 0, dilation: 1 } });
    expect(out.shape).toEqual([1, ...stated('so the output is ${} \\times {} \\times {}$')]);
    const [half, size] = stated('$\\lfloor (10 - 2 - 1)/2 \\rfloor + 1 = \\lfloor {} \\rfloor + 1 = {}$, so $4 \\times 4$');
    const numerator = 10 - 2 - 1;
    expect(numerator / 2).toBe(half);
    expect(steps(10, 3, 2, 0, 1)).toMatchObject({ size, numerator, uncovered: 1, uncoveredReal: 1 });
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
