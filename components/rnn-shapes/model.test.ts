import { describe, expect, it } from 'vitest';
import { defaultsOf, parseState, writeState } from '../../lib/common/url-state';
import { forwardCost, rnnSchema, viewOf } from './model';
import { MAX_SHAPE_TEXT, parseShape, readShape } from './shape-text';

const defaults = defaultsOf(rnnSchema);

describe('parseShape()', () => {
  it('parseShape() reads "2, 3, 20", "(2, 3, 20)" and "2 3 20", and refuses the rest', () => {
    expect(parseShape('2, 3, 20')).toEqual([2, 3, 20]);
    expect(parseShape('(2, 3, 20)')).toEqual([2, 3, 20]);
    expect(parseShape('[2 3 20]')).toEqual([2, 3, 20]);
    expect(parseShape('(20,)')).toEqual([20]);
    for (const bad of ['', '2, x', '0, 3', '2.5', '1,1,1,1,1', '2,,3', ',2']) expect(parseShape(bad)).toBeUndefined();
  });

  it('readShape() says which size is wrong and why: junk, negative, zero, fractions, huge numbers, 1e9', () => {
    const why = (text: string) => {
      const read = readShape(text);
      return read.ok ? read.shape : read.message;
    };
    expect(why('2, x, 20')).toBe('“x” is not a number');
    expect(why('2, -3, 20')).toBe('−3 is negative: sizes are whole numbers from 1 to 1,000');
    expect(why('0, 3')).toBe('0 is not a size here: sizes are whole numbers from 1 to 1,000');
    expect(why('2.5')).toBe('2.5 is not a whole number: sizes are whole numbers from 1 to 1,000');
    expect(why('1e9')).toBe('1e9 = 1,000,000,000 is more than 1,000, the largest size here');
    expect(why('2, 3, 5000')).toBe('5000 is more than 1,000, the largest size here');
    expect(why('1e999')).toBe('“1e999” is too large to be a number');
    expect(why('99999999999999999999999')).toBe('99999999999999999999999 is more than 1,000, the largest size here');
    expect(why('1, 2, 3, 4, 5')).toBe('5 sizes: a shape here has 1 to 4');
    expect(why('2,,3')).toBe('there is an empty size between two commas');
    expect(why('  ')).toBe('type 1 to 4 sizes separated by commas, such as 2, 3, 20');
    expect(why('1e3')).toEqual([1000]);
  });

  it('readShape() refuses a huge paste before reading it, and quotes at most a few characters of junk', () => {
    expect(readShape('1, '.repeat(1_000_000))).toEqual({ ok: false, message: 'the text is 3,000,000 characters long; a shape is at most 64, so none of it was read' });
    expect(readShape(`2, ${'x'.repeat(MAX_SHAPE_TEXT - 4)}`)).toEqual({ ok: false, message: '“xxxxxxxxxxx…” is not a number' });
  });
});

describe('rnnSchema', () => {
  it("rnnSchema reads the issue's link with PyTorch's argument names", () => {
    const params = new URLSearchParams('input_size=10&hidden_size=20&num_layers=2&bidirectional=true&batch_first=false&seq_len=5&batch=3');
    const { values, notices } = parseState(rnnSchema, params);
    expect(notices).toEqual([]);
    expect(values).toMatchObject({ input_size: 10, hidden_size: 20, num_layers: 2, bidirectional: true, batch_first: false, seq_len: 5, batch: 3 });
  });

  it('rnnSchema round-trips h_0 and input_features, and drops defaults from the link', () => {
    const params = new URLSearchParams();
    writeState(rnnSchema, { ...defaults, h_0: [1, 3, 20], input_features: 7, nonlinearity: 'relu', dropout: 0.25 }, params);
    expect(params.toString()).toBe('nonlinearity=relu&dropout=0.25&input_features=7&h_0=1%2C3%2C20');
    expect(parseState(rnnSchema, params).values).toEqual({ ...defaults, h_0: [1, 3, 20], input_features: 7, nonlinearity: 'relu', dropout: 0.25 });
  });

  it('rnnSchema falls back with a notice for values nn.RNN would not take', () => {
    const { values, notices } = parseState(rnnSchema, new URLSearchParams('hidden_size=0&nonlinearity=gelu&h_0=a,b&dropout=1.5'));
    expect(values).toEqual(defaults);
    expect(notices.map((n) => n.name)).toEqual(['hidden_size', 'nonlinearity', 'dropout', 'h_0']);
  });
});

describe('viewOf() and forwardCost()', () => {
  it('viewOf() gives the shapes of the defaults, which are PyTorch\'s documented example', () => {
    const view = viewOf(defaults);
    expect([view.inputShape, view.h0Shape, view.forward]).toEqual([[5, 3, 10], [2, 3, 20], { ok: true, output: [5, 3, 20], hN: [2, 3, 20] }]);
    expect(view.total).toBe(1480);
    expect(viewOf({ ...defaults, h_0: 'omit', unbatched: true }).h0Shape).toBeUndefined();
  });

  it('forwardCost() counts H_out · (input + H_out) multiply-adds per layer, direction, step and sequence', () => {
    const view = viewOf(defaults);
    // 15 rows (L · N); layer 0: 20 · (10 + 20) = 600, layer 1: 20 · (20 + 20) = 800.
    expect(forwardCost(view.config, view.inputShape)).toBe(15 * (600 + 800));
    const both = viewOf({ ...defaults, bidirectional: true });
    expect(forwardCost(both.config, both.inputShape)).toBe(15 * 2 * (600 + 20 * (40 + 20)));
  });
});
