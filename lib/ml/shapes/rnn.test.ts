import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nn, noGrad, randn, Rng } from '../../engine';
import {
  RNN_DEFAULTS,
  rnnConstructorCheck,
  rnnForwardShapes,
  rnnHiddenShape,
  rnnInputShape,
  rnnParameterCount,
  rnnParameters,
  rnnSymbolicShapes,
  type RnnConfig,
} from './rnn';

const rnn = (inputSize: number, hiddenSize: number, options: Partial<RnnConfig> = {}): RnnConfig => ({
  ...RNN_DEFAULTS,
  inputSize,
  hiddenSize,
  ...options,
});

/** The engine's nn.RNN for a configuration (an independent implementation of the same module). */
function engineRnn(config: RnnConfig, seed = 1): nn.RNN {
  const { inputSize, hiddenSize, ...options } = config;
  return new nn.RNN(inputSize, hiddenSize, { ...options, rng: new Rng(seed) });
}

/** Runs the engine's forward pass on random tensors of the given shapes: its shapes, or its error. */
function engineForward(config: RnnConfig, inputShape: number[], h0Shape?: number[]): { output: number[]; hN: number[] } | { error: string } {
  const rng = new Rng(7);
  const module = engineRnn(config);
  try {
    const [output, hN] = noGrad(() => module.forward(randn(inputShape, rng), h0Shape ? randn(h0Shape, rng) : undefined));
    return { output: [...output.shape], hN: [...hN.shape] };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

const configArb = fc.record({
  inputSize: fc.integer({ min: 1, max: 6 }),
  hiddenSize: fc.integer({ min: 1, max: 6 }),
  numLayers: fc.integer({ min: 1, max: 3 }),
  nonlinearity: fc.constantFrom('tanh' as const, 'relu' as const),
  bias: fc.boolean(),
  batchFirst: fc.boolean(),
  dropout: fc.constantFrom(0, 0.25, 0.5),
  bidirectional: fc.boolean(),
});

describe('rnnParameters()', () => {
  it('rnnParameters() names and shapes nn.RNN(10, 20, 2) as PyTorch does: 1,480 parameters', () => {
    const config = rnn(10, 20, { numLayers: 2 });
    expect(rnnParameters(config).map((p) => [p.name, p.shape, p.count])).toEqual([
      ['weight_ih_l0', [20, 10], 200],
      ['weight_hh_l0', [20, 20], 400],
      ['bias_ih_l0', [20], 20],
      ['bias_hh_l0', [20], 20],
      ['weight_ih_l1', [20, 20], 400],
      ['weight_hh_l1', [20, 20], 400],
      ['bias_ih_l1', [20], 20],
      ['bias_hh_l1', [20], 20],
    ]);
    expect(rnnParameterCount(config)).toBe(1480);
  });

  it('rnnParameters() of the bidirectional nn.RNN(10, 20, 2) adds _reverse and widens weight_ih_l1 to 40: 3,760', () => {
    const config = rnn(10, 20, { numLayers: 2, bidirectional: true });
    const params = rnnParameters(config);
    expect(params.map((p) => p.name)).toEqual([
      'weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0',
      'weight_ih_l0_reverse', 'weight_hh_l0_reverse', 'bias_ih_l0_reverse', 'bias_hh_l0_reverse',
      'weight_ih_l1', 'weight_hh_l1', 'bias_ih_l1', 'bias_hh_l1',
      'weight_ih_l1_reverse', 'weight_hh_l1_reverse', 'bias_ih_l1_reverse', 'bias_hh_l1_reverse',
    ]);
    expect(params.find((p) => p.name === 'weight_ih_l1_reverse')?.shape).toEqual([20, 40]);
    expect(rnnParameterCount(config)).toBe(3760);
  });

  it('rnnParameters() without bias has only the weights; the nonlinearity changes nothing', () => {
    expect(rnnParameters(rnn(3, 4, { bias: false })).map((p) => p.name)).toEqual(['weight_ih_l0', 'weight_hh_l0']);
    expect(rnnParameterCount(rnn(3, 4, { nonlinearity: 'relu' }))).toBe(rnnParameterCount(rnn(3, 4)));
  });

  it('rnnParameterCount() is D·H(H_in + H + 2) + (num_layers − 1)·D·H(D·H + H + 2), the formula in the lesson', () => {
    fc.assert(
      fc.property(configArb, (c) => {
        const D = c.bidirectional ? 2 : 1;
        const H = c.hiddenSize;
        const b = c.bias ? 2 : 0;
        expect(rnnParameterCount(c)).toBe(D * H * (c.inputSize + H + b) + (c.numLayers - 1) * D * H * (D * H + H + b));
      }),
    );
  });

  it("rnnParameters() matches the engine's namedParameters() on random configurations", () => {
    fc.assert(
      fc.property(configArb, (c) => {
        const engine = engineRnn(c).namedParameters().map(([name, t]) => ({ name, shape: [...t.shape], count: t.numel() }));
        expect(rnnParameters(c).map(({ name, shape, count }) => ({ name, shape, count }))).toEqual(engine);
      }),
      { numRuns: 60 },
    );
  });
});

describe('rnnForwardShapes()', () => {
  const [L, N, Hin, H] = [5, 3, 4, 6];
  for (const numLayers of [1, 2, 3]) {
    for (const bidirectional of [false, true]) {
      for (const batchFirst of [false, true]) {
        for (const unbatched of [false, true]) {
          it(`rnnForwardShapes() matches the engine: num_layers=${numLayers}, bidirectional=${bidirectional}, batch_first=${batchFirst}, ${unbatched ? 'unbatched' : 'batched'}`, () => {
            const config = rnn(Hin, H, { numLayers, bidirectional, batchFirst });
            const call = { seqLen: L, batch: N, unbatched };
            const D = bidirectional ? 2 : 1;
            const input = rnnInputShape(config, call);
            const h0 = rnnHiddenShape(config, call);
            expect(input).toEqual(unbatched ? [L, Hin] : batchFirst ? [N, L, Hin] : [L, N, Hin]);
            expect(h0).toEqual(unbatched ? [D * numLayers, H] : [D * numLayers, N, H]);
            for (const given of [undefined, h0]) {
              const calc = rnnForwardShapes(config, input, given);
              expect(calc).toEqual({
                ok: true,
                output: unbatched ? [L, D * H] : batchFirst ? [N, L, D * H] : [L, N, D * H],
                hN: h0,
              });
              expect(engineForward(config, input, given)).toEqual(calc.ok ? { output: calc.output, hN: calc.hN } : {});
            }
          });
        }
      }
    }
  }

  it("rnnForwardShapes() agrees with the engine's forward pass on random valid configurations", () => {
    fc.assert(
      fc.property(
        configArb,
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        fc.boolean(),
        (config, seqLen, batch, unbatched, giveH0) => {
          const call = { seqLen, batch, unbatched };
          const input = rnnInputShape(config, call);
          const h0 = giveH0 ? rnnHiddenShape(config, call) : undefined;
          const calc = rnnForwardShapes(config, input, h0);
          expect(calc.ok).toBe(true);
          expect(engineForward(config, input, h0)).toEqual(calc.ok ? { output: calc.output, hN: calc.hN } : {});
        },
      ),
      { numRuns: 80 },
    );
  });

  it("rnnForwardShapes() refuses exactly the shapes the engine refuses, in the same words (random, mostly wrong shapes)", () => {
    const dims = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(configArb, dims, fc.option(dims, { nil: undefined }), (config, input, h0) => {
        const calc = rnnForwardShapes(config, input, h0);
        const engine = engineForward(config, input, h0);
        if (calc.ok) expect(engine).toEqual({ output: calc.output, hN: calc.hN });
        else expect(engine).toEqual({ error: calc.error.message });
      }),
      { numRuns: 300 },
    );
  });

  it("rnnForwardShapes() words a wrong feature count as PyTorch's check_input does", () => {
    expect(rnnForwardShapes(rnn(10, 20, { numLayers: 2 }), [5, 3, 7])).toEqual({
      ok: false,
      error: { kind: 'RuntimeError', message: 'input.size(-1) must be equal to input_size. Expected 10, got 7' },
    });
  });

  it("rnnForwardShapes() words a wrong h_0 as PyTorch's check_hidden_size does: a tuple, then a list", () => {
    expect(rnnForwardShapes(rnn(10, 20, { numLayers: 2 }), [5, 3, 10], [1, 3, 20])).toEqual({
      ok: false,
      error: { kind: 'RuntimeError', message: 'Expected hidden size (2, 3, 20), got [1, 3, 20]' },
    });
  });

  it('rnnForwardShapes() does not apply batch_first to h_0: (N, S, H_out) is refused', () => {
    const config = rnn(10, 20, { numLayers: 2, batchFirst: true });
    expect(rnnForwardShapes(config, [3, 5, 10], [2, 3, 20]).ok).toBe(true);
    const wrong = rnnForwardShapes(config, [3, 5, 10], [3, 2, 20]);
    expect(wrong.ok ? '' : wrong.error.message).toBe('Expected hidden size (2, 3, 20), got [3, 2, 20]');
  });

  it('rnnForwardShapes() reports an unbatched h_0 with the batch of 1 PyTorch inserts before checking', () => {
    const wrong = rnnForwardShapes(rnn(10, 20, { numLayers: 2 }), [5, 10], [1, 20]);
    expect(wrong.ok ? '' : wrong.error.message).toBe('Expected hidden size (2, 1, 20), got [1, 1, 20]');
  });

  it("rnnForwardShapes() checks dimensions first, in PyTorch's words", () => {
    const config = rnn(10, 20);
    const message = (input: number[], h0?: number[]) => {
      const r = rnnForwardShapes(config, input, h0);
      return r.ok ? '' : `${r.error.kind}: ${r.error.message}`;
    };
    expect(message([2, 5, 3, 10])).toBe('ValueError: RNN: Expected input to be 2D or 3D, got 4D tensor instead');
    expect(message([5, 10], [1, 1, 20])).toBe('RuntimeError: For unbatched 2-D input, hx should also be 2-D but got 3-D tensor');
    expect(message([5, 3, 10], [1, 20])).toBe('RuntimeError: For batched 3-D input, hx should also be 3-D but got 2-D tensor');
    // The dimension check comes before the feature check: both are wrong here.
    expect(message([5, 3, 7], [1, 20])).toBe('RuntimeError: For batched 3-D input, hx should also be 3-D but got 2-D tensor');
  });
});

describe('rnnConstructorCheck()', () => {
  it("rnnConstructorCheck() warns about dropout with one layer in PyTorch's words", () => {
    expect(rnnConstructorCheck(rnn(10, 20, { dropout: 0.5 }))).toEqual({
      error: undefined,
      warnings: [
        {
          kind: 'UserWarning',
          message:
            'dropout option adds dropout after all but last recurrent layer, so non-zero dropout expects num_layers greater than 1, but got dropout=0.5 and num_layers=1',
        },
      ],
    });
    expect(rnnConstructorCheck(rnn(10, 20, { dropout: 0.5, numLayers: 2 }))).toEqual({ error: undefined, warnings: [] });
    expect(rnnConstructorCheck(rnn(10, 20, { dropout: 1 })).warnings[0]?.message).toContain('dropout=1.0 and num_layers=1');
  });

  it('rnnConstructorCheck() raises the ValueErrors of RNNBase.__init__', () => {
    expect(rnnConstructorCheck(rnn(10, 20, { dropout: 1.5 })).error).toEqual({
      kind: 'ValueError',
      message: 'dropout should be a number in range [0, 1] representing the probability of an element being zeroed',
    });
    expect(rnnConstructorCheck(rnn(10, 0)).error?.message).toBe('hidden_size must be greater than zero');
    expect(rnnConstructorCheck(rnn(10, 2.5)).error).toEqual({ kind: 'TypeError', message: 'hidden_size should be of type int, got: float', wording: '2.x' });
    expect(rnnConstructorCheck(rnn(10, 20, { numLayers: 0 })).error?.message).toBe('num_layers must be greater than zero');
  });

  it('messages only PyTorch 2.x words so are marked 2.x (1.13 says "proj_size has to be smaller…", "list index out of range"); shared ones are not', () => {
    expect(rnnConstructorCheck(rnn(10, 0)).error?.wording).toBe('2.x');
    expect(rnnConstructorCheck(rnn(10, 20, { numLayers: 0 })).error?.wording).toBe('2.x');
    expect(rnnConstructorCheck(rnn(10, 20, { dropout: 1.5 })).error?.wording).toBeUndefined();
    expect(rnnConstructorCheck(rnn(10, 20, { dropout: 0.5 })).warnings[0]?.wording).toBeUndefined();
  });
});

describe('rnnSymbolicShapes()', () => {
  it('rnnSymbolicShapes() writes the shapes as PyTorch documents them; batch_first moves N in input and output only', () => {
    expect(rnnSymbolicShapes(false, false)).toEqual({
      input: ['L', 'N', 'H_in'],
      h0: ['D * num_layers', 'N', 'H_out'],
      output: ['L', 'N', 'D * H_out'],
      hN: ['D * num_layers', 'N', 'H_out'],
    });
    expect(rnnSymbolicShapes(true, false)).toMatchObject({ input: ['N', 'L', 'H_in'], h0: ['D * num_layers', 'N', 'H_out'], output: ['N', 'L', 'D * H_out'] });
    expect(rnnSymbolicShapes(true, true)).toEqual({
      input: ['L', 'H_in'],
      h0: ['D * num_layers', 'H_out'],
      output: ['L', 'D * H_out'],
      hN: ['D * num_layers', 'H_out'],
    });
  });
});
