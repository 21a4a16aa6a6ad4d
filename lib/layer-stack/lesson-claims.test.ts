/**
 * Numbers the CNN sizes lesson states in its prose (lessons/cnn-sizes.mdx), recomputed with the
 * calculator so that the text cannot drift from it.
 */
import { describe, expect, it } from 'vitest';
import { calculateStack, type StackResult } from './calculate';
import { importPyTorch } from './import-pytorch';
import { PRESETS } from './presets';
import { defaultLayer, type Layer, type StackInput } from './schema';
import { TORCHVISION_ALEXNET_PASTEABLE } from './testing/snippets';

const preset = (id: string) => PRESETS.find((p) => p.id === id)!;
const run = (id: string, input?: Partial<StackInput>): StackResult => {
  const p = preset(id);
  return calculateStack({ ...p.input, ...input }, p.layers);
};
const percent = (part: number, whole: number): string => ((100 * part) / whole).toFixed(1);
const sumParams = (r: StackResult, type: Layer['type']): number =>
  r.rows.filter((row) => row.layer.type === type).reduce((s, row) => s + row.params!.weights + row.params!.biases, 0);
const sumMultAdds = (r: StackResult, type: Layer['type']): number => r.rows.filter((row) => row.layer.type === type).reduce((s, row) => s + row.multAdds!, 0);

