import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../engine';
import { calculateStack } from './calculate';
import { checkStackWithEngine, MAX_LIVE_NUMBERS } from './engine-check';
import { engineModule, engineParameterCount } from './engine-layers';
import { PRESETS } from './presets';
import { defaultLayer, type Layer, type StackInput } from './schema';
import { validStack } from './testing/arbitraries';

const image = (channels: number, height: number, width = height): StackInput => ({ batch: 1, channels, height, width });
const conv = (cin: number, cout: number, k: number, args = {}): Layer => defaultLayer('Conv2d', { in_channels: cin, out_channels: cout, kernel_size: [k, k], ...args });

describe('checkStackWithEngine()', () => {
  it('checkStackWithEngine() agrees with the calculator on random valid stacks (property)', async () => {
    await fc.assert(
      fc.asyncProperty(validStack, async ({ input, layers }) => {
        const check = await checkStackWithEngine(input, layers, { seed: 7 });
        const expected = calculateStack({ ...input, batch: 1 }, layers);
        expect(check.layers.map((l) => l.verdict)).toEqual(layers.map(() => 'same'));
        check.layers.forEach((l, i) => {
          expect(l.engineShape).toEqual(expected.rows[i]!.output);
          expect(l.engineParams).toEqual(expected.rows[i]!.params);
        });
        expect(check.agrees).toBe(true);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('checkStackWithEngine() covers stride, padding, dilation, groups and sizes that do not divide evenly', async () => {
    const layers = [
      conv(4, 6, 3, { stride: [2, 3], padding: [1, 2], dilation: [2, 1], groups: 2 }),
      conv(6, 6, 4, { padding: 'same', groups: 3, bias: false }),
      defaultLayer('MaxPool2d', { kernel_size: [3, 2], stride: [2, 2], padding: [1, 1], dilation: [1, 2] }),
      defaultLayer('BatchNorm2d', { num_features: 6 }),
      defaultLayer('AdaptiveAvgPool2d', { output_size: [3, null] }),
      defaultLayer('Flatten'),
      defaultLayer('Linear', { in_features: 6 * 3 * 3, out_features: 5 }),
      defaultLayer('GELU'),
      defaultLayer('LogSoftmax', { dim: 1 }),
    ];
    const expected = calculateStack(image(4, 14, 11), layers);
    expect(expected.firstError).toBeNull();
    expect(expected.rows[0]!.notes.length).toBeGreaterThan(0); // (14 + 2 − 5) / 2 = 5.5 is rounded down
    const check = await checkStackWithEngine(image(4, 14, 11), layers);
    expect(check.layers.map((l) => l.verdict)).toEqual(layers.map(() => 'same'));
    expect(check.layers[1]!.engineParams).toEqual({ weights: 6 * 2 * 16, biases: 0 });
  });

  it('checkStackWithEngine() sees the engine fail where the calculator reports an error, and goes on after it', async () => {
    const layers = [conv(3, 8, 3), defaultLayer('ReLU'), defaultLayer('Flatten'), defaultLayer('Linear', { in_features: 100, out_features: 10 }), defaultLayer('Linear', { in_features: 10, out_features: 2 })];
    const check = await checkStackWithEngine(image(3, 6), layers);
    expect(check.layers.map((l) => l.verdict)).toEqual(['same', 'same', 'same', 'both-fail', 'same']);
    expect(check.layers[3]!.engineError).toBe('linear: mat1 and mat2 shapes cannot be multiplied (1x128 and 100x10)');
    expect(check.agrees).toBe(true);
    const tooSmall = await checkStackWithEngine(image(1, 4), [conv(1, 2, 5), defaultLayer('ReLU')]);
    expect(tooSmall.layers.map((l) => l.verdict)).toEqual(['both-fail', 'not-run']);
    expect(tooSmall.layers[1]!.reason).toBe('After the error in layer 1, this layer’s input is unknown.');
  });

  it('checkStackWithEngine() skips what is over its limits and says why', async () => {
    const layers = [conv(3, 8, 3, { padding: [1, 1] }), defaultLayer('Flatten'), defaultLayer('Linear', { in_features: 8 * 16 * 16, out_features: 64 })];
    const input = image(3, 16);
    const overMemory = await checkStackWithEngine(input, layers, { maxLiveNumbers: 10_000 });
    expect(overMemory.layers[2]!.verdict).toBe('skipped');
    expect(overMemory.layers[2]!.reason).toMatch(/^Not built: its input, weights and output hold 0\.1 million numbers \(1 MB\), over the check’s limit of 0\.0 million/);
    const overWork = await checkStackWithEngine(input, layers, { workBudget: 60_000 });
    expect(overWork.layers.map((l) => [l.verdict, l.ran])).toEqual([
      ['same', true],
      ['same', true],
      ['skipped', false],
    ]);
    expect(overWork.layers[2]!.engineParams).toEqual({ weights: 2048 * 64, biases: 64 });
    expect(overWork.layers[2]!.reason).toMatch(/^Forward pass skipped: it needs about 0\.1 million multiply-adds/);
  });

  it('checkStackWithEngine() skips VGG16’s 411 MB Linear layer and would build AlexNet’s', () => {
    const vgg = PRESETS.find((p) => p.id === 'vgg16')!;
    const fc6 = calculateStack(vgg.input, vgg.layers).rows.find((r) => r.layer.type === 'Linear')!;
    expect(fc6.params!.weights + fc6.params!.biases).toBeGreaterThan(MAX_LIVE_NUMBERS);
    const alexnet = PRESETS.find((p) => p.id === 'alexnet')!;
    for (const row of calculateStack(alexnet.input, alexnet.layers).rows) {
      const live = row.input!.reduce((a, b) => a * b, 1) + row.params!.weights + row.params!.biases + row.output!.reduce((a, b) => a * b, 1);
      expect(live).toBeLessThanOrEqual(MAX_LIVE_NUMBERS);
    }
  });
});

describe('engineParameterCount()', () => {
  it('engineParameterCount() of the engine’s real modules sums to AlexNet’s 62,378,344', () => {
    const alexnet = PRESETS.find((p) => p.id === 'alexnet')!;
    const rng = new Rng(1);
    let total = 0;
    for (const layer of alexnet.layers) {
      const counted = engineParameterCount(engineModule(layer, rng));
      total += counted.weights + counted.biases;
    }
    expect(total).toBe(62_378_344);
  }, 30_000);

  it('engineParameterCount() counts a grouped convolution as PyTorch does', () => {
    const counted = engineParameterCount(engineModule(conv(6, 9, 3, { groups: 3 }), new Rng(1)));
    expect(counted).toEqual({ weights: 9 * 2 * 3 * 3, biases: 9 });
  });
});
