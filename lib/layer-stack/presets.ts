/**
 * Classic networks as layer stacks, with the parameter totals their sources publish. Unit tests
 * check that the calculator reproduces each total.
 */
import { defaultLayer, type ArgValue, type Layer, type LayerType, type StackInput } from './schema';

/** A named network with its input and the figure we check it against. */
export interface Preset {
  readonly id: 'lenet5' | 'alexnet' | 'vgg16';
  readonly label: string;
  /** Which variant this is, in a sentence. */
  readonly variant: string;
  readonly input: StackInput;
  readonly layers: readonly Layer[];
  /** The total number of parameters the source gives. */
  readonly publishedParameters: number;
  /** Where that total comes from. */
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

/** AlexNet on a 227 × 227 input as in LearnOpenCV's walk-through (one GPU, no LRN). */
const alexnet: Preset = {
  id: 'alexnet',
  label: 'AlexNet',
  variant:
    'Krizhevsky et al. (2012) on a 227 × 227 input, as in LearnOpenCV’s “Understanding AlexNet”: the two GPU halves merged into one stack (no groups), local response normalisation left out (it has no parameters), dropout before the first two Linear layers.',
  input: { batch: 1, channels: 3, height: 227, width: 227 },
  layers: [
    conv(3, 96, 11, { stride: pair(4) }),
    L('ReLU'),
    L('MaxPool2d', { kernel_size: pair(3), stride: pair(2) }),
    conv(96, 256, 5, { padding: pair(2) }),
    L('ReLU'),
    L('MaxPool2d', { kernel_size: pair(3), stride: pair(2) }),
    conv(256, 384, 3, { padding: pair(1) }),
    L('ReLU'),
    conv(384, 384, 3, { padding: pair(1) }),
    L('ReLU'),
    conv(384, 256, 3, { padding: pair(1) }),
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
  ],
  publishedParameters: 62_378_344,
  source: 'LearnOpenCV, “Understanding AlexNet”',
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
export const PRESETS: readonly Preset[] = [lenet5, alexnet, vgg16];
