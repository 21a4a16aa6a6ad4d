/**
 * The layers the stack calculator supports, described once: each layer's PyTorch name, its
 * constructor arguments in PyTorch's order with their defaults, and what kind of value each takes.
 * The calculator, the PyTorch importer and exporter, the URL codec and the widget's editor are all
 * driven by this table, so a layer added here is supported everywhere.
 *
 * Arguments marked `fixed` are accepted only at their default (`return_indices=True`, which makes a
 * layer return a tuple that the next layer cannot take); arguments marked `ignored` (device, dtype)
 * are accepted with a note and not stored, since they change neither shapes nor counts. Neither
 * kind is stored.
 *
 * `min` and `max` are the values the calculator accepts. Where PyTorch itself refuses a value
 * outside them (a kernel of 0, a dropout probability of 1.5), `pytorchBounds` says which bound is
 * PyTorch's rule; any other bound is the calculator's own limit (limits.ts), and the messages say so.
 */
import { MAX_WIDTH, MAX_WINDOW } from './limits';

/** A size for height and width, [h, w]; PyTorch accepts an int (square) or a tuple. */
export type Size2 = readonly [number, number];

/** AdaptiveAvgPool2d's output_size: [h, w], where null keeps the input's size. */
export type OutputSize = readonly [number | null, number | null];

/** The value each kind of argument holds once read. */
export interface ValueOfKind {
  /** A whole number in [min, max]. */
  int: number;
  /** A dimension index, possibly negative (counted from the end). */
  dim: number;
  /** A dimension index or None. */
  optionalDim: number | null;
  /** A whole number or None. */
  optionalInt: number | null;
  /** A real number (within [min, max] when they are given). */
  float: number;
  /** A real number or None. */
  optionalFloat: number | null;
  /** True or False. */
  bool: boolean;
  /** An int or an (h, w) tuple, stored as [h, w]. */
  size2: Size2;
  /** Like size2, or None (pooling's stride: None means the kernel size). */
  optionalSize2: Size2 | null;
  /** Conv2d's padding: an int, an (h, w) tuple, 'valid' (stored as [0, 0]) or 'same'. */
  padding: Size2 | 'same';
  /** An int, or an (h, w) tuple whose entries may be None. */
  outputSize: OutputSize;
  /** One of a list of strings. */
  choice: string;
}

/** The kinds of argument. */
export type ArgKind = keyof ValueOfKind;

/** Any stored argument value. */
export type ArgValue = ValueOfKind[ArgKind];

/** One constructor argument of a layer. */
export interface ArgSpec<K extends ArgKind = ArgKind> {
  /** PyTorch's keyword name. */
  readonly name: string;
  readonly kind: K;
  /** Default value; absent for required arguments. */
  readonly default?: ValueOfKind[K];
  /** Smallest allowed number (for numeric kinds and sizes). */
  readonly min?: number;
  /** Largest allowed number. */
  readonly max?: number;
  /** Which of min and max are PyTorch's own rule (it refuses values beyond them); the others are the calculator's limits. */
  readonly pytorchBounds?: 'min' | 'both';
  /** The allowed strings of a `choice`. */
  readonly options?: readonly string[];
  /** Accepted only at its default; the text says why. Not stored. */
  readonly fixed?: string;
  /** Accepted with a note and not stored: it changes neither shapes nor parameter counts. */
  readonly ignored?: 'device' | 'dtype';
}

/** A layer type's description. */
export interface LayerDef {
  /** Constructor arguments in PyTorch's positional order. */
  readonly args: readonly ArgSpec[];
  /** Short code used in the page address. */
  readonly code: string;
  /** What the layer does, one line, for the editor. */
  readonly summary: string;
}

const channels = <N extends string>(name: N) => ({ name, kind: 'int', min: 1, max: MAX_WIDTH }) as const;
const inplace = { name: 'inplace', kind: 'bool', default: false } as const;
const noReturnIndices = {
  name: 'return_indices',
  kind: 'bool',
  default: false,
  fixed: 'return_indices=True makes the layer return a tuple (values, indices), which the next layer of an nn.Sequential cannot take',
} as const;
const ceilMode = { name: 'ceil_mode', kind: 'bool', default: false } as const;
const device = { name: 'device', kind: 'choice', default: 'None', options: ['None'], ignored: 'device' } as const;
const dtype = { name: 'dtype', kind: 'choice', default: 'None', options: ['None'], ignored: 'dtype' } as const;
/** A kernel, stride or dilation: PyTorch refuses 0; the maximum is the calculator's. */
const window = <N extends string>(name: N) => ({ name, kind: 'size2', min: 1, max: MAX_WINDOW, pytorchBounds: 'min' }) as const;
/** Padding: PyTorch refuses negative padding; the maximum is the calculator's. */
const windowPadding = { name: 'padding', kind: 'size2', default: [0, 0], min: 0, max: MAX_WINDOW, pytorchBounds: 'min' } as const;
const dropoutP = { name: 'p', kind: 'float', default: 0.5, min: 0, max: 1, pytorchBounds: 'both' } as const;

