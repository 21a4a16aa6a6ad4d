/**
 * conv2d (groups, padding strings) and maxPool2d against real PyTorch: values, gradients and error
 * messages. Skips, saying why, where PyTorch is not installed (see testing/torch.ts).
 */
import { beforeAll, expect, it } from 'vitest';
import { avgPool2d, conv2d, maxPool2d, type AvgPoolOptions, type Conv2dOptions, type MaxPoolOptions, type Pair } from './convolution';
import { Conv2d } from '../nn/conv';
import { Rng } from '../random';
import type { NestedArray, Tensor } from '../tensor';
import { randomTensor } from '../testing/gradcheck';
import { describeWithTorch, maxDiff, runTorch, TORCH_STARTUP_TIMEOUT } from '../testing/torch';

interface ConvCase { readonly x: Tensor; readonly w: Tensor; readonly b: Tensor | null; readonly options: Conv2dOptions }

const SCRIPT = `
out = {'conv': [], 'pool': [], 'errors': []}
for c in INPUT['conv']:
    x, w, dy = T(c['x'], True), T(c['w'], True), T(c['dy'])
    b = T(c['b'], True) if c['b'] is not None else None
    o = c['options']
    y = F.conv2d(x, w, b, stride=o.get('stride', 1), padding=o.get('padding', 0), dilation=o.get('dilation', 1), groups=o.get('groups', 1))
    y.backward(dy)
    out['conv'].append({'y': y, 'dx': x.grad, 'dw': w.grad, 'db': b.grad if b is not None else None})
for c in INPUT['pool']:
    x = T(c['x'], True)
    o = c['options']
    if c['mode'] == 'max':
        y = F.max_pool2d(x, c['kernel'], o.get('stride'), o.get('padding', 0), o.get('dilation', 1), ceil_mode=o.get('ceilMode', False))
    else:
        y = F.avg_pool2d(x, c['kernel'], o.get('stride'), o.get('padding', 0), ceil_mode=o.get('ceilMode', False), count_include_pad=o.get('countIncludePad', True))
    # PyTorch 1.13's backward writes out of bounds for windows wholly in the padding: ask for the gradient only where none is.
    dx = None
    if torch.isfinite(y).all():
        y.backward(T(c['dy']))
        dx = x.grad
    out['pool'].append({'y': y, 'dx': dx})
for c in INPUT['errors']:
    kind = c['kind']
    if kind == 'F.conv2d':
        o = c['options']
        f = lambda: F.conv2d(torch.zeros(c['x']), torch.zeros(c['w']), torch.zeros(c['b']) if c.get('b') else None, stride=o.get('stride', 1), padding=o.get('padding', 0), dilation=o.get('dilation', 1), groups=o.get('groups', 1))
    else:
        a = c['args']
        f = lambda: nn.Conv2d(a[0], a[1], a[2], stride=a[3].get('stride', 1), padding=a[3].get('padding', 0), groups=a[3].get('groups', 1))
    out['errors'].append(error_of(f))
emit(out)
`;

