import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../engine/random';
import { gridSize } from '../../ml/shapes/size-arithmetic';
import { poolForwardBackward, type PoolRequest } from './forward-backward';
import { poolProblem, poolWindow, windowArgmax, type PoolMode, type PoolSpec } from './pool';

/**
 * The independent reference, straight from PyTorch's documentation: the window of output (i, j)
 * starts at (s·i − p, s·j − p); max pooling pads with −∞, average pooling with zeros and always
 * divides by k² (count_include_pad=True, ceil_mode=False). Window positions are counted, not
 * computed by the size formula.
 */
function referencePool(mode: PoolMode, map: ArrayLike<number>, height: number, width: number, { kernel: k, stride: s, padding: p }: PoolSpec) {
  const starts = (n: number): number[] => {
    const out: number[] = [];
    for (let start = -p; start + k <= n + p; start += s) out.push(start);
    return out;
  };
  const rows = starts(height);
  const cols = starts(width);
  const output: number[] = [];
  const windows: { cells: number[]; argmax: number }[] = [];
  for (const r0 of rows) {
    for (const c0 of cols) {
      let acc = mode === 'max' ? -Infinity : 0;
      let argmax = -1;
      const cells: number[] = [];
      for (let u = 0; u < k; u++) {
        for (let v = 0; v < k; v++) {
          const r = r0 + u;
          const c = c0 + v;
          const inside = r >= 0 && r < height && c >= 0 && c < width;
          const value = inside ? map[r * width + c]! : mode === 'max' ? -Infinity : 0;
          if (inside) cells.push(r * width + c);
          if (mode === 'avg') acc += value;
          else if (value > acc) {
            acc = value;
            argmax = r * width + c;
          }
        }
      }
      output.push(mode === 'avg' ? acc / (k * k) : acc);
      windows.push({ cells, argmax });
    }
  }
  return { outHeight: rows.length, outWidth: cols.length, output, windows };
}

/** A random pooling problem that PyTorch accepts; `integers` makes ties likely. */
const problem = (integers: boolean) =>
  fc
    .record({
      mode: fc.constantFrom<PoolMode>('max', 'avg'),
      kernel: fc.integer({ min: 1, max: 5 }),
      stride: fc.integer({ min: 1, max: 5 }),
      padFraction: fc.double({ min: 0, max: 1, noNaN: true }),
      height: fc.integer({ min: 1, max: 12 }),
      width: fc.integer({ min: 1, max: 12 }),
      seed: fc.integer({ min: 1, max: 1_000_000 }),
    })
    .map((q) => ({ ...q, padding: Math.floor(q.padFraction * Math.floor(q.kernel / 2 + 1e-9) + 0.5) }))
    .filter((q) => q.kernel <= Math.min(q.height, q.width) + 2 * q.padding)
    .map((q): PoolRequest & { rng: Rng } => {
      const rng = new Rng(q.seed);
      const spec = { kernel: q.kernel, stride: q.stride, padding: q.padding };
      const map = Float64Array.from({ length: q.height * q.width }, () => (integers ? rng.int(4) : rng.normal()));
      const ref = referencePool(q.mode, map, q.height, q.width, spec);
      const upstream = Float64Array.from({ length: ref.output.length }, () => (integers ? rng.int(5) - 2 : rng.normal()));
      return { mode: q.mode, map, height: q.height, width: q.width, spec, upstream, rng };
    });