/** Every supported layer, by its PyTorch class name. */
export const LAYERS = {
  Conv2d: {
    code: 'conv',
    summary: 'Slides C_out filters of shape (C_in / groups, kH, kW) over the input.',
    args: [
      channels('in_channels'),
      channels('out_channels'),
      window('kernel_size'),
      { ...window('stride'), default: [1, 1] },
      { name: 'padding', kind: 'padding', default: [0, 0], min: 0, max: MAX_WINDOW, pytorchBounds: 'min' },
      { ...window('dilation'), default: [1, 1] },
      { name: 'groups', kind: 'int', default: 1, min: 1, max: MAX_WIDTH, pytorchBounds: 'min' },
      { name: 'bias', kind: 'bool', default: true },
      { name: 'padding_mode', kind: 'choice', default: 'zeros', options: ['zeros', 'reflect', 'replicate', 'circular'] },
      device,
      dtype,
    ],
  },
  MaxPool2d: {
    code: 'max',
    summary: 'Keeps the largest value of each window; no parameters.',
    args: [
      window('kernel_size'),
      { ...window('stride'), kind: 'optionalSize2', default: null },
      windowPadding,
      { ...window('dilation'), default: [1, 1] },
      noReturnIndices,
      ceilMode,
    ],
  },
  AvgPool2d: {
    code: 'avg',
    summary: 'Averages each window; no parameters.',
    args: [
      window('kernel_size'),
      { ...window('stride'), kind: 'optionalSize2', default: null },
      windowPadding,
      ceilMode,
      { name: 'count_include_pad', kind: 'bool', default: true },
      { name: 'divisor_override', kind: 'optionalInt', default: null, min: -MAX_WIDTH, max: MAX_WIDTH },
    ],
  },
  AdaptiveAvgPool2d: {
    code: 'aavg',
    summary: 'Averages over windows chosen so that the output has output_size; no parameters.',
    args: [{ name: 'output_size', kind: 'outputSize', min: 1, max: MAX_WINDOW }],
  },
  AdaptiveMaxPool2d: {
    code: 'amax',
    summary: 'Max over windows chosen so that the output has output_size; no parameters.',
    args: [{ name: 'output_size', kind: 'outputSize', min: 1, max: MAX_WINDOW }, noReturnIndices],
  },
  BatchNorm2d: {
    code: 'bn',
    summary: 'Normalises each channel, then scales and shifts it: 2 × C parameters.',
    args: [
      channels('num_features'),
      { name: 'eps', kind: 'float', default: 1e-5 },
      { name: 'momentum', kind: 'optionalFloat', default: 0.1 },
      { name: 'affine', kind: 'bool', default: true },
      { name: 'track_running_stats', kind: 'bool', default: true },
      device,
      dtype,
    ],
  },
  ReLU: { code: 'relu', summary: 'max(0, x), element by element.', args: [inplace] },
  ReLU6: { code: 'relu6', summary: 'min(max(0, x), 6), element by element.', args: [inplace] },
  LeakyReLU: {
    code: 'lrelu',
    summary: 'x for x > 0, negative_slope · x otherwise.',
    args: [{ name: 'negative_slope', kind: 'float', default: 0.01 }, inplace],
  },
  ELU: {
    code: 'elu',
    summary: 'x for x > 0, alpha · (eˣ − 1) otherwise.',
    args: [{ name: 'alpha', kind: 'float', default: 1 }, inplace],
  },
  GELU: {
    code: 'gelu',
    summary: 'x · Φ(x), Φ the standard normal distribution function.',
    args: [{ name: 'approximate', kind: 'choice', default: 'none', options: ['none', 'tanh'] }],
  },
  SiLU: { code: 'silu', summary: 'x · sigmoid(x), element by element.', args: [inplace] },
  Sigmoid: { code: 'sigmoid', summary: '1 / (1 + e⁻ˣ), element by element.', args: [] },
  Tanh: { code: 'tanh', summary: 'tanh(x), element by element.', args: [] },
  Softplus: {
    code: 'softplus',
    summary: 'log(1 + e^(beta·x)) / beta, element by element.',
    args: [
      { name: 'beta', kind: 'float', default: 1 },
      { name: 'threshold', kind: 'float', default: 20 },
    ],
  },
  Softmax: { code: 'softmax', summary: 'Exponentiates and normalises along dim.', args: [{ name: 'dim', kind: 'optionalDim', default: null }] },
  LogSoftmax: { code: 'logsoftmax', summary: 'The log of Softmax along dim.', args: [{ name: 'dim', kind: 'optionalDim', default: null }] },
  Identity: { code: 'id', summary: 'Returns its input unchanged.', args: [] },
  Dropout: {
    code: 'drop',
    summary: 'While training, zeroes each element with probability p; the identity in eval mode.',
    args: [dropoutP, inplace],
  },
  Dropout2d: {
    code: 'drop2d',
    summary: 'While training, zeroes whole channels with probability p; the identity in eval mode.',
    args: [dropoutP, inplace],
  },
  Flatten: {
    code: 'flat',
    summary: 'Merges dimensions start_dim … end_dim into one.',
    args: [
      { name: 'start_dim', kind: 'dim', default: 1 },
      { name: 'end_dim', kind: 'dim', default: -1 },
    ],
  },
  Linear: {
    code: 'fc',
    summary: 'y = x Wᵀ + b on the last dimension: in_features → out_features.',
    args: [channels('in_features'), channels('out_features'), { name: 'bias', kind: 'bool', default: true }, device, dtype],
  },
} as const satisfies Record<string, LayerDef>;