describeWithTorch('conv2d and maxPool2d against PyTorch 1.13', () => {
  const convCases: ConvCase[] = [
    [[2, 4, 7, 6], [6, 2, 3, 3], true, { groups: 2 }],
    [[1, 6, 8, 7], [9, 2, 3, 2], true, { groups: 3, stride: [2, 1], padding: [1, 2], dilation: 2 }],
    [[2, 3, 5, 5], [3, 1, 3, 3], false, { groups: 3, padding: 'same' }],
    [[1, 2, 6, 5], [3, 2, 2, 4], true, { padding: 'same' }],
    [[1, 4, 7, 9], [4, 2, 2, 4], true, { padding: 'same', dilation: [2, 3], groups: 2 }],
    [[2, 2, 6, 5], [3, 2, 3, 2], true, { padding: 'valid', stride: 2 }],
  ].map(([xs, ws, bias, options], i) => {
    const w = randomTensor(ws as number[], 20 + i);
    return { x: randomTensor(xs as number[], 10 + i), w, b: bias ? randomTensor([w.shape[0]!], 30 + i) : null, options: options as Conv2dOptions };
  });
  const engineConv = convCases.map(({ x, w, b, options }) => {
    const y = conv2d(x, w, b, options);
    const dy = randomTensor(y.shape, 40);
    y.backward(dy.detach());
    return { y, dy };
  });

  const poolCases: ['max' | 'avg', number[], Pair, MaxPoolOptions & AvgPoolOptions][] = [
    ['max', [1, 1, 3, 3], 2, { stride: 2, padding: 1, dilation: 4 }], // one window, wholly in the padding
    ['max', [1, 1, 5, 5], 2, { stride: [4, 1], padding: 1, dilation: [6, 1] }], // every window's rows in the padding
    ['max', [2, 1, 5, 5], 2, { stride: 1, padding: 1, dilation: 5 }], // only the corners are ever inside
    ['max', [1, 2, 7, 6], 3, { stride: 2, padding: 1, dilation: 2, ceilMode: true }],
    ['avg', [1, 2, 7, 6], 3, { stride: 2, padding: 1, ceilMode: true }],
    ['avg', [1, 2, 7, 6], 3, { stride: 2, padding: 1, ceilMode: true, countIncludePad: false }],
    ['avg', [2, 1, 5, 8], [2, 4], { stride: [1, 3], padding: [1, 2], countIncludePad: false }],
  ];
  const enginePool = poolCases.map(([mode, shape, kernel, options], i) => {
    const x = randomTensor(shape, 50 + i);
    const y = mode === 'max' ? maxPool2d(x, kernel, options) : avgPool2d(x, kernel, options);
    const dy = randomTensor(y.shape, 60);
    if (y.data.every(Number.isFinite)) y.backward(dy.detach());
    return { mode, x, kernel, options, y, dy };
  });

  type ErrorCase = readonly [() => unknown, Record<string, unknown>];
  const z = (shape: number[]): Tensor => randomTensor(shape, 1);
  const errorCases: ErrorCase[] = [
    [() => conv2d(z([1, 2, 5, 5]), z([4, 3, 3, 3]), null, { padding: 'same' }), { x: [1, 2, 5, 5], w: [4, 3, 3, 3], options: { padding: 'same' } }],
    [() => conv2d(z([1, 2, 5, 5]), z([4, 3, 2, 4]), null, { padding: 'same' }), { x: [1, 2, 5, 5], w: [4, 3, 2, 4], options: { padding: 'same' } }],
    [() => conv2d(z([2, 5, 5]), z([4, 3, 2, 4]), null, { padding: 'same', dilation: [2, 3] }), { x: [2, 5, 5], w: [4, 3, 2, 4], options: { padding: 'same', dilation: [2, 3] } }],
    [() => conv2d(z([1, 4, 5, 5]), z([6, 2, 3, 3]), null, { groups: 3 }), { x: [1, 4, 5, 5], w: [6, 2, 3, 3], options: { groups: 3 } }],
    [() => conv2d(z([1, 4, 5, 5]), z([5, 2, 3, 3]), null, { groups: 2 }), { x: [1, 4, 5, 5], w: [5, 2, 3, 3], options: { groups: 2 } }],
    [() => conv2d(z([1, 4, 5, 5]), z([6, 2, 3, 3]), null, { groups: 0 }), { x: [1, 4, 5, 5], w: [6, 2, 3, 3], options: { groups: 0 } }],
    [() => conv2d(z([1, 3, 5, 5]), z([4, 3, 3, 3]), z([3]), {}), { x: [1, 3, 5, 5], w: [4, 3, 3, 3], b: [3], options: {} }],
    [() => conv2d(z([1, 3, 5, 5]), z([4, 3, 3, 3]), null, { padding: 'same', stride: [1, 2] }), { x: [1, 3, 5, 5], w: [4, 3, 3, 3], options: { padding: 'same', stride: [1, 2] } }],
    [() => conv2d(z([1, 3, 5, 5]), z([4, 3, 3, 3]), null, { padding: 'sam' as 'same' }), { x: [1, 3, 5, 5], w: [4, 3, 3, 3], options: { padding: 'sam' } }],
    [() => new Conv2d(4, 6, 3, { rng: new Rng(0), groups: 0 }), { kind: 'nn.Conv2d', args: [4, 6, 3, { groups: 0 }] }],
    [() => new Conv2d(4, 6, 3, { rng: new Rng(0), groups: 3 }), { kind: 'nn.Conv2d', args: [4, 6, 3, { groups: 3 }] }],
    [() => new Conv2d(4, 6, 3, { rng: new Rng(0), groups: 4 }), { kind: 'nn.Conv2d', args: [4, 6, 3, { groups: 4 }] }],
    [() => new Conv2d(3, 4, 3, { rng: new Rng(0), padding: 'same', stride: 2 }), { kind: 'nn.Conv2d', args: [3, 4, 3, { padding: 'same', stride: 2 }] }],
    [() => new Conv2d(3, 4, 3, { rng: new Rng(0), padding: 'sam' as 'same' }), { kind: 'nn.Conv2d', args: [3, 4, 3, { padding: 'sam' }] }],
  ];

  let torch: {
    conv: { y: NestedArray; dx: NestedArray; dw: NestedArray; db: NestedArray | null }[];
    pool: { y: NestedArray; dx: NestedArray | null }[];
    errors: (string | null)[];
  };
  beforeAll(() => {
    torch = runTorch(SCRIPT, {
      conv: convCases.map(({ x, w, b, options }, i) => ({ x: x.toArray(), w: w.toArray(), b: b?.toArray() ?? null, dy: engineConv[i]!.dy.toArray(), options })),
      pool: enginePool.map(({ mode, x, kernel, options, dy }) => ({ mode, x: x.toArray(), kernel, options, dy: dy.toArray() })),
      errors: errorCases.map(([, spec]) => ({ kind: 'F.conv2d', ...spec })),
    });
  }, TORCH_STARTUP_TIMEOUT);

  it('conv2d() with groups, padding strings, stride and dilation: values and gradients as PyTorch (float64, 1e-12)', () => {
    convCases.forEach(({ x, w, b }, i) => {
      const expected = torch.conv[i]!;
      expect(maxDiff(engineConv[i]!.y.toArray(), expected.y)).toBeLessThan(1e-12);
      expect(maxDiff(x.grad!.toArray(), expected.dx)).toBeLessThan(1e-12);
      expect(maxDiff(w.grad!.toArray(), expected.dw)).toBeLessThan(1e-12);
      if (b !== null) expect(maxDiff(b.grad!.toArray(), expected.db!)).toBeLessThan(1e-12);
    });
  });

  it('maxPool2d(): -inf where dilation puts a window wholly in the padding, values and gradients elsewhere as PyTorch; avgPool2d() with and without countIncludePad', () => {
    enginePool.forEach(({ x, y }, i) => {
      const expected = torch.pool[i]!;
      expect(maxDiff(y.toArray(), expected.y)).toBeLessThan(1e-15);
      if (expected.dx !== null) expect(maxDiff(x.grad!.toArray(), expected.dx)).toBeLessThan(1e-15);
    });
    expect(torch.pool.filter((p) => p.dx === null)).toHaveLength(2); // the two geometries with all-padding windows
  });

  it("conv2d() and nn.Conv2d refuse what PyTorch refuses, in PyTorch's words", () => {
    // PyTorch prints the set {'valid', 'same'} in Python's hash order, which changes from run to run.
    const setInOurOrder = (message: string): string => message.replace("{'same', 'valid'}", "{'valid', 'same'}");
    errorCases.forEach(([run], i) => {
      const expected = torch.errors[i];
      expect(expected).toEqual(expect.any(String));
      expect(run).toThrow(setInOurOrder(expected!));
    });
  });
});
