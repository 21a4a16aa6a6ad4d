/**
 * The convolution widget's state: the URL fields of each variant (grayscale and colour), and how
 * the stored weights are checked against the layer's shape.
 */
import { SAMPLE_IDS, type SampleId } from '../../lib/course/convolution';
import { defaultWeights, weightCount, type LayerShape } from '../../lib/course/convolution';
import { enumField, numberField, numberListField, type ValuesOf } from '../../lib/common';

/** Limits of the layer's settings. */
export const LIMITS = { kernel: 7, stride: 4, padding: 4, dilation: 4, filters: 4, weight: 1000 } as const;

/** Grayscale (one input channel) or colour (three). */
export const CHANNEL_MODES = ['gray', 'rgb'] as const;

/** Grayscale (one input channel) or colour (three). */
export type ChannelMode = (typeof CHANNEL_MODES)[number];

/** Number of input channels of a mode. */
export const inChannelsOf = (mode: ChannelMode): 1 | 3 => (mode === 'gray' ? 1 : 3);

/** What a copy of the widget starts with. */
export interface Variant {
  /** Prefix of its URL parameters, so two copies on a page keep apart ("" or "rgb-"). */
  readonly prefix: string;
  readonly image: SampleId;
  readonly mode: ChannelMode;
  readonly outChannels: number;
  /** The output cell the step-through starts at. */
  readonly row: number;
  readonly col: number;
}

/** The two copies the lessons use: a grayscale digit with one filter, and colour shapes with two. */
export const VARIANTS = {
  gray: { prefix: '', image: 'four', mode: 'gray', outChannels: 1, row: 12, col: 14 },
  rgb: { prefix: 'rgb-', image: 'shapes', mode: 'rgb', outChannels: 2, row: 7, col: 2 },
} as const satisfies Record<string, Variant>;

/** Name of a variant. */
export type VariantName = keyof typeof VARIANTS;

const KERNEL = 3;

/** The URL fields of a variant (names appear in shared links, after the variant's prefix). */
export function convSchema(v: Variant) {
  const shape: LayerShape = { inChannels: inChannelsOf(v.mode), outChannels: v.outChannels, kernel: KERNEL };
  const maxWeights = LIMITS.filters * 3 * LIMITS.kernel * LIMITS.kernel;
  return {
    img: enumField(SAMPLE_IDS, v.image),
    ch: enumField(CHANNEL_MODES, v.mode),
    k: numberField({ default: KERNEL, min: 1, max: LIMITS.kernel, integer: true }),
    s: numberField({ default: 1, min: 1, max: LIMITS.stride, integer: true }),
    p: numberField({ default: 0, min: 0, max: LIMITS.padding, integer: true }),
    d: numberField({ default: 1, min: 1, max: LIMITS.dilation, integer: true }),
    cout: numberField({ default: v.outChannels, min: 1, max: LIMITS.filters, integer: true }),
    w: numberListField({ default: defaultWeights(shape), min: -LIMITS.weight, max: LIMITS.weight, minLength: 1, maxLength: maxWeights }),
    b: numberListField({ default: new Array<number>(v.outChannels).fill(0), min: -LIMITS.weight, max: LIMITS.weight, minLength: 1, maxLength: LIMITS.filters }),
    row: numberField({ default: v.row, min: 0, max: 255, integer: true }),
    col: numberField({ default: v.col, min: 0, max: 255, integer: true }),
    f: numberField({ default: 0, min: 0, max: LIMITS.filters - 1, integer: true }),
    c: numberField({ default: 0, min: 0, max: 2, integer: true }),
  };
}

/** The URL fields of the widget. */
export type ConvSchema = ReturnType<typeof convSchema>;

/** The values of those fields. */
export type ConvValues = ValuesOf<ConvSchema>;

/** The layer the values describe, with weights and biases that fit it. */
export interface Layer {
  readonly shape: LayerShape;
  readonly weights: readonly number[];
  readonly bias: readonly number[];
  /** Sentences about link values that did not fit the layer and were replaced. */
  readonly notices: readonly string[];
}

/**
 * The layer described by the values. Weights or biases of the wrong length for C_out × C_in × k × k
 * are replaced by the defaults for that shape; if they came from the link (differ from the
 * schema's default), a notice says so.
 */
export function layerOf(values: ConvValues, schema: ConvSchema, prefix: string): Layer {
  const shape: LayerShape = { inChannels: inChannelsOf(values.ch), outChannels: values.cout, kernel: values.k };
  const notices: string[] = [];
  let weights = values.w;
  if (weights.length !== weightCount(shape)) {
    if (weights !== schema.w.default) {
      notices.push(
        `Ignored “${prefix}w” from the link: ${shape.outChannels} filter${shape.outChannels === 1 ? '' : 's'} × ${shape.inChannels} channel${shape.inChannels === 1 ? '' : 's'} × ${shape.kernel} × ${shape.kernel} need ${weightCount(shape)} weights, got ${weights.length}. Using the default filters.`,
      );
    }
    weights = defaultWeights(shape);
  }
  let bias = values.b;
  if (bias.length !== shape.outChannels) {
    if (bias !== schema.b.default) notices.push(`Ignored “${prefix}b” from the link: ${shape.outChannels} filters need ${shape.outChannels} biases, got ${bias.length}. Using zeros.`);
    bias = new Array<number>(shape.outChannels).fill(0);
  }
  return { shape, weights, bias, notices };
}