/** The name of a supported layer type, as PyTorch spells it. */
export type LayerType = keyof typeof LAYERS;

/** Supported layer types, in the order the widget lists them. */
export const LAYER_TYPES = Object.keys(LAYERS) as LayerType[];

type StoredArgs<A extends readonly ArgSpec[]> = {
  -readonly [S in A[number] as S extends { readonly fixed: string } | { readonly ignored: string } ? never : S['name']]: ValueOfKind[S['kind']];
};

/** A layer of type T with all its stored arguments. */
export interface LayerOf<T extends LayerType> {
  readonly type: T;
  readonly args: Readonly<StoredArgs<(typeof LAYERS)[T]['args']>>;
}

/** One layer of a stack: a type and its arguments (PyTorch's names). */
export type Layer = { [T in LayerType]: LayerOf<T> }[LayerType];

/** The input of a stack: batch N and one image's (C, H, W). */
export interface StackInput {
  readonly batch: number;
  readonly channels: number;
  readonly height: number;
  readonly width: number;
}

/** The input sizes the calculator accepts (its own limits, not PyTorch's). */
export const INPUT_LIMITS = {
  batch: { min: 1, max: 4096 },
  channels: { min: 1, max: 65_536 },
  height: { min: 1, max: 16_384 },
  width: { min: 1, max: 16_384 },
} as const satisfies Record<keyof StackInput, { min: number; max: number }>;

/** True if `name` is a supported layer type. */
export function isLayerType(name: string): name is LayerType {
  return Object.hasOwn(LAYERS, name);
}

/** A layer's argument specs, fixed ones included, in PyTorch's positional order. */
export function argSpecs(type: LayerType): readonly ArgSpec[] {
  return LAYERS[type].args;
}

/** The arguments a layer stores (fixed and ignored ones left out). */
export function storedArgSpecs(type: LayerType): readonly ArgSpec[] {
  return argSpecs(type).filter((a) => a.fixed === undefined && a.ignored === undefined);
}

/** The arguments of a layer as a plain record, for code that handles every type alike. */
export function argsRecord(layer: Layer): Readonly<Record<string, ArgValue>> {
  return layer.args as Readonly<Record<string, ArgValue>>;
}

/**
 * Builds a layer from a record of argument values that the caller has already checked against
 * `storedArgSpecs(type)` (the PyTorch importer, the URL codec, the editor).
 */
export function layerFromRecord(type: LayerType, args: Readonly<Record<string, ArgValue>>): Layer {
  // The record was validated field by field against the schema; this is the one trust boundary.
  return { type, args } as Layer;
}

/** A layer of `type` with its defaults, and example values for required arguments. */
export function defaultLayer(type: LayerType, example: Readonly<Record<string, ArgValue>> = {}): Layer {
  const args: Record<string, ArgValue> = {};
  for (const spec of storedArgSpecs(type)) {
    const value = Object.hasOwn(example, spec.name) ? example[spec.name] : spec.default !== undefined ? spec.default : EXAMPLE_REQUIRED[spec.kind];
    if (value !== undefined) args[spec.name] = value;
  }
  return layerFromRecord(type, args);
}

const EXAMPLE_REQUIRED: Partial<Record<ArgKind, ArgValue>> = {
  int: 16,
  size2: [3, 3],
  outputSize: [1, 1],
};

/** The spec of argument `name` of `type`, or undefined. */
export function argSpec(type: LayerType, name: string): ArgSpec | undefined {
  return argSpecs(type).find((a) => a.name === name);
}
