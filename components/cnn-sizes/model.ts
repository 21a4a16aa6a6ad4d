/** The CNN sizes widget's state in the page address: the layer stack, one image's (C, H, W) and the batch N. */
import { decodeStack, encodeStack, INPUT_LIMITS, PRESETS, type Layer, type Preset, type StackInput } from '../../lib/ml/layer-stack';
import { numberField, parseStrictNumber, type Field } from '../../lib/common';

/** The stack the widget starts with: LeNet-5. */
export const DEFAULT_PRESET: Preset = PRESETS[0]!;

/** One image's channels, height and width. */
export interface ImageSize {
  readonly channels: number;
  readonly height: number;
  readonly width: number;
}

const layersField: Field<readonly Layer[]> = {
  default: DEFAULT_PRESET.layers,
  expected: 'a layer stack as the widget writes it (conv-1-6-5_tanh_avg-2_…)',
  parse: (raw) => {
    const decoded = decodeStack(raw.trim());
    return decoded.ok ? decoded.layers : undefined;
  },
  format: encodeStack,
};

const imageField: Field<ImageSize> = {
  default: { channels: DEFAULT_PRESET.input.channels, height: DEFAULT_PRESET.input.height, width: DEFAULT_PRESET.input.width },
  expected: `C x H x W, such as 3x224x224 (C up to ${INPUT_LIMITS.channels.max}, H and W up to ${INPUT_LIMITS.height.max})`,
  parse: (raw) => {
    const parts = raw.trim().split('x').map(parseStrictNumber);
    if (parts.length !== 3) return undefined;
    const [channels, height, width] = parts;
    const fits = (v: number | undefined, name: 'channels' | 'height' | 'width'): v is number =>
      v !== undefined && Number.isInteger(v) && v >= INPUT_LIMITS[name].min && v <= INPUT_LIMITS[name].max;
    return fits(channels, 'channels') && fits(height, 'height') && fits(width, 'width') ? { channels, height, width } : undefined;
  },
  format: ({ channels, height, width }) => `${channels}x${height}x${width}`,
};

/** URL fields of the widget: `layers`, `input` (C x H x W) and `batch`. */
export const cnnSizesSchema = {
  layers: layersField,
  input: imageField,
  batch: numberField({ default: DEFAULT_PRESET.input.batch, min: INPUT_LIMITS.batch.min, max: INPUT_LIMITS.batch.max, integer: true }),
};

/** The stack input from the widget's values. */
export function stackInput(image: ImageSize, batch: number): StackInput {
  return { batch, ...image };
}

/** The preset whose layers and image size equal these, if any. */
export function matchingPreset(layers: readonly Layer[], image: ImageSize): Preset | undefined {
  const text = encodeStack(layers);
  return PRESETS.find(
    (p) => encodeStack(p.layers) === text && p.input.channels === image.channels && p.input.height === image.height && p.input.width === image.width,
  );
}

/** Why a `layers` value from the link was ignored, for the notice (the field itself only says it was). */
export function layersNotice(raw: string): string {
  const decoded = decodeStack(raw.trim());
  const shown = raw.length > 40 ? `${raw.slice(0, 39)}…` : raw;
  return decoded.ok ? '' : `Ignored “layers=${shown}” from the link: ${decoded.message}. Using ${DEFAULT_PRESET.label} instead.`;
}

/** Layers that take any number of channels (they keep whatever shape they get). */
const CHANNEL_BLIND = new Set<Layer['type']>(['ReLU', 'ReLU6', 'LeakyReLU', 'ELU', 'GELU', 'SiLU', 'Sigmoid', 'Tanh', 'Softplus', 'Identity', 'Dropout', 'Dropout2d', 'MaxPool2d', 'AvgPool2d', 'AdaptiveAvgPool2d', 'AdaptiveMaxPool2d']);

/** The channel count the stack's first channel-bound layer takes (Conv2d's in_channels, BatchNorm2d's num_features), if any. */
export function channelsTaken(layers: readonly Layer[]): number | null {
  for (const layer of layers) {
    if (layer.type === 'Conv2d') return layer.args.in_channels;
    if (layer.type === 'BatchNorm2d') return layer.args.num_features;
    if (!CHANNEL_BLIND.has(layer.type)) return null;
  }
  return null;
}
