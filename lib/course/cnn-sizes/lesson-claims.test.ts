/**
 * The figures the lessons state in their prose, read from the MDX text itself and recomputed
 * with the calculator, so that the text cannot drift from it: lessons/cnn-sizes.mdx, and the
 * sentence about AlexNet in lessons/pooling.mdx. When a sentence is reworded, its pattern here
 * must follow; the test says which sentence it no longer finds.
 */
import { describe, expect, it } from 'vitest';
import cnnSizesSource from '../../../lessons/cnn-sizes.mdx?raw';
import poolingSource from '../../../lessons/pooling.mdx?raw';
import { prose } from '../../common';
import { exercises } from './exercises';
import { calculateStack, defaultLayer, layerToPython, PRESETS, type Layer, type Preset, type StackInput, type StackResult } from '../../ml/layer-stack';

/** The lesson and its exercises' solutions (where the answers to its questions now are). */
const CNN_SIZES = prose([cnnSizesSource, ...exercises.map((e) => e.solution)].join('\n'));
const POOLING = prose(poolingSource);

/** The groups of `pattern` in `text`; fails, naming the pattern, when the lesson no longer says it. */
function said(text: string, pattern: RegExp): string[] {
  const match = pattern.exec(text);
  if (match === null) throw new Error(`the lesson no longer contains ${pattern}; update this test to its new wording`);
  return match.slice(1);
}
/** A figure as the lesson writes it, in prose (62,378,344) or in math (9{,}216), as a number. */
const figure = (text: string): number => Number(text.replace(/\{,\}|,/g, ''));

const preset = (id: Preset['id']): Preset => PRESETS.find((p) => p.id === id)!;
const run = (id: Preset['id'], input?: Partial<StackInput>): StackResult => {
  const p = preset(id);
  return calculateStack({ ...p.input, ...input }, p.layers);
};
const percent = (part: number, whole: number): string => ((100 * part) / whole).toFixed(1);
const paramsOf = (r: StackResult, type: Layer['type']): number =>
  r.rows.filter((row) => row.layer.type === type).reduce((s, row) => s + row.params!.weights + row.params!.biases, 0);
const multAddsOf = (r: StackResult, type: Layer['type']): number => r.rows.filter((row) => row.layer.type === type).reduce((s, row) => s + row.multAdds!, 0);
const image = (channels: number, height: number): StackInput => ({ batch: 1, channels, height, width: height });