describe('poolForwardBackward()', () => {
  it('poolForwardBackward() forward matches PyTorch’s definition and the size formula', () => {
    fc.assert(
      fc.property(problem(true), (req) => {
        const result = poolForwardBackward(req);
        const ref = referencePool(req.mode, req.map, req.height, req.width, req.spec);
        const size = gridSize(req.height, req.width, { ...req.spec, dilation: 1 });
        if (!size.ok) throw new Error(size.reason);
        expect(result.shape).toEqual([1, 1, size.height.size, size.width.size]);
        expect([ref.outHeight, ref.outWidth]).toEqual([size.height.size, size.width.size]);
        result.output.forEach((v, o) => expect(v).toBeCloseTo(ref.output[o]!, 12));
      }),
      { numRuns: 300 },
    );
  });

  it('poolForwardBackward() sends each upstream value to the arg-max (max) or k² equal shares of its window (avg), ties to the first maximum', () => {
    fc.assert(
      fc.property(problem(true), (req) => {
        const { inputGrad } = poolForwardBackward(req);
        const ref = referencePool(req.mode, req.map, req.height, req.width, req.spec);
        const expected = new Float64Array(req.height * req.width);
        ref.windows.forEach((w, o) => {
          const g = req.upstream[o]!;
          if (req.mode === 'max') expected[w.argmax] = expected[w.argmax]! + g;
          else for (const i of w.cells) expected[i] = expected[i]! + g / req.spec.kernel ** 2;
        });
        inputGrad.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 12));
      }),
      { numRuns: 300 },
    );
  });

  it('poolForwardBackward() gradients match finite differences of the reference (random values, no ties)', () => {
    fc.assert(
      fc.property(problem(false), (req) => {
        const { inputGrad } = poolForwardBackward(req);
        const loss = (map: Float64Array): number =>
          referencePool(req.mode, map, req.height, req.width, req.spec).output.reduce((s, y, o) => s + y * req.upstream[o]!, 0);
        const h = 1e-6;
        const x = Float64Array.from(req.map);
        x.forEach((saved, i) => {
          x[i] = saved + h;
          const up = loss(x);
          x[i] = saved - h;
          const down = loss(x);
          x[i] = saved;
          expect(inputGrad[i]).toBeCloseTo((up - down) / (2 * h), 6);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('poolForwardBackward() keeps the gradient’s total for max pooling; average pooling loses the share sent to padding', () => {
    fc.assert(
      fc.property(problem(false), (req) => {
        const { inputGrad } = poolForwardBackward(req);
        const total = inputGrad.reduce((s, v) => s + v, 0);
        const ref = referencePool(req.mode, req.map, req.height, req.width, req.spec);
        const expected =
          req.mode === 'max'
            ? req.upstream.reduce((s, g) => s + g, 0)
            : ref.windows.reduce((s, w, o) => s + (req.upstream[o]! * w.cells.length) / req.spec.kernel ** 2, 0);
        expect(total).toBeCloseTo(expected, 10);
      }),
    );
  });

  const cs231n = Float64Array.from([1, 1, 2, 4, 5, 6, 7, 8, 3, 2, 1, 0, 1, 2, 3, 4]);
  const ones = (n: number) => new Float64Array(n).fill(1);

  it('poolForwardBackward() reproduces the hand-worked 2 × 2 max pooling example (CS231n)', () => {
    const r = poolForwardBackward({ mode: 'max', map: cs231n, height: 4, width: 4, spec: { kernel: 2, stride: 2, padding: 0 }, upstream: ones(4) });
    expect([...r.output]).toEqual([6, 8, 3, 4]);
    // The 3 in the lower left is at (2, 0); the 4 in the lower right at (3, 3).
    expect([...r.inputGrad]).toEqual([0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('poolForwardBackward() averages 2 × 2 windows and spreads 1/4 of each gradient back', () => {
    const r = poolForwardBackward({ mode: 'avg', map: cs231n, height: 4, width: 4, spec: { kernel: 2, stride: 2, padding: 0 }, upstream: Float64Array.from([4, 8, 0, -4]) });
    expect([...r.output]).toEqual([3.25, 5.25, 2, 2]);
    expect([...r.inputGrad]).toEqual([1, 1, 2, 2, 1, 1, 2, 2, 0, 0, -1, -1, 0, 0, -1, -1]);
  });

  it('max pooling pads with −∞: an all-negative map stays negative at the border (PyTorch’s MaxPool2d)', () => {
    const r = poolForwardBackward({ mode: 'max', map: Float64Array.from([-1, -2, -3, -4]), height: 2, width: 2, spec: { kernel: 3, stride: 1, padding: 1 }, upstream: ones(4) });
    expect([...r.output]).toEqual([-1, -1, -1, -1]);
    expect([...r.inputGrad]).toEqual([4, 0, 0, 0]);
  });

  it('average pooling counts the zero padding (count_include_pad=True, PyTorch’s default): a corner divides by k²', () => {
    const r = poolForwardBackward({ mode: 'avg', map: ones(9), height: 3, width: 3, spec: { kernel: 3, stride: 1, padding: 1 }, upstream: ones(9) });
    // The corner window holds 4 ones and 5 zeros of padding: 4/9, not 1.
    expect(r.output[0]).toBeCloseTo(4 / 9, 15);
    expect(r.output[4]).toBeCloseTo(1, 15);
    // The centre cell lies in all nine windows, each sending back 1/9.
    expect(r.inputGrad[4]).toBeCloseTo(1, 15);
    expect(r.inputGrad[0]).toBeCloseTo(4 / 9, 15);
  });

  it('poolForwardBackward() refuses padding over half the kernel with PyTorch 1.13’s words, and a gradient of the wrong size', () => {
    const map = ones(16);
    expect(() => poolForwardBackward({ mode: 'max', map, height: 4, width: 4, spec: { kernel: 2, stride: 2, padding: 2 }, upstream: ones(9) })).toThrow(
      'maxPool2d: pad should be at most half of kernel size, but got pad=2 and kernel_size=2',
    );
    expect(() => poolForwardBackward({ mode: 'avg', map, height: 4, width: 4, spec: { kernel: 2, stride: 2, padding: 0 }, upstream: ones(3) })).toThrow(
      'poolForwardBackward: expected an upstream gradient of 4 values (2 × 2), got 3',
    );
  });
});

describe('windowArgmax()', () => {
  it('windowArgmax() picks the cell that the engine’s backward sends a one-hot gradient to', () => {
    fc.assert(
      fc.property(problem(true), fc.nat(), (req, pick) => {
        if (req.mode !== 'max') return;
        const n = req.upstream.length;
        const o = pick % n;
        const oneHot = new Float64Array(n);
        oneHot[o] = 1;
        const { inputGrad, shape } = poolForwardBackward({ ...req, upstream: oneHot });
        const outWidth = shape[3]!;
        const cells = poolWindow(req.height, req.width, req.spec, Math.floor(o / outWidth), o % outWidth);
        const best = windowArgmax(req.map, req.width, cells);
        const target = inputGrad.findIndex((v) => v === 1);
        expect(best && best.row * req.width + best.col).toBe(target);
      }),
      { numRuns: 300 },
    );
  });
});

describe('poolProblem()', () => {
  it('poolProblem() explains padding over half the kernel and a kernel larger than the padded map', () => {
    expect(poolProblem(6, 6, { kernel: 3, stride: 2, padding: 2 })).toMatch(/^padding 2 is more than half the kernel size 3/);
    expect(poolProblem(6, 6, { kernel: 3, stride: 2, padding: 2 })).toContain('(“pad should be at most half of kernel size”, in PyTorch 1.13’s words)');
    expect(poolProblem(6, 2, { kernel: 5, stride: 1, padding: 1 })).toBe('along the width, the kernel covers 5 but the padded input is only 4 (2 + 2 × 1)');
    expect(poolProblem(6, 6, { kernel: 2, stride: 2, padding: 1 })).toBeUndefined();
  });
});
