import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conv2dParameterCount } from '../../ml/shapes/conv';
import { gridSize } from '../../ml/shapes/size-arithmetic';
import { nn, Rng } from '../../engine';
import { convolve } from './forward';
import { makePicture, type Picture } from './picture';
import { windowBreakdown, type ConvSpec } from './window';

/**
 * The independent reference: the definition of a (cross-correlation) convolution written as
 * nested arrays and loops, counting window positions instead of using the size formula.
 */
function referenceConv(input: Picture, weights: ArrayLike<number>, bias: ArrayLike<number>, spec: ConvSpec): number[][][] {
  const { kernel: k, stride: s, padding: p, dilation: d } = spec;
  const C = input.channels;
  const at = (c: number, r: number, col: number): number =>
    r < 0 || r >= input.height || col < 0 || col >= input.width ? 0 : input.data[c * input.height * input.width + r * input.width + col]!;
  const span = d * (k - 1) + 1;
  const rowStarts: number[] = [];
  for (let start = -p; start + span <= input.height + p; start += s) rowStarts.push(start);
  const colStarts: number[] = [];
  for (let start = -p; start + span <= input.width + p; start += s) colStarts.push(start);
  return Array.from({ length: bias.length }, (_, f) =>
    rowStarts.map((r0) =>
      colStarts.map((c0) => {
        let sum = bias[f]!;
        for (let c = 0; c < C; c++)
          for (let u = 0; u < k; u++) for (let v = 0; v < k; v++) sum += weights[((f * C + c) * k + u) * k + v]! * at(c, r0 + d * u, c0 + d * v);
        return sum;
      }),
    ),
  );
}

/** A random convolution problem whose kernel fits (padded input at least one span). */
const problem = fc
  .record({
    channels: fc.constantFrom(1 as const, 3 as const),
    outChannels: fc.integer({ min: 1, max: 4 }),
    kernel: fc.integer({ min: 1, max: 5 }),
    stride: fc.integer({ min: 1, max: 4 }),
    padding: fc.integer({ min: 0, max: 3 }),
    dilation: fc.integer({ min: 1, max: 3 }),
    height: fc.integer({ min: 1, max: 14 }),
    width: fc.integer({ min: 1, max: 14 }),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
  })
  .filter((q) => q.dilation * (q.kernel - 1) + 1 <= Math.min(q.height, q.width) + 2 * q.padding)
  .map((q) => {
    const rng = new Rng(q.seed);
    const input = makePicture(q.channels, q.height, q.width, () => rng.random());
    const weights = Float64Array.from({ length: q.outChannels * q.channels * q.kernel * q.kernel }, () => rng.normal());
    const bias = Float64Array.from({ length: q.outChannels }, () => rng.normal());
    const spec: ConvSpec = { kernel: q.kernel, stride: q.stride, padding: q.padding, dilation: q.dilation };
    return { input, weights, bias, spec, rng };
  });

describe('convolve()', () => {
  it('convolve() gives the shape of the size formula and the values of a direct-loop reference', () => {
    fc.assert(
      fc.property(problem, ({ input, weights, bias, spec }) => {
        const out = convolve({ input, weights, bias, spec });
        const size = gridSize(input.height, input.width, spec);
        if (!size.ok) throw new Error(size.reason);
        expect(out.shape).toEqual([1, bias.length, size.height.size, size.width.size]);
        const expected = referenceConv(input, weights, bias, spec).flat(2);
        expect(out.data.length).toBe(expected.length);
        out.data.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 10));
      }),
      { numRuns: 200 },
    );
  });

  it('convolve() covers non-divisible sizes: H = 8, k = 3, s = 2 drops the last row', () => {
    const input = makePicture(1, 8, 8, (_, r, c) => r * 8 + c);
    const out = convolve({ input, weights: new Float64Array(9).fill(1), bias: new Float64Array(1), spec: { kernel: 3, stride: 2, padding: 0, dilation: 1 } });
    expect(out.shape).toEqual([1, 1, 3, 3]);
    // The bottom-right window covers rows 4–6 and columns 4–6; row 7 and column 7 are never read.
    expect(out.data[8]).toBe([4, 5, 6].reduce((s, r) => s + [4, 5, 6].reduce((t, c) => t + r * 8 + c, 0), 0));
  });

  it('convolve() refuses a kernel larger than the padded input with the engine’s message, PyTorch 1.13’s words', () => {
    const input = makePicture(1, 4, 4, () => 1);
    expect(() => convolve({ input, weights: new Float64Array(25), bias: new Float64Array(1), spec: { kernel: 5, stride: 1, padding: 0, dilation: 1 } })).toThrow(
      "conv2d: Calculated padded input size per channel: (4 x 4). Kernel size: (5 x 5). Kernel size can't be greater than actual input size",
    );
  });

  it('convolve() with C_out filters has (C_in·k·k + 1)·C_out parameters, as nn.Conv2d counts them', () => {
    for (const [cin, cout, k] of [[1, 1, 3], [3, 2, 3], [3, 4, 5], [3, 64, 3]] as const) {
      const layer = new nn.Conv2d(cin, cout, k, { rng: new Rng(1) });
      const engineCount = layer.parameters().reduce((n, p) => n + p.numel(), 0);
      const counted = conv2dParameterCount(cin, cout, [k, k]);
      expect(counted.weights + counted.biases).toBe(engineCount);
      expect(engineCount).toBe((cin * k * k + 1) * cout);
    }
  });
});

describe('windowBreakdown()', () => {
  it('windowBreakdown() products sum to the engine’s output at that cell, for every configuration', () => {
    fc.assert(
      fc.property(problem, fc.nat(), fc.nat(), fc.nat(), ({ input, weights, bias, spec }, fr, ir, jr) => {
        const out = convolve({ input, weights, bias, spec });
        const [, F = 0, OH = 0, OW = 0] = out.shape;
        const f = fr % F;
        const i = ir % OH;
        const j = jr % OW;
        const b = windowBreakdown(input, weights, bias, spec, f, i, j);
        expect(b.channels).toHaveLength(input.channels);
        for (const ch of b.channels) {
          expect(ch.terms).toHaveLength(spec.kernel * spec.kernel);
          expect(ch.sum).toBeCloseTo(ch.terms.reduce((s, t) => s + t.x * t.w, 0), 12);
          for (const t of ch.terms) if (!t.inside) expect(t.x).toBe(0);
        }
        expect(b.total).toBeCloseTo(b.channels.reduce((s, c) => s + c.sum, 0) + bias[f]!, 12);
        expect(b.total).toBeCloseTo(out.data[(f * OH + i) * OW + j]!, 10);
      }),
      { numRuns: 200 },
    );
  });

  it('windowBreakdown() places a dilated window at s·i + d·u − p', () => {
    const input = makePicture(1, 9, 9, (_, r, c) => 10 * r + c);
    const b = windowBreakdown(input, new Float64Array(9).fill(1), [0], { kernel: 3, stride: 2, padding: 1, dilation: 2 }, 0, 1, 2);
    const terms = b.channels[0]?.terms ?? [];
    expect(terms.map((t) => [t.row, t.col])).toEqual([
      [1, 3], [1, 5], [1, 7],
      [3, 3], [3, 5], [3, 7],
      [5, 3], [5, 5], [5, 7],
    ]);
    expect(b.total).toBe(terms.reduce((s, t) => s + 10 * t.row + t.col, 0));
  });
});
