/**
 * The lesson's CNN as a layer list (the Trainer's model-spec format): conv 3×3 → ReLU → pool →
 * conv 3×3 → ReLU → pool → flatten → Linear → Linear, with nn.Dropout between the fully connected
 * layers, after each pool, or both.
 */
import { defaultLayer } from '../../ml/layer-stack';
import type { ModelLayer, ModelSpec } from '../../ml/training';

/** Where the dropout layers go: none, between the fully connected layers, after each pool, or both. */
export type DropoutPlacement = 'none' | 'fc' | 'pools' | 'both';

/** The placements, in the order the controls list them. */
export const PLACEMENTS: readonly DropoutPlacement[] = ['none', 'fc', 'pools', 'both'];

/** The network's sizes. */
export interface NetworkShape {
  /** Side of the square input image. */
  readonly side: number;
  /** Channels of the first and the second convolution. */
  readonly channels: readonly [number, number];
  /** Units of the hidden fully connected layer. */
  readonly hidden: number;
}

/** The default network for 14×14 digits: 8 and 16 channels, 64 hidden units. */
export const DEFAULT_SHAPE: NetworkShape = { side: 14, channels: [8, 16], hidden: 64 };

/** The spec of the lesson's CNN with dropout probability p at `placement` (p = 0 or 'none' leaves dropout out). */
export function digitsCnn(p: number, placement: DropoutPlacement, shape: NetworkShape = DEFAULT_SHAPE): ModelSpec {
  if (!(p >= 0 && p < 1)) throw new RangeError(`digitsCnn: expected a dropout probability in [0, 1), got ${p}`);
  const [c1, c2] = shape.channels;
  const pooled = Math.floor(Math.floor(shape.side / 2) / 2);
  const atPools = p > 0 && (placement === 'pools' || placement === 'both');
  const atFc = p > 0 && (placement === 'fc' || placement === 'both');
  const drop = (on: boolean): ModelLayer[] => (on ? [defaultLayer('Dropout', { p })] : []);
  return {
    input: [1, shape.side, shape.side],
    layers: [
      defaultLayer('Conv2d', { in_channels: 1, out_channels: c1, kernel_size: [3, 3], padding: [1, 1] }),
      defaultLayer('ReLU'),
      defaultLayer('MaxPool2d', { kernel_size: [2, 2] }),
      ...drop(atPools),
      defaultLayer('Conv2d', { in_channels: c1, out_channels: c2, kernel_size: [3, 3], padding: [1, 1] }),
      defaultLayer('ReLU'),
      defaultLayer('MaxPool2d', { kernel_size: [2, 2] }),
      ...drop(atPools),
      defaultLayer('Flatten'),
      defaultLayer('Linear', { in_features: c2 * pooled * pooled, out_features: shape.hidden }),
      defaultLayer('ReLU'),
      ...drop(atFc),
      defaultLayer('Linear', { in_features: shape.hidden, out_features: 10 }),
    ],
  };
}