describe('CNN sizes lesson claims', () => {
  it('one 3 × 224 × 224 image is 150,528 numbers, 602,112 bytes in float32', () => {
    const r = calculateStack({ batch: 1, channels: 3, height: 224, width: 224 }, []);
    expect(r.input.reduce((a, b) => a * b, 1)).toBe(150_528);
    expect(r.inputBytes).toBe(602_112);
  });

  it('the worked size examples: 32 → 28 → 14 (LeNet), 227 → 55 (AlexNet), 224 with padding 2 → 54.25 → 55', () => {
    const lenet = run('lenet5');
    expect([lenet.rows[0]!.output, lenet.rows[2]!.output]).toEqual([
      [1, 6, 28, 28],
      [1, 6, 14, 14],
    ]);
    expect(run('alexnet').rows[0]!.output).toEqual([1, 96, 55, 55]);
    const tv = calculateStack({ batch: 1, channels: 3, height: 224, width: 224 }, [
      defaultLayer('Conv2d', { in_channels: 3, out_channels: 64, kernel_size: [11, 11], stride: [4, 4], padding: [2, 2] }),
    ]);
    expect(tv.rows[0]!.output).toEqual([1, 64, 55, 55]);
    expect(tv.rows[0]!.notes[0]).toContain('= 54.25 is rounded down');
    // The paper's 224 without padding gives 54, not the 55 of its figure.
    const paper = calculateStack({ batch: 1, channels: 3, height: 224, width: 224 }, [preset('alexnet').layers[0]!]);
    expect(paper.rows[0]!.output).toEqual([1, 96, 54, 54]);
  });

  it('AlexNet’s first Linear layer needs 9,216 inputs, and 4,096 gives PyTorch’s mat1/mat2 message', () => {
    const layers = preset('alexnet').layers.map((l, i) => (i === 15 ? defaultLayer('Linear', { in_features: 4096, out_features: 4096 }) : l));
    const r = calculateStack(preset('alexnet').input, layers);
    expect(r.rows[13]!.output).toEqual([1, 9216]);
    expect(r.rows[15]!.pytorchError).toBe('mat1 and mat2 shapes cannot be multiplied (1x9216 and 4096x4096)');
    expect(r.rows[15]!.error).toBe('Linear expects in_features = 9216 (256 × 6 × 6), got 4096');
  });

  it('the LeNet-5 table: 156, 2,416, 48,120, 10,164, 850; 61,470 weights, 236 biases, 61,706 in all', () => {
    const r = run('lenet5');
    const counted = r.rows.filter((row) => row.params!.weights > 0).map((row) => row.params!.weights + row.params!.biases);
    expect(counted).toEqual([156, 2_416, 48_120, 10_164, 850]);
    expect([r.weights, r.biases, r.parameters]).toEqual([61_470, 236, 61_706]);
    expect(r.rows.map((row) => row.output)).toContainEqual([1, 400]);
  });

  it('AlexNet: 58,631,144 of 62,378,344 parameters (94.0 %) in Linear layers; 1.14 billion multiply-adds, 94.8 % in convolutions', () => {
    const r = run('alexnet');
    expect(r.parameters).toBe(62_378_344);
    expect(sumParams(r, 'Linear')).toBe(58_631_144);
    expect(percent(58_631_144, r.parameters)).toBe('94.0');
    expect((r.multAdds / 1e9).toFixed(2)).toBe('1.14');
    expect(percent(sumMultAdds(r, 'Conv2d'), r.multAdds)).toBe('94.8');
  });

  it('VGG16: 123,642,856 of 138,357,544 parameters (89.4 %) in Linear layers; 553 MB in float32, about 2.2 GB with Adam', () => {
    const r = run('vgg16');
    expect(sumParams(r, 'Linear')).toBe(123_642_856);
    expect(percent(123_642_856, r.parameters)).toBe('89.4');
    expect(Math.round(r.parameterBytes / 1e6)).toBe(553);
    expect(((4 * r.parameterBytes) / 1e9).toFixed(1)).toBe('2.2');
  });

  it('VGG16’s first output is 12.8 MB per image and 411 MB for 32, as many numbers as its 25,088 × 4,096 weight (2²¹ · 49)', () => {
    const one = run('vgg16').rows[0]!;
    expect((one.outputBytes! / 1e6).toFixed(1)).toBe('12.8');
    const batch = run('vgg16', { batch: 32 }).rows[0]!;
    expect(Math.round(batch.outputBytes! / 1e6)).toBe(411);
    const fc6 = run('vgg16').rows.find((row) => row.layer.type === 'Linear')!;
    expect(fc6.params!.weights).toBe(25_088 * 4_096);
    expect(batch.outputBytes! / 4).toBe(fc6.params!.weights);
    expect(fc6.params!.weights).toBe(2 ** 21 * 49);
  });

  it('VGG16 on a 28 × 28 digit: the pools give 14, 7, 3, 1 and the fifth has no room', () => {
    const r = run('vgg16', { channels: 3, height: 28, width: 28 });
    const pools = r.rows.filter((row) => row.layer.type === 'MaxPool2d');
    expect(pools.slice(0, 4).map((row) => row.output![2])).toEqual([14, 7, 3, 1]);
    expect(pools[4]!.pytorchError).toMatch(/Output size is too small$/);
    expect(run('vgg16').rows.filter((row) => row.layer.type === 'MaxPool2d').at(-1)!.output).toEqual([1, 512, 7, 7]);
  });

  it('a Linear layer without Flatten multiplies the width only: 1536x6', () => {
    const r = calculateStack({ batch: 1, channels: 256, height: 6, width: 6 }, [defaultLayer('Linear', { in_features: 9216, out_features: 4096 })]);
    expect(r.rows[0]!.pytorchError).toBe('mat1 and mat2 shapes cannot be multiplied (1536x6 and 9216x4096)');
  });

  it('a colour convolution given grey images: “expected input[1, 1, 28, 28] to have 3 channels, but got 1 channels instead”', () => {
    const r = calculateStack({ batch: 1, channels: 1, height: 28, width: 28 }, [defaultLayer('Conv2d', { in_channels: 3, out_channels: 16, kernel_size: [3, 3] })]);
    expect(r.rows[0]!.pytorchError).toContain('expected input[1, 1, 28, 28] to have 3 channels, but got 1 channels instead');
  });

  it('the presets’ totals: torchvision’s AlexNet has 61,100,840 parameters', () => {
    const r = importPyTorch(TORCHVISION_ALEXNET_PASTEABLE);
    expect(calculateStack({ batch: 1, channels: 3, height: 224, width: 224 }, r.layers!).parameters).toBe(61_100_840);
    expect([run('lenet5').parameters, run('alexnet').parameters, run('vgg16').parameters]).toEqual([61_706, 62_378_344, 138_357_544]);
  });

  it('the answers: ResNet’s stem gives (64, 112, 112) with 9,472 parameters; VGG16 needs 25,088 inputs and a 256 image gives 32,768; the 6 × 6 convolution has 37,752,832', () => {
    const stem = calculateStack({ batch: 1, channels: 3, height: 224, width: 224 }, [
      defaultLayer('Conv2d', { in_channels: 3, out_channels: 64, kernel_size: [7, 7], stride: [2, 2], padding: [3, 3] }),
    ]).rows[0]!;
    expect(stem.output).toEqual([1, 64, 112, 112]);
    expect(stem.params).toEqual({ weights: 9_408, biases: 64 });
    expect(stem.notes[0]).toContain('= 111.5 is rounded down');

    const vgg = preset('vgg16');
    const withoutAdaptive = vgg.layers.filter((l) => l.type !== 'AdaptiveAvgPool2d');
    const big = calculateStack({ ...vgg.input, height: 256, width: 256 }, withoutAdaptive);
    expect(big.rows.find((row) => row.error !== null)!.error).toBe('Linear expects in_features = 32768 (512 × 8 × 8), got 25088');
    expect(calculateStack({ ...vgg.input, height: 256, width: 256 }, vgg.layers).output).toEqual([1, 1000]);

    const alexnet = preset('alexnet');
    const asConv = [...alexnet.layers.slice(0, 13), defaultLayer('Conv2d', { in_channels: 256, out_channels: 4096, kernel_size: [6, 6] })];
    const r = calculateStack(alexnet.input, asConv);
    expect(r.output).toEqual([1, 4096, 1, 1]);
    expect(r.rows.at(-1)!.params!.weights + r.rows.at(-1)!.params!.biases).toBe(37_752_832);
  });
});
