/**
 * Classic networks as layer stacks, each with a reference parameter total: the figure its source
 * publishes, or PyTorch's own count of the same layers where the source gives none exactly. Unit
 * tests check that the calculator reproduces each total, and the PyTorch oracle test
 * (export-pytorch.torch.test.ts) runs every preset in real PyTorch.
 */
import { defaultLayer, type ArgValue, type Layer, type LayerType, type StackInput } from './schema';

/** A named network with its input and the figure we check it against. */
export interface Preset {
  readonly id: 'lenet5' | 'alexnet' | 'alexnet-2gpu' | 'alexnet-torchvision' | 'vgg16';
  readonly label: string;
  /** Which variant this is, in a sentence. */
  readonly variant: string;
  readonly input: StackInput;
  readonly layers: readonly Layer[];
  /** The reference total of parameters. */
  readonly publishedParameters: number;
  /** Where that total comes from (a publication, or PyTorch's count of the same layers). */
  readonly source: string;
}

const L = (type: LayerType, args: Record<string, ArgValue> = {}): Layer => defaultLayer(type, args);
const conv = (cin: number, cout: number, k: number, args: Record<string, ArgValue> = {}): Layer =>
  L('Conv2d', { in_channels: cin, out_channels: cout, kernel_size: [k, k], ...args });
const linear = (fin: number, fout: number): Layer => L('Linear', { in_features: fin, out_features: fout });
const pair = (n: number): readonly [number, number] => [n, n];

/**
 * LeNet-5 as most tutorials write it: a 32 × 32 grey image, tanh and plain 2 × 2 average pooling,
 * C3 connected to all six maps of S2 (LeCun et al. 1998 used a sparse table), and a Linear layer
 * of 10 outputs in place of the paper's RBF units.
 */
const lenet5: Preset = {
  id: 'lenet5',
  label: 'LeNet-5',
  variant:
    'The tutorial version of LeCun et al. (1998): 32 × 32 grey input, tanh, 2 × 2 average pooling without trainable coefficients, C3 fully connected to S2, and a Linear output instead of RBF units.',
  input: { batch: 1, channels: 1, height: 32, width: 32 },
  layers: [
    conv(1, 6, 5),
    L('Tanh'),
    L('AvgPool2d', { kernel_size: pair(2) }),
    conv(6, 16, 5),
    L('Tanh'),
    L('AvgPool2d', { kernel_size: pair(2) }),
    L('Flatten'),
    linear(400, 120),
    L('Tanh'),
    linear(120, 84),
    L('Tanh'),
    linear(84, 10),
  ],
  publishedParameters: 61_706,
  source: 'LeCun et al. (1998) layer by layer, with C3 fully connected (2,416 rather than the paper’s 1,516) and a Linear(84, 10) output',
};

/**
 * AlexNet's layers as Krizhevsky et al. (2012) give them, on 227 × 227, local response
 * normalisation left out (it has no parameters). `groups` 1 merges the two GPUs' halves into one
 * stack; `groups` 2 keeps them apart as the paper trained them: its second, fourth and fifth
 * convolutions see only the maps on their own GPU (figure 2).
 */
function alexnetLayers(groups: 1 | 2): Layer[] {
  const split = groups === 2 ? { groups: 2 } : {};
  return [
    conv(3, 96, 11, { stride: pair(4) }),
    L('ReLU'),
    L('MaxPool2d', { kernel_size: pair(3), stride: pair(2) }),
    conv(96, 256, 5, { padding: pair(2), ...split }),
    L('ReLU'),
    L('MaxPool2d', { kernel_size: pair(3), stride: pair(2) }),
    conv(256, 384, 3, { padding: pair(1) }),
    L('ReLU'),
    conv(384, 384, 3, { padding: pair(1), ...split }),
    L('ReLU'),
    conv(384, 256, 3, { padding: pair(1), ...split }),
    L('ReLU'),
    L('MaxPool2d', { kernel_size: pair(3), stride: pair(2) }),
    L('Flatten'),
    L('Dropout'),
    linear(9216, 4096),
    L('ReLU'),
    L('Dropout'),
    linear(4096, 4096),
    L('ReLU'),
    linear(4096, 1000),
  ];
}

/** AlexNet on one GPU, as in LearnOpenCV's walk-through. */
const alexnet: Preset = {
  id: 'alexnet',
  label: 'AlexNet (one GPU)',
  variant:
    'Krizhevsky et al. (2012) on a 227 × 227 input, as in LearnOpenCV’s “Understanding AlexNet”: the two GPU halves merged into one stack (no groups), local response normalisation left out (it has no parameters), dropout before the first two Linear layers.',
  input: { batch: 1, channels: 3, height: 227, width: 227 },
  layers: alexnetLayers(1),
  publishedParameters: 62_378_344,
  source: 'LearnOpenCV, “Understanding AlexNet”',
};

