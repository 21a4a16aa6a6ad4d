import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRESETS } from './presets';
import { defaultLayer } from './schema';
import { anyLayer } from './testing/arbitraries';
import { MAX_LAYERS } from './limits';
import { decodeStack, encodeStack } from './url-codec';

describe('encodeStack()', () => {
  it('encodeStack() writes LeNet-5 compactly, with defaults left out', () => {
    const lenet = PRESETS.find((p) => p.id === 'lenet5')!;
    expect(encodeStack(lenet.layers)).toBe('conv-1-6-5_tanh_avg-2_conv-6-16-5_tanh_avg-2_flat_fc-400-120_tanh_fc-120-84_tanh_fc-84-10');
  });

  it('encodeStack() writes pairs, None, booleans, strings and signs in URL-safe characters', () => {
    const layers = [
      defaultLayer('Conv2d', { in_channels: 3, out_channels: 8, kernel_size: [3, 5], padding: 'same', bias: false }),
      defaultLayer('AdaptiveAvgPool2d', { output_size: [7, null] }),
      defaultLayer('Flatten', { start_dim: 1, end_dim: -2 }),
      defaultLayer('BatchNorm2d', { num_features: 4, eps: 1e-3, momentum: null }),
    ];
    const text = encodeStack(layers);
    expect(text).toBe('conv-3-8-3x5--same---f_aavg-7xn_flat--m2_bn-4-0.001-n');
    expect(new URLSearchParams({ layers: text }).toString()).toBe(`layers=${text}`);
    expect(decodeStack(text)).toEqual({ ok: true, layers });
  });

  it('encodeStack() output is read back by decodeStack() unchanged (round trip, property)', () => {
    fc.assert(
      fc.property(fc.array(anyLayer, { maxLength: 20 }), (layers) => {
        expect(decodeStack(encodeStack(layers))).toEqual({ ok: true, layers });
      }),
      { numRuns: 400 },
    );
    for (const p of PRESETS) expect(decodeStack(encodeStack(p.layers))).toEqual({ ok: true, layers: p.layers });
  });
});

describe('decodeStack()', () => {
  it('decodeStack() says which layer of a link cannot be read and why', () => {
    expect(decodeStack('conv-3-8-3_blah')).toEqual({ ok: false, message: 'layer 2 (“blah”): unknown layer code “blah”' });
    expect(decodeStack('conv-3')).toEqual({ ok: false, message: 'layer 1 (“conv-3”): Conv2d needs out_channels' });
    expect(decodeStack('fc-10-0')).toEqual({ ok: false, message: 'layer 1 (“fc-10-0”): out_features must be from 1 to 1,000,000 in this calculator (its own limit), got 0' });
    expect(decodeStack('relu-t-t')).toEqual({ ok: false, message: 'layer 1 (“relu-t-t”): ReLU has 1 arguments, got 2' });
    expect(decodeStack('drop-abc')).toEqual({ ok: false, message: 'layer 1 (“drop-abc”): p must be a number, got \'abc\'' });
    expect(decodeStack(Array(MAX_LAYERS + 1).fill('relu').join('_'))).toEqual({ ok: false, message: `it has ${MAX_LAYERS + 1} layers; the calculator takes at most ${MAX_LAYERS} layers (its own limit)` });
    expect(decodeStack('')).toEqual({ ok: true, layers: [] });
  });
});
