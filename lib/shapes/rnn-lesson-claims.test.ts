/**
 * Numbers and messages the RNN shapes lesson states in its prose (lessons/rnn-shapes.mdx),
 * recomputed here so that the text cannot drift from the calculator.
 */
import { describe, expect, it } from 'vitest';
import { RNN_DEFAULTS, rnnForwardShapes, rnnParameterCount, rnnParameters, type RnnConfig } from './rnn';

const rnn = (inputSize: number, hiddenSize: number, options: Partial<RnnConfig> = {}): RnnConfig => ({
  ...RNN_DEFAULTS,
  inputSize,
  hiddenSize,
  ...options,
});

const layerCount = (config: RnnConfig, layer: number): number =>
  rnnParameters(config)
    .filter((p) => p.layer === layer)
    .reduce((n, p) => n + p.count, 0);

const message = (config: RnnConfig, input: number[], h0?: number[]): string => {
  const r = rnnForwardShapes(config, input, h0);
  return r.ok ? 'no error' : `${r.error.kind}: ${r.error.message}`;
};

describe('RNN shapes lesson claims', () => {
  it('nn.RNN(10, 20, 2): 640 + 840 = 1,480; bidirectional 1,280 + 2,480 = 3,760', () => {
    const plain = rnn(10, 20, { numLayers: 2 });
    expect([layerCount(plain, 0), layerCount(plain, 1), rnnParameterCount(plain)]).toEqual([640, 840, 1480]);
    const both = { ...plain, bidirectional: true };
    expect([layerCount(both, 0), layerCount(both, 1), rnnParameterCount(both)]).toEqual([1280, 2480, 3760]);
  });

  it("PyTorch's example: input (5, 3, 10) and h0 (2, 3, 20) give output (5, 3, 20) and h_n (2, 3, 20)", () => {
    expect(rnnForwardShapes(rnn(10, 20, { numLayers: 2 }), [5, 3, 10], [2, 3, 20])).toEqual({ ok: true, output: [5, 3, 20], hN: [2, 3, 20] });
  });

  it('question 1: nn.RNN(300, 512, 2, batch_first, bidirectional) on (32, 50, 300); 833,536 + 1,574,912 = 2,408,448 parameters', () => {
    const config = rnn(300, 512, { numLayers: 2, batchFirst: true, bidirectional: true });
    expect(rnnForwardShapes(config, [32, 50, 300])).toEqual({ ok: true, output: [32, 50, 1024], hN: [4, 32, 512] });
    expect([layerCount(config, 0), layerCount(config, 1), rnnParameterCount(config)]).toEqual([833_536, 1_574_912, 2_408_448]);
  });

  it('question 4: 500 steps instead of 5 change output only', () => {
    const config = rnn(10, 20, { numLayers: 2 });
    expect(rnnForwardShapes(config, [500, 3, 10])).toEqual({ ok: true, output: [500, 3, 20], hN: [2, 3, 20] });
    expect(rnnParameterCount(config)).toBe(1480);
  });

  it('the errors section quotes what the calculator (and PyTorch) say', () => {
    const config = rnn(10, 20, { numLayers: 2 });
    expect(message(config, [5, 3, 7])).toBe('RuntimeError: input.size(-1) must be equal to input_size. Expected 10, got 7');
    expect(message(config, [5, 3, 10], [1, 3, 20])).toBe('RuntimeError: Expected hidden size (2, 3, 20), got [1, 3, 20]');
    expect(message({ ...config, batchFirst: true }, [3, 5, 10], [3, 2, 20])).toBe('RuntimeError: Expected hidden size (2, 3, 20), got [3, 2, 20]');
    expect(message(config, [5, 10], [2, 3, 20])).toBe('RuntimeError: For unbatched 2-D input, hx should also be 2-D but got 3-D tensor');
    expect(message(config, [5, 10], [1, 20])).toBe('RuntimeError: Expected hidden size (2, 1, 20), got [1, 1, 20]');
  });
});
