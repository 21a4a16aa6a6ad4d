import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateStack, formatShape, numel, type StackResult } from './calculate';
import { PRESETS } from './presets';
import { defaultLayer, type ArgValue, type Layer, type StackInput } from './schema';
import { validStack } from './testing/arbitraries';

const conv = (cin: number, cout: number, k: number, args = {}): Layer => defaultLayer('Conv2d', { in_channels: cin, out_channels: cout, kernel_size: [k, k], ...args });
const linear = (fin: number, fout: number, args = {}): Layer => defaultLayer('Linear', { in_features: fin, out_features: fout, ...args });
const flat = defaultLayer('Flatten');
const relu = defaultLayer('ReLU');
const maxPool = (k: number, s?: number): Layer => defaultLayer('MaxPool2d', { kernel_size: [k, k], stride: s === undefined ? null : [s, s] });
const image = (channels: number, height: number, width = height, batch = 1): StackInput => ({ batch, channels, height, width });
const shapes = (r: StackResult): (string | null)[] => r.rows.map((row) => (row.output ? formatShape(row.output) : null));

describe('calculateStack()', () => {
  it('calculateStack() reproduces the published parameter totals of the presets', () => {
    const totals = Object.fromEntries(PRESETS.map((p) => [p.id, calculateStack(p.input, p.layers).parameters]));
    expect(totals).toEqual({ lenet5: 61_706, alexnet: 62_378_344, 'alexnet-2gpu': 60_965_224, 'alexnet-torchvision': 61_100_840, vgg16: 138_357_544 });
    for (const p of PRESETS) expect(calculateStack(p.input, p.layers).parameters).toBe(p.publishedParameters);
  });

  it('calculateStack() gives AlexNet’s per-layer counts and shapes from LearnOpenCV’s walk-through', () => {
    const alexnet = PRESETS.find((p) => p.id === 'alexnet')!;
    const r = calculateStack(alexnet.input, alexnet.layers);
    const counted = r.rows.filter((row) => row.params!.weights > 0).map((row) => row.params!.weights + row.params!.biases);
    expect(counted).toEqual([34_944, 614_656, 885_120, 1_327_488, 884_992, 37_752_832, 16_781_312, 4_097_000]);
    expect(shapes(r).filter((_, i) => [0, 2, 5, 12, 13].includes(i))).toEqual(['(1, 96, 55, 55)', '(1, 96, 27, 27)', '(1, 256, 13, 13)', '(1, 256, 6, 6)', '(1, 9216)']);
    expect(r.output).toEqual([1, 1000]);
  });

  it('calculateStack() gives VGG16’s shapes, with the fully connected layers holding most parameters', () => {
    const vgg = PRESETS.find((p) => p.id === 'vgg16')!;
    const r = calculateStack(vgg.input, vgg.layers);
    expect(r.rows[0]!.output).toEqual([1, 64, 224, 224]);
    expect(r.rows.find((row) => row.layer.type === 'Flatten')!.output).toEqual([1, 25_088]);
    const fc = r.rows.filter((row) => row.layer.type === 'Linear').reduce((s, row) => s + row.params!.weights + row.params!.biases, 0);
    expect(fc).toBe(123_642_856);
    expect(r.parameters - fc).toBe(14_714_688);
  });

  it('calculateStack() counts weights and biases apart, for the batch, with float32 memory', () => {
    const r = calculateStack(image(3, 227, 227, 8), [conv(3, 96, 11, { stride: [4, 4] }), relu]);
    const row = r.rows[0]!;
    expect(row.params).toEqual({ weights: 96 * 3 * 11 * 11, biases: 96 });
    expect(row.output).toEqual([8, 96, 55, 55]);
    expect(row.outputBytes).toBe(8 * 96 * 55 * 55 * 4);
    expect(row.multAdds).toBe(8 * 96 * 55 * 55 * 3 * 11 * 11);
    expect(r.inputBytes).toBe(8 * 3 * 227 * 227 * 4);
    expect(r.outputBytes).toBe(2 * row.outputBytes!);
    expect(r.largestOutput).toEqual({ index: 0, bytes: row.outputBytes });
    expect(r.parameterBytes).toBe(4 * (34_848 + 96));
  });

  it('calculateStack() follows the size formula with floor and explains the rounding', () => {
    // torchvision's AlexNet: (224 + 2·2 − 11) / 4 = 54.25 → 55 positions.
    const r = calculateStack(image(3, 224), [conv(3, 64, 11, { stride: [4, 4], padding: [2, 2] })]);
    expect(r.rows[0]!.output).toEqual([1, 64, 55, 55]);
    expect(r.rows[0]!.notes).toEqual([
      'Height and width: (224 + 2 × 2 − 11) / 4 = 54.25 is rounded down, so 55 positions fit and the last row and column of the padded input are never covered.',
    ]);
  });

  it('calculateStack() matches the formula for random convolutions, including stride, padding, dilation and groups', () => {
    fc.assert(
      fc.property(
        fc.record({
          H: fc.integer({ min: 1, max: 64 }),
          W: fc.integer({ min: 1, max: 64 }),
          groups: fc.integer({ min: 1, max: 4 }),
          perGroupIn: fc.integer({ min: 1, max: 4 }),
          perGroupOut: fc.integer({ min: 1, max: 4 }),
          k: fc.tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 })),
          s: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })),
          p: fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })),
          d: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
          bias: fc.boolean(),
        }),
        ({ H, W, groups, perGroupIn, perGroupOut, k, s, p, d, bias }) => {
          const cin = groups * perGroupIn;
          const cout = groups * perGroupOut;
          const layer = defaultLayer('Conv2d', { in_channels: cin, out_channels: cout, kernel_size: k, stride: s, padding: p, dilation: d, groups, bias });
          const row = calculateStack(image(cin, H, W, 2), [layer]).rows[0]!;
          const out = (n: number, i: 0 | 1) => Math.floor((n + 2 * p[i] - d[i] * (k[i] - 1) - 1) / s[i]) + 1;
          const [ho, wo] = [out(H, 0), out(W, 1)];
          expect(row.params).toEqual({ weights: cout * perGroupIn * k[0] * k[1], biases: bias ? cout : 0 });
          if (ho >= 1 && wo >= 1) {
            expect(row.status).toBe('ok');
            expect(row.output).toEqual([2, cout, ho, wo]);
            expect(row.multAdds).toBe(2 * cout * ho * wo * perGroupIn * k[0] * k[1]);
          } else {
            expect(row.status).toBe('error');
            expect(row.error).toMatch(/^Conv2d: the window does not fit in the input’s (height|width): the kernel covers \d+/);
          }
        },
      ),
    );
  });

  it('calculateStack() keeps the spatial size with padding=’same’, padding unevenly for even kernels', () => {
    const r = calculateStack(image(2, 9, 7), [conv(2, 4, 4, { padding: 'same', dilation: [1, 2] })]);
    expect(r.rows[0]!.output).toEqual([1, 4, 9, 7]);
    expect(r.rows[0]!.notes[0]).toMatch(/pads unevenly/);
    const strided = calculateStack(image(2, 9), [conv(2, 4, 3, { padding: 'same', stride: [2, 2] })]).rows[0]!;
    expect(strided.error).toBe("Conv2d: padding='same' needs stride 1, got stride (2, 2); PyTorch refuses to build this layer.");
    expect(strided.pytorchError).toBe("padding='same' is not supported for strided convolutions");
  });

  it('calculateStack() rounds a ceil_mode pool up, and says when PyTorch drops a last window that would start in the padding', () => {
    const row = calculateStack(image(1, 5), [defaultLayer('MaxPool2d', { kernel_size: [2, 2], stride: [2, 2], padding: [1, 1], ceil_mode: true })]).rows[0]!;
    expect(row.output).toEqual([1, 1, 3, 3]);
    expect(row.notes.join(' ')).toContain('is rounded up (ceil_mode=True) to 4 positions, but the last would start in the right padding, so PyTorch drops it: 3.');
  });

  it('calculateStack() quotes the output size PyTorch 1.13 calculates with ceil_mode, rounded up, when it is below 1', () => {
    const pool = defaultLayer('MaxPool2d', { kernel_size: [6, 5], stride: [4, 3], padding: [3, 0], dilation: [2, 4], ceil_mode: true });
    const row = calculateStack(image(2, 11, 1), [pool]).rows[0]!;
    // (1 − 4 · 4 − 1 + 3 − 1) / 3 = −4.67 rounds down to −5, plus 1: −4 (the floor formula alone gives −5).
    expect(row.pytorchError).toBe('Given input size: (2x11x1). Calculated output size: (2x3x-4). Output size is too small');
    expect(row.error).toContain('no output column fits (the formula gives −4)');
    const avg = calculateStack(image(3, 3, 3), [defaultLayer('AvgPool2d', { kernel_size: [9, 4], stride: [2, 3], ceil_mode: true })]).rows[0]!;
    expect(avg.pytorchError).toBe('Given input size: (3x3x3). Calculated output size: (3x-2x1). Output size is too small');
  });

  it('calculateStack() quotes the warning Softmax and LogSoftmax give without a dim, naming the function as PyTorch 1.13 does', () => {
    const notes = (type: 'Softmax' | 'LogSoftmax') => calculateStack(image(3, 4), [defaultLayer(type)]).rows[0]!.notes.join(' ');
    expect(notes('Softmax')).toContain('“Implicit dimension choice for softmax has been deprecated. Change the call to include dim=X as an argument.”');
    expect(notes('LogSoftmax')).toContain('“Implicit dimension choice for log_softmax has been deprecated. Change the call to include dim=X as an argument.”');
  });

  it('calculateStack() pools with stride = kernel_size by default and refuses padding over half the kernel', () => {
    const r = calculateStack(image(3, 7), [maxPool(2), defaultLayer('AvgPool2d', { kernel_size: [3, 3], stride: [2, 2], padding: [1, 1] })]);
    expect(shapes(r)).toEqual(['(1, 3, 3, 3)', '(1, 3, 2, 2)']);
    const bad = calculateStack(image(3, 7), [defaultLayer('MaxPool2d', { kernel_size: [3, 3], padding: [2, 2] })]).rows[0]!;
    expect(bad.error).toBe('MaxPool2d: padding can be at most half the kernel size: kernel_size (3, 3) allows padding up to (1, 1), got (2, 2)');
    // PyTorch 1.13's words (checked with a real run): height first, against half the kernel.
    expect(bad.pytorchError).toBe('pad should be at most half of kernel size, but got pad=2 and kernel_size=3');
    // Dilation plays no part in 1.13's check; the width is named when only it is too wide.
    const dilated = calculateStack(image(3, 12), [defaultLayer('MaxPool2d', { kernel_size: [2, 2], padding: [0, 2], dilation: [3, 3] })]).rows[0]!;
    expect(dilated.pytorchError).toBe('pad should be at most half of kernel size, but got pad=2 and kernel_size=2');
  });

  it('calculateStack() names the layer whose kernel is larger than its input, and the size that reaches zero', () => {
    const r = calculateStack(image(1, 4), [conv(1, 2, 5)]);
    expect(r.rows[0]!.error).toBe('Conv2d: the window does not fit in the input’s height: the kernel covers 5 but the padded input is only 4 (4 + 2 × 0), so the output height would be 0');
    expect(r.rows[0]!.pytorchError).toBe("Calculated padded input size per channel: (4 x 4). Kernel size: (5 x 5). Kernel size can't be greater than actual input size");
    const pools = calculateStack(image(8, 4), [maxPool(2), maxPool(2), maxPool(2), relu]);
    expect(shapes(pools)).toEqual(['(1, 8, 2, 2)', '(1, 8, 1, 1)', null, null]);
    expect(pools.rows[2]!.error).toBe('MaxPool2d: the window does not fit in the input’s height: the kernel covers 2 but the padded input is only 1 (1 + 2 × 0), so the output height would be 0');
    expect(pools.rows[2]!.pytorchError).toBe('Given input size: (8x1x1). Calculated output size: (8x0x0). Output size is too small');
    expect(pools.rows[3]!.status).toBe('unknown');
  });

  it('calculateStack() says what in_features Linear needs, with the factors Flatten multiplied', () => {
    const r = calculateStack(image(256, 6), [flat, linear(4096, 4096), relu, linear(4096, 10)]);
    const row = r.rows[1]!;
    expect(row.status).toBe('error');
    expect(row.error).toBe('Linear expects in_features = 9216 (256 × 6 × 6), got 4096');
    expect(row.pytorchError).toBe('mat1 and mat2 shapes cannot be multiplied (1x9216 and 4096x4096)');
    // The rest of the table goes on as if the error were fixed, and says so.
    expect(r.rows.slice(2).map((x) => [x.status, x.output])).toEqual([
      ['assumed', [1, 4096]],
      ['assumed', [1, 10]],
    ]);
    expect(r.firstError).toBe(1);
    expect(r.output).toBeNull();
    expect(r.parameters).toBe(4096 * 4096 + 4096 + 4096 * 10 + 10);
  });

  it('calculateStack() explains a Linear after a 4-D input (a missing Flatten) and stops there', () => {
    const r = calculateStack(image(256, 6), [linear(9216, 10), relu]);
    expect(r.rows[0]!.error).toBe(
      'Linear expects in_features = 6 (the last size of a 4-D input (1, 256, 6, 6)), got 9216. Linear acts on the last dimension only: add nn.Flatten() before it to get (1, 9216); those 9216 numbers per image are exactly in_features.',
    );
    expect(r.rows[0]!.pytorchError).toBe('mat1 and mat2 shapes cannot be multiplied (1536x6 and 9216x10)');
    expect(r.rows[1]!.status).toBe('unknown');
    expect(r.rows[1]!.params).toEqual({ weights: 0, biases: 0 });
    expect(r.unknownRows).toBe(2);
  });

  it('calculateStack() checks channels for Conv2d and BatchNorm2d and continues with the declared ones', () => {
    const r = calculateStack(image(1, 28), [conv(3, 8, 3), defaultLayer('BatchNorm2d', { num_features: 8 }), relu]);
    expect(r.rows[0]!.error).toBe('Conv2d expects in_channels = 1 (its input has 1 channel), got 3');
    expect(r.rows[0]!.pytorchError).toBe('Given groups=1, weight of size [8, 3, 3, 3], expected input[1, 1, 28, 28] to have 3 channels, but got 1 channels instead');
    expect(r.rows[1]!.status).toBe('assumed');
    expect(r.rows[1]!.output).toEqual([1, 8, 26, 26]);
    const bn = calculateStack(image(3, 4), [defaultLayer('BatchNorm2d', { num_features: 4 })]).rows[0]!;
    expect(bn.error).toBe('BatchNorm2d expects num_features = 3 (its input has 3 channels), got 4');
  });

  it('calculateStack() refuses a Conv2d whose channels do not divide by groups, without a parameter count', () => {
    const r = calculateStack(image(3, 8), [conv(3, 4, 3, { groups: 2 })]);
    expect(r.rows[0]!.error).toBe('Conv2d: in_channels = 3 must be divisible by groups = 2; PyTorch refuses to build this layer.');
    expect(r.rows[0]!.params).toBeNull();
    expect(r.uncountedLayers).toBe(1);
  });

  it('calculateStack() refuses spatial layers after Flatten and checks Flatten’s and Softmax’s dims', () => {
    const r = calculateStack(image(3, 8), [flat, conv(192, 4, 1)]);
    expect(r.rows[1]!.error).toBe('Conv2d expects a 3-D (C, H, W) or 4-D (N, C, H, W) input, got a 2-D input (1, 192). It comes after a Flatten or Linear; spatial layers go before them.');
    expect(r.rows[1]!.pytorchError).toBe('Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [1, 192]');
    const dims = calculateStack(image(3, 8), [flat, defaultLayer('Softmax', { dim: 2 })]);
    expect(dims.rows[1]!.error).toBe('dim is out of range for a 2-D input (1, 192): use −2 to 1, got 2');
    expect(dims.rows[1]!.pytorchError).toBe('Dimension out of range (expected to be in range of [-2, 1], but got 2)');
    const order = calculateStack(image(3, 8), [defaultLayer('Flatten', { start_dim: 3, end_dim: 1 })]).rows[0]!;
    expect(order.pytorchError).toBe('flatten() has invalid args: start_dim cannot come after end_dim');
  });

  it('calculateStack() counts BatchNorm2d’s parameters and its buffers apart', () => {
    const r = calculateStack(image(16, 8), [defaultLayer('BatchNorm2d', { num_features: 16 })]);
    expect(r.rows[0]!.params).toEqual({ weights: 16, biases: 16 });
    expect(r.buffers).toBe(33);
    expect(calculateStack(image(16, 8), [defaultLayer('BatchNorm2d', { num_features: 16, affine: false })]).parameters).toBe(0);
  });

  it('calculateStack() gives adaptive pooling the size it asks for', () => {
    const r = calculateStack(image(8, 13, 10), [defaultLayer('AdaptiveAvgPool2d', { output_size: [6, null] }), defaultLayer('AdaptiveMaxPool2d', { output_size: [1, 1] })]);
    expect(shapes(r)).toEqual(['(1, 8, 6, 10)', '(1, 8, 1, 1)']);
  });

  it('calculateStack() keeps the batch and counts parameters once, whatever N is (property)', () => {
    fc.assert(
      fc.property(validStack, fc.integer({ min: 1, max: 9 }), ({ input, layers }, n) => {
        const one = calculateStack({ ...input, batch: 1 }, layers);
        const many = calculateStack({ ...input, batch: n }, layers);
        expect(many.parameters).toBe(one.parameters);
        many.rows.forEach((row, i) => {
          const single = one.rows[i]!;
          expect(row.status).toBe('ok');
          // Every layer keeps dimension 0 as the batch, except a Flatten that starts at 0 (not generated).
          expect(row.output![0]).toBe(n);
          expect(row.output!.slice(1)).toEqual(single.output!.slice(1));
          expect(row.outputBytes).toBe(numel(row.output!) * 4);
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('calculateStack() and PyTorch 1.13’s messages (each checked with a real run; the .torch test checks them all again)', () => {
  const conv2d = (args: Record<string, ArgValue>): Layer => defaultLayer('Conv2d', { in_channels: 9, out_channels: 4, kernel_size: [2, 2], ...args });

  it("calculateStack() quotes the input as PyTorch does after padding='same' pads the odd extra row and column", () => {
    const row = calculateStack(image(3, 5), [conv2d({ padding: 'same' })]).rows[0]!;
    expect(row.error).toBe('Conv2d expects in_channels = 3 (its input has 3 channels), got 9; PyTorch quotes the input after padding it by the odd extra row or column');
    expect(row.pytorchError).toBe('Given groups=1, weight of size [4, 9, 2, 2], expected input[1, 3, 6, 6] to have 9 channels, but got 3 channels instead');
    const even = calculateStack(image(3, 5, 7), [conv2d({ padding: 'same', dilation: [2, 2] })]).rows[0]!;
    expect(even.pytorchError).toContain('expected input[1, 3, 5, 7]');
  });

  it('calculateStack() quotes an unbatched input with the batch of one PyTorch adds', () => {
    const r = calculateStack(image(3, 5), [defaultLayer('Flatten', { start_dim: 0, end_dim: 0 }), conv2d({})]);
    expect(r.rows[1]!.pytorchError).toBe('Given groups=1, weight of size [4, 9, 2, 2], expected input[1, 3, 5, 5] to have 9 channels, but got 3 channels instead');
  });

  it('calculateStack() gives reflect padding the shape of zero padding, and its limit: smaller than the input', () => {
    const fits = calculateStack(image(3, 8), [conv2d({ in_channels: 3, kernel_size: [3, 3], padding: [1, 1], padding_mode: 'reflect' })]).rows[0]!;
    expect(fits.output).toEqual([1, 4, 8, 8]);
    expect(fits.notes[0]).toBe("padding_mode='reflect' fills the padding with the input mirrored at its edges (the edge itself not repeated); the shapes are the same as with zeros.");
    const tall = calculateStack(image(3, 4, 10), [conv2d({ in_channels: 3, kernel_size: [3, 3], padding: [5, 1], padding_mode: 'reflect' })]).rows[0]!;
    expect(tall.error).toBe("Conv2d with padding_mode='reflect' mirrors the input at its edges, so each side’s padding must be smaller than the input’s height 4, got padding (5, 5)");
    expect(tall.pytorchError).toBe('Argument #6: Padding size should be less than the corresponding input dimension, but got: padding (5, 5) at dimension 2 of input 4');
    expect(tall.engineMisses).not.toBeNull();
    const wrong = calculateStack(image(3, 5), [conv2d({ kernel_size: [4, 4], padding: 'same', padding_mode: 'reflect' })]).rows[0]!;
    expect(wrong.pytorchError).toContain('expected input[1, 3, 8, 8] to have 9 channels');
  });

  it('calculateStack() knows batch norm without running statistics: one value per channel fails in eval mode too', () => {
    const one = calculateStack(image(8, 1), [defaultLayer('BatchNorm2d', { num_features: 8, track_running_stats: false })]).rows[0]!;
    expect(one.pytorchError).toBe('Expected more than 1 value per channel when training, got input size torch.Size([1, 8, 1, 1])');
    const loose = calculateStack(image(4, 2), [defaultLayer('BatchNorm2d', { num_features: 3, track_running_stats: false, affine: false })]).rows[0]!;
    expect(loose.status).toBe('ok');
    expect(loose.notes[0]).toBe('With affine=False and track_running_stats=False, BatchNorm2d keeps no number per channel, so PyTorch accepts 4 channels although num_features = 3.');
  });

  it('calculateStack() finds a layer PyTorch refuses to build even after an earlier error, since building comes first', () => {
    const r = calculateStack(image(3, 2), [conv2d({ in_channels: 3, kernel_size: [5, 5] }), conv2d({ in_channels: 4, groups: 3 })]);
    expect(r.firstError).toBe(0);
    expect(r.rows[1]!.status).toBe('error');
    expect(r.pytorchStops).toBe(1);
    expect(r.rows[1]!.pytorchError).toBe('in_channels must be divisible by groups');
  });
});
