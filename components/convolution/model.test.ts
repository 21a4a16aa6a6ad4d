import { describe, expect, it } from 'vitest';
import { defaultWeights } from '../../lib/course/convolution/weights';
import { defaultsOf, parseState, writeState } from '../../lib/common/url-state';
import { convSchema, layerOf, VARIANTS } from './model';

const schema = convSchema(VARIANTS.rgb);

describe('layerOf()', () => {
  it('layerOf() gives the default layer of each variant', () => {
    const gray = convSchema(VARIANTS.gray);
    const layer = layerOf(defaultsOf(gray), gray, '');
    expect(layer.shape).toEqual({ inChannels: 1, outChannels: 1, kernel: 3 });
    expect(layer.weights).toEqual([-1, 0, 1, -2, 0, 2, -1, 0, 1]);
    expect(layerOf(defaultsOf(schema), schema, 'rgb-').shape).toEqual({ inChannels: 3, outChannels: 2, kernel: 3 });
  });

  it('layerOf() quietly builds default weights for a new shape when the link has none', () => {
    const { values } = parseState(schema, new URLSearchParams('k=5&cout=1'));
    const layer = layerOf(values, schema, 'rgb-');
    expect(layer.notices).toEqual([]);
    expect(layer.weights).toEqual(defaultWeights({ inChannels: 3, outChannels: 1, kernel: 5 }));
    expect(layer.bias).toEqual([0]);
  });

  it('layerOf() explains weights from the link that do not fit the layer', () => {
    const { values } = parseState(schema, new URLSearchParams('w=1,2,3'));
    const layer = layerOf(values, schema, 'rgb-');
    expect(layer.notices).toEqual(['Ignored “rgb-w” from the link: 2 filters × 3 channels × 3 × 3 need 54 weights, got 3. Using the default filters.']);
    expect(layer.weights).toHaveLength(54);
  });

  it('the schema round-trips a changed layer through the URL', () => {
    const values = { ...defaultsOf(schema), k: 1, cout: 1, w: [0.5, -1, 2], b: [0.25], ch: 'rgb' as const, row: 3 };
    const params = new URLSearchParams();
    writeState(schema, values, params);
    expect(params.toString()).toBe('k=1&cout=1&w=0.5%2C-1%2C2&b=0.25&row=3');
    const back = parseState(schema, params);
    expect(back.notices).toEqual([]);
    expect(back.values).toEqual(values);
    expect(layerOf(back.values, schema, '').weights).toEqual([0.5, -1, 2]);
  });
});
