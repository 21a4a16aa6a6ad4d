/** A new layer with arguments that fit where it is inserted, so that adding one does not start with an error. */
import { defaultLayer, type Layer, type LayerType } from './schema';

/**
 * A layer of `type` that accepts an input of `shape` (the output of the layer before it, or null
 * if that is unknown): Conv2d takes the input's channels and keeps the size (3 × 3, padding 1),
 * Linear takes its last size, BatchNorm2d its channels, pooling halves the size.
 */
export function suggestLayer(type: LayerType, shape: readonly number[] | null): Layer {
  const rank = shape?.length ?? 0;
  const channels = shape && (rank === 3 || rank === 4) ? shape[rank - 3]! : undefined;
  switch (type) {
    case 'Conv2d': {
      const cin = channels ?? 3;
      return defaultLayer('Conv2d', { in_channels: cin, out_channels: Math.min(2 * cin, 512), kernel_size: [3, 3], padding: [1, 1] });
    }
    case 'Linear':
      return defaultLayer('Linear', { in_features: shape?.at(-1) ?? 10, out_features: 10 });
    case 'BatchNorm2d':
      return defaultLayer('BatchNorm2d', { num_features: channels ?? 16 });
    case 'MaxPool2d':
    case 'AvgPool2d':
      return defaultLayer(type, { kernel_size: [2, 2] });
    case 'Softmax':
    case 'LogSoftmax':
      return defaultLayer(type, { dim: rank === 4 ? 1 : -1 });
    default:
      return defaultLayer(type);
  }
}
