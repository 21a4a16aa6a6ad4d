import { describe, expect, it } from 'vitest';
import { calculateStack } from './calculate';
import { readArgument } from './import-pytorch';
import { argSpec, argsRecord, LAYER_TYPES, type StackInput } from './schema';
import { suggestLayer } from './suggest';

const image: StackInput = { batch: 2, channels: 6, height: 14, width: 14 };

describe('suggestLayer()', () => {
  it('suggestLayer() gives every layer type arguments that fit a 4-D input', () => {
    for (const type of LAYER_TYPES) {
      if (type === 'Linear') continue; // acts on the last size: fits, but is a different lesson
      const r = calculateStack(image, [suggestLayer(type, [2, 6, 14, 14])]);
      expect([type, r.rows[0]!.status]).toEqual([type, 'ok']);
    }
  });

  it('suggestLayer() sizes Linear from a flattened input', () => {
    expect(suggestLayer('Linear', [2, 1176]).args).toEqual({ in_features: 1176, out_features: 10, bias: true });
    expect(argsRecord(suggestLayer('Conv2d', null)).in_channels).toBe(3);
  });
});

describe('readArgument()', () => {
  const conv = (name: string) => argSpec('Conv2d', name)!;
  it('readArgument() reads ints, pairs, arithmetic, None and bare words as Python would', () => {
    expect(readArgument(conv('kernel_size'), '3')).toEqual({ ok: true, value: [3, 3] });
    expect(readArgument(conv('kernel_size'), ' (3, 5) ')).toEqual({ ok: true, value: [3, 5] });
    expect(readArgument(conv('out_channels'), '256 * 6 * 6')).toEqual({ ok: true, value: 9216 });
    expect(readArgument(conv('padding'), 'same')).toEqual({ ok: true, value: 'same' });
    expect(readArgument(conv('padding'), "'valid'")).toEqual({ ok: true, value: [0, 0] });
    expect(readArgument(argSpec('MaxPool2d', 'stride')!, 'None')).toEqual({ ok: true, value: null });
  });

  it('readArgument() explains what it cannot use', () => {
    expect(readArgument(conv('kernel_size'), '')).toEqual({ ok: false, message: 'type a value for kernel_size' });
    expect(readArgument(conv('kernel_size'), '0')).toEqual({ ok: false, message: 'kernel_size must be at least 1 (PyTorch’s rule), got 0' });
    expect(readArgument(conv('kernel_size'), '(3, 3, 3)')).toEqual({ ok: false, message: 'kernel_size must be an int or a pair (height, width), got a tuple of 3' });
    expect(readArgument(conv('out_channels'), '3x')).toEqual({ ok: false, message: '“3x” is not a number' });
    expect(readArgument(conv('out_channels'), 'k')).toEqual({ ok: false, message: 'k is not defined here: write its value (for example 10), or define it above with k = 10' });
  });
});