describe('lessons/cnn-sizes.mdx: the figures in its prose', () => {
  it('one 3 × 224 × 224 image: its numbers and its bytes in float32', () => {
    const [numbers, bytes] = said(CNN_SIZES, /3 \\cdot 224 \\cdot 224 = ([\d{},]+)\$ numbers.*? one image takes \$([\d{},]+)\$ bytes/).map(figure);
    const r = calculateStack(image(3, 224), []);
    expect([numbers, bytes]).toEqual([r.input.reduce((a, b) => a * b, 1), r.inputBytes]);
  });

  it('the worked sizes: LeNet-5’s first convolution and pool, AlexNet’s first layer, torchvision’s 54.25', () => {
    const [conv1, pool1] = said(CNN_SIZES, /\(32 - 4 - 1\)\/1 \\rfloor \+ 1 = (\d+)\$.*?\\lfloor \(28 - 1 - 1\)\/2 \\rfloor \+ 1 = (\d+)\$/).map(Number);
    const lenet = run('lenet5');
    expect([conv1, pool1]).toEqual([lenet.rows[0]!.output![2], lenet.rows[2]!.output![2]]);
    const [alex, shape] = said(CNN_SIZES, /\\lfloor \(227 - 10 - 1\)\/4 \\rfloor \+ 1 = (\d+)\$, so its output is \$\(([\d, ]+)\)\$/);
    expect(Number(alex)).toBe(run('alexnet').rows[0]!.output![2]);
    expect(shape!.split(', ').map(Number)).toEqual(run('alexnet').rows[0]!.output!.slice(1));
    const [quotient, size] = said(CNN_SIZES, /\(224 \+ 4 - 11\)\/4 = ([\d.]+)\$, rounded down to 54, so the output is again \$(\d+) \\times/);
    const tv = run('alexnet-torchvision').rows[0]!;
    expect(tv.notes[0]).toContain(`= ${quotient} is rounded down, so ${size} positions fit`);
  });

  it('AlexNet’s first Linear layer: the inputs it needs, and PyTorch’s message when given 4,096', () => {
    const [needed, message] = said(CNN_SIZES, /must have \$256 \\cdot 6 \\cdot 6 = ([\d{},]+)\$ inputs\. Write 4,096 there instead and PyTorch stops with `([^`]+)`/);
    const alexnet = preset('alexnet');
    const wrong = alexnet.layers.map((l, i) => (i === 15 ? defaultLayer('Linear', { in_features: 4096, out_features: 4096 }) : l));
    const r = calculateStack(alexnet.input, wrong);
    expect(figure(needed!)).toBe(r.rows[13]!.output![1]);
    expect(message).toBe(r.rows[15]!.pytorchError);
  });

  it('the LeNet-5 table: every row’s shape, weights, biases and parameters, and the totals', () => {
    const table = [...CNN_SIZES.matchAll(/\| `([^`]+)` \| \$\(([\d, ]+)\)\$ \| ([^|]+) \| (\d+) \| ([\d,]+) \|/g)];
    const lenet = run('lenet5');
    const rows = lenet.rows.filter((row) => !['Tanh'].includes(row.layer.type));
    expect(table.map((m) => m[1])).toEqual(rows.map((row) => layerToPython(row.layer, '')));
    table.forEach((m, i) => {
      const row = rows[i]!;
      expect(m[2]!.split(', ').map(Number)).toEqual(row.output!.slice(1));
      expect(figure(m[3]!.split('=').at(-1)!.replace(/\$/g, '').trim())).toBe(row.params!.weights);
      expect([Number(m[4]), figure(m[5]!)]).toEqual([row.params!.biases, row.params!.weights + row.params!.biases]);
    });
    const totals = said(CNN_SIZES, /\| \*\*Total\*\* \| \| ([\d,]+) \| (\d+) \| \*\*([\d,]+)\*\* \|/).map(figure);
    expect(totals).toEqual([lenet.weights, lenet.biases, lenet.parameters]);
  });

  it('where the parameters are: AlexNet’s and VGG16’s Linear layers', () => {
    const [alexTotal, alexLinear, alexShare, vggLinear, vggTotal, vggShare] = said(
      CNN_SIZES,
      /AlexNet \(one GPU\): of its ([\d,]+) parameters, ([\d,]+) \(([\d.]+) %\) sit in its three Linear layers\. In VGG16, ([\d,]+) of ([\d,]+) \(([\d.]+) %\) do\./,
    );
    const alexnet = run('alexnet');
    const vgg = run('vgg16');
    expect([figure(alexTotal!), figure(alexLinear!), alexShare]).toEqual([alexnet.parameters, paramsOf(alexnet, 'Linear'), percent(paramsOf(alexnet, 'Linear'), alexnet.parameters)]);
    expect([figure(vggTotal!), figure(vggLinear!), vggShare]).toEqual([vgg.parameters, paramsOf(vgg, 'Linear'), percent(paramsOf(vgg, 'Linear'), vgg.parameters)]);
  });

  it('activation and parameter memory: VGG16’s first output per image and for 32, its largest weight, its parameters with Adam', () => {
    const [perImage, batch32, rows, cols, power, times] = said(
      CNN_SIZES,
      /VGG16's first convolution produces \$\(64, 224, 224\)\$ per image: ([\d.]+) MB\. .*?= (\d+) MB, exactly the size of VGG16's largest weight matrix, the \$([\d{},]+) \\times ([\d{},]+)\$ .*?both hold \$2\^\{(\d+)\} \\cdot (\d+)\$ numbers/,
    );
    const first = run('vgg16').rows[0]!;
    const first32 = run('vgg16', { batch: 32 }).rows[0]!;
    expect([perImage, Number(batch32)]).toEqual([(first.outputBytes! / 1e6).toFixed(1), Math.round(first32.outputBytes! / 1e6)]);
    const fc6 = run('vgg16').rows.find((row) => row.layer.type === 'Linear')!;
    expect(figure(rows!) * figure(cols!)).toBe(fc6.params!.weights);
    expect(first32.outputBytes! / 4).toBe(fc6.params!.weights);
    expect(2 ** Number(power) * Number(times)).toBe(fc6.params!.weights);
    const [total, megabytes, adam] = said(CNN_SIZES, /VGG16's ([\d,]+) parameters take (\d+) MB in float32\. .*?about ([\d.]+) GB before/);
    const vgg = run('vgg16');
    expect([figure(total!), Number(megabytes), adam]).toEqual([vgg.parameters, Math.round(vgg.parameterBytes / 1e6), ((4 * vgg.parameterBytes) / 1e9).toFixed(1)]);
  });

  it('arithmetic: AlexNet’s multiply-adds and the share in its convolutions', () => {
    const [billions, share] = said(CNN_SIZES, /AlexNet does ([\d.]+) billion multiply-adds per image, and ([\d.]+) % of them in its convolutions/);
    const r = run('alexnet');
    expect([billions, share]).toEqual([(r.multAdds / 1e9).toFixed(2), percent(multAddsOf(r, 'Conv2d'), r.multAdds)]);
  });

  it('the common mistakes: the calculator’s and PyTorch’s words as the lesson quotes them', () => {
    const [inFeatures] = said(CNN_SIZES, /The table says “(Linear expects in_features = [^”]+)”/);
    const alexnet = preset('alexnet');
    const wrong = alexnet.layers.map((l, i) => (i === 15 ? defaultLayer('Linear', { in_features: 4096, out_features: 4096 }) : l));
    expect(inFeatures).toBe(calculateStack(alexnet.input, wrong).rows[15]!.error);
    const [rows] = said(CNN_SIZES, /PyTorch complains about `(\d+x\d+)` when you meant `1x9216`/);
    const noFlatten = calculateStack({ batch: 1, channels: 256, height: 6, width: 6 }, [defaultLayer('Linear', { in_features: 9216, out_features: 4096 })]);
    expect(noFlatten.rows[0]!.pytorchError).toContain(`(${rows} and 9216x4096)`);
    const [channels] = said(CNN_SIZES, /given grey ones: “([^”]+)”/);
    const grey = calculateStack(image(1, 28), [defaultLayer('Conv2d', { in_channels: 3, out_channels: 16, kernel_size: [3, 3] })]);
    expect(grey.rows[0]!.pytorchError).toContain(channels);
    const [sizes, tooSmall] = said(CNN_SIZES, /On a \$28 \\times 28\$ digit they take it to ([\d, ]+), and the fifth pool has no room for its \$2 \\times 2\$ window: “([^”]+)”/);
    const pools = run('vgg16', { height: 28, width: 28 }).rows.filter((row) => row.layer.type === 'MaxPool2d');
    expect(sizes).toBe(pools.slice(0, 4).map((row) => row.output![2]).join(', '));
    expect(pools[4]!.pytorchError).toMatch(new RegExp(`${tooSmall}$`));
  });

  it('the presets: each total the lesson gives is the calculator’s', () => {
    expect(figure(said(CNN_SIZES, /radial basis functions\. ([\d,]+) parameters\./)[0]!)).toBe(run('lenet5').parameters);
    expect(figure(said(CNN_SIZES, /\*\*one GPU\*\*.*? ([\d,]+) parameters, the figure LearnOpenCV gives/)[0]!)).toBe(run('alexnet').parameters);
    expect(figure(said(CNN_SIZES, /\*\*two GPUs\*\*.*? ([\d,]+) parameters, the paper's “60 million”/)[0]!)).toBe(run('alexnet-2gpu').parameters);
    expect(figure(said(CNN_SIZES, /\*\*torchvision\*\*'s `alexnet`.*?: ([\d,]+) parameters, the figure in torchvision's documentation/)[0]!)).toBe(run('alexnet-torchvision').parameters);
    expect(figure(said(CNN_SIZES, /three Linear layers with dropout; ([\d,]+) parameters, the figure in torchvision's documentation/)[0]!)).toBe(run('vgg16').parameters);
  });

  it('the answers: ResNet’s stem (bias=False), VGG16’s in_features and a 256 image, the 6 × 6 convolution', () => {
    const [stemCode] = said(CNN_SIZES, /ResNet begins with `(nn\.Conv2d\([^`]+\))`/);
    const [stemSize] = said(CNN_SIZES, /\\lfloor 111\.5 \\rfloor \+ 1 = (\d+)\$, so the output is \$\(8, 64, \d+, \d+\)\$/);
    const [weights, total] = said(CNN_SIZES, /\$64 \\cdot 3 \\cdot 49 = ([\d{},]+)\$ weights and no biases: ([\d,]+) parameters/);
    const stem = calculateStack(image(3, 224), [defaultLayer('Conv2d', { in_channels: 3, out_channels: 64, kernel_size: [7, 7], stride: [2, 2], padding: [3, 3], bias: false })]).rows[0]!;
    expect(layerToPython(stem.layer)).toBe(stemCode!.replace('kernel_size=7, stride=2, padding=3', '7, stride=2, padding=3'));
    expect([Number(stemSize), figure(weights!), figure(total!)]).toEqual([stem.output![2], stem.params!.weights, stem.params!.weights + stem.params!.biases]);
    expect(stem.params!.biases).toBe(0);

    const [inFeatures, flattened, message] = said(CNN_SIZES, /\$512 \\cdot 7 \\cdot 7 = ([\d{},]+)\$\..*?Flatten gives ([\d,]+) numbers and the widget reports “([^”]+)”/);
    const vgg = preset('vgg16');
    const big = calculateStack({ ...vgg.input, height: 256, width: 256 }, vgg.layers.filter((l) => l.type !== 'AdaptiveAvgPool2d'));
    const error = big.rows.find((row) => row.error !== null)!;
    expect(figure(inFeatures!)).toBe(run('vgg16').rows.find((row) => row.layer.type === 'Flatten')!.output![1]);
    expect([figure(flattened!), message]).toEqual([error.input![1], error.error]);
    expect(calculateStack({ ...vgg.input, height: 256, width: 256 }, vgg.layers).output).toEqual([1, 1000]);

    const [convParams] = said(CNN_SIZES, /\$4096 \\cdot 256 \\cdot 36 \+ 4096 = ([\d{},]+)\$ parameters/);
    const alexnet = preset('alexnet');
    const asConv = calculateStack(alexnet.input, [...alexnet.layers.slice(0, 13), defaultLayer('Conv2d', { in_channels: 256, out_channels: 4096, kernel_size: [6, 6] })]);
    expect(asConv.output).toEqual([1, 4096, 1, 1]);
    const last = asConv.rows.at(-1)!.params!;
    expect(figure(convParams!)).toBe(last.weights + last.biases);
    expect(figure(convParams!)).toBe(paramsOf(run('alexnet'), 'Linear') - 16_781_312 - 4_097_000);
  });
});

describe('lessons/pooling.mdx: the sentence about AlexNet', () => {
  it('its convolutional and fully connected parameters, one GPU and two', () => {
    const [conv, linear, total, twoGpus] = said(
      POOLING,
      /its five convolutional layers have ([\d,]+) parameters, its three fully connected layers ([\d,]+), of ([\d,]+) in all \(as the paper trained it, split over two GPUs, ([\d,]+)\)/,
    ).map(figure);
    const one = run('alexnet');
    expect([conv, linear, total]).toEqual([paramsOf(one, 'Conv2d'), paramsOf(one, 'Linear'), one.parameters]);
    expect(twoGpus).toBe(run('alexnet-2gpu').parameters);
  });
});
