import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conv2dParameterCount, linearParameterCount, windowFormula, windowOutputSize } from './conv';

const ok = (input: number, kernel: number, stride = 1, padding = 0, dilation = 1) =>
  windowOutputSize(input, { kernel, stride, padding, dilation });

describe('windowFormula()', () => {
  it('windowFormula() gives the size PyTorch 1.13 quotes when it is below 1, rounded as ceil_mode says', () => {
    // Each from "Calculated output size: (…)" of F.max_pool2d / F.avg_pool2d in PyTorch 1.13.
    const cases: [number, number, number, number, number, boolean, number][] = [
      // input, kernel, stride, padding, dilation, ceil_mode, PyTorch's size
      [1, 5, 3, 0, 4, true, -4], // (2, 11, 1) input, kernel (6, 5), stride (4, 3), padding (3, 0), dilation (2, 4): width
      [11, 6, 4, 3, 2, true, 3], // … and its height
      [1, 6, 6, 2, 4, true, -1], // (2, 1, 2) input, kernel (6, 7), padding 2, dilation (4, 1): height
      [3, 9, 2, 0, 1, true, -2], // (3, 3, 3) input, kernel (9, 4), stride (2, 3): height
      [3, 4, 3, 0, 1, true, 1], // … and its width: a window past the input still counts with ceil_mode
      [2, 3, 1, 0, 1, false, 0], // (1, 2, 2) input, kernel 3
    ];
    for (const [input, kernel, stride, padding, dilation, ceilMode, size] of cases) {
      expect(windowFormula(input, { kernel, stride, padding, dilation, ceilMode }), `${input}, k ${kernel}, s ${stride}, p ${padding}, d ${dilation}`).toBe(size);
    }
  });
});

describe('windowOutputSize()', () => {
  it('windowOutputSize() matches textbook cases', () => {
    expect(ok(28, 3)).toEqual({ ok: true, size: 26, exact: true });
    expect(ok(28, 3, 1, 1)).toEqual({ ok: true, size: 28, exact: true }); // "same" padding
    expect(ok(227, 11, 4)).toEqual({ ok: true, size: 55, exact: true }); // AlexNet conv1
    expect(ok(224, 11, 4, 2)).toEqual({ ok: true, size: 55, exact: false }); // torchvision AlexNet conv1: 54.25 → 55
    expect(ok(55, 3, 2)).toEqual({ ok: true, size: 27, exact: true }); // AlexNet max pool
  });

  it('windowOutputSize() applies dilation', () => {
    // A 3×3 kernel with dilation 2 spans 5 pixels.
    expect(ok(7, 3, 1, 0, 2)).toEqual({ ok: true, size: 3, exact: true });
  });

  it('windowOutputSize() floors when the stride does not divide evenly', () => {
    expect(ok(6, 3, 2)).toEqual({ ok: true, size: 2, exact: false });
  });

  it('windowOutputSize() explains a kernel larger than the padded input', () => {
    const r = ok(4, 5);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toBe('the kernel covers 5 but the padded input is only 4 (4 + 2 × 0)');
    expect(ok(4, 5, 1, 1).ok).toBe(true);
  });

  it('windowOutputSize() rejects non-integer and out-of-range settings', () => {
    expect(ok(10, 0).ok).toBe(false);
    expect(ok(10, 3, 0).ok).toBe(false);
    expect(ok(10, 3, 1, -1).ok).toBe(false);
    expect(ok(10.5, 3).ok).toBe(false);
  });

  it('windowOutputSize() counts exactly the window positions that fit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        (input, kernel, stride, padding, dilation) => {
          const span = dilation * (kernel - 1) + 1;
          let positions = 0;
          for (let start = 0; start + span <= input + 2 * padding; start += stride) positions++;
          const r = ok(input, kernel, stride, padding, dilation);
          if (positions === 0) expect(r.ok).toBe(false);
          else expect(r).toMatchObject({ ok: true, size: positions });
        },
      ),
    );
  });
});

describe('parameter counts', () => {
  it('conv2dParameterCount() gives (C_in·k·k + 1)·C_out', () => {
    const c = conv2dParameterCount(3, 96, [11, 11]);
    expect(c.weights + c.biases).toBe((3 * 11 * 11 + 1) * 96);
    expect(conv2dParameterCount(3, 8, [3, 3], { bias: false }).biases).toBe(0);
  });

  it('linearParameterCount() gives in·out + out', () => {
    const l = linearParameterCount(9216, 4096);
    expect(l.weights + l.biases).toBe(37_752_832);
  });
});