/** AlexNet as the paper trained it, split over two GPUs (groups=2). */
const alexnetTwoGpus: Preset = {
  id: 'alexnet-2gpu',
  label: 'AlexNet (two GPUs)',
  variant:
    'Krizhevsky et al. (2012) as the paper trained it, split over two GPUs: the second, fourth and fifth convolutions see only the maps on their own GPU, which PyTorch writes as groups=2; 227 × 227 input, no local response normalisation. The paper says “60 million parameters”.',
  input: { batch: 1, channels: 3, height: 227, width: 227 },
  layers: alexnetLayers(2),
  publishedParameters: 60_965_224,
  source: 'PyTorch 1.13’s count of these layers; the paper rounds it to 60 million',
};

/** torchvision's AlexNet (a later variant, from Krizhevsky's “one weird trick” paper), on 224 × 224. */
const alexnetTorchvision: Preset = {
  id: 'alexnet-torchvision',
  label: 'AlexNet (torchvision)',
  variant:
    'torchvision.models.alexnet: 64, 192, 384, 256 and 256 filters, padding 2 in the first layer, AdaptiveAvgPool2d((6, 6)), and the torch.flatten(x, 1) its forward() does as a Flatten layer; 224 × 224 input.',
  input: { batch: 1, channels: 3, height: 224, width: 224 },
  layers: [
    conv(3, 64, 11, { stride: pair(4), padding: pair(2) }),
    L('ReLU', { inplace: true }),
    L('MaxPool2d', { kernel_size: pair(3), stride: pair(2) }),
    conv(64, 192, 5, { padding: pair(2) }),
    L('ReLU', { inplace: true }),
    L('MaxPool2d', { kernel_size: pair(3), stride: pair(2) }),
    conv(192, 384, 3, { padding: pair(1) }),
    L('ReLU', { inplace: true }),
    conv(384, 256, 3, { padding: pair(1) }),
    L('ReLU', { inplace: true }),
    conv(256, 256, 3, { padding: pair(1) }),
    L('ReLU', { inplace: true }),
    L('MaxPool2d', { kernel_size: pair(3), stride: pair(2) }),
    L('AdaptiveAvgPool2d', { output_size: pair(6) }),
    L('Flatten'),
    L('Dropout'),
    linear(9216, 4096),
    L('ReLU', { inplace: true }),
    L('Dropout'),
    linear(4096, 4096),
    L('ReLU', { inplace: true }),
    linear(4096, 1000),
  ],
  publishedParameters: 61_100_840,
  source: 'torchvision’s model documentation for alexnet (AlexNet_Weights.IMAGENET1K_V1: 61,100,840 parameters)',
};

function vggFeatures(config: readonly (number | 'M')[]): Layer[] {
  const layers: Layer[] = [];
  let channels = 3;
  for (const item of config) {
    if (item === 'M') {
      layers.push(L('MaxPool2d', { kernel_size: pair(2), stride: pair(2) }));
    } else {
      layers.push(conv(channels, item, 3, { padding: pair(1) }), L('ReLU', { inplace: true }));
      channels = item;
    }
  }
  return layers;
}

/** VGG16 (configuration D) exactly as torchvision.models.vgg16 builds it, on 224 × 224. */
const vgg16: Preset = {
  id: 'vgg16',
  label: 'VGG16',
  variant:
    'Simonyan and Zisserman (2014), configuration D, as torchvision.models.vgg16 builds it: thirteen 3 × 3 convolutions with padding 1, five 2 × 2 max pools, AdaptiveAvgPool2d((7, 7)), then three Linear layers with dropout; 224 × 224 input.',
  input: { batch: 1, channels: 3, height: 224, width: 224 },
  layers: [
    ...vggFeatures([64, 64, 'M', 128, 128, 'M', 256, 256, 256, 'M', 512, 512, 512, 'M', 512, 512, 512, 'M']),
    L('AdaptiveAvgPool2d', { output_size: pair(7) }),
    L('Flatten'),
    linear(512 * 7 * 7, 4096),
    L('ReLU', { inplace: true }),
    L('Dropout'),
    linear(4096, 4096),
    L('ReLU', { inplace: true }),
    L('Dropout'),
    linear(4096, 1000),
  ],
  publishedParameters: 138_357_544,
  source: 'torchvision’s model documentation for vgg16 (VGG16_Weights.IMAGENET1K_V1: 138,357,544 parameters)',
};

/** The presets the widget offers, in order. */
export const PRESETS: readonly Preset[] = [lenet5, alexnet, alexnetTwoGpus, alexnetTorchvision, vgg16];
