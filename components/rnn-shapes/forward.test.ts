import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rnnForwardShapes, rnnParameters } from '../../lib/ml/shapes/rnn';
import { rnnSchema } from './model';
import { defaultsOf } from '../../lib/common/url-state';
import { runForward } from './run-forward';
import { verdictOf } from './verdict';

const defaults = defaultsOf(rnnSchema);

describe('forwardJob', () => {
  it('forwardJob on the widget defaults gives the shapes of PyTorch\'s example and its 1,480 parameters', async () => {
    const { view, outcome } = await runForward(defaults);
    expect(outcome).toMatchObject({ ok: true, output: [5, 3, 20], hN: [2, 3, 20] });
    expect(outcome.parameters.reduce((n, p) => n + p.count, 0)).toBe(1480);
    expect(outcome.parameters.map((p) => p.name)).toEqual(view.parameters.map((p) => p.name));
  });

  it('forwardJob finds the final states where the lesson says: output[-1, :, :H] = h_n[-2], output[0, :, H:] = h_n[-1], and h_n.view(num_layers, D, N, H)[-1, 0] is the first', async () => {
    const { outcome } = await runForward({ ...defaults, bidirectional: true, num_layers: 3 });
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.identities.map(({ left, right }) => `${left} = ${right}`)).toEqual([
      'output[-1, :, :20] = h_n[-2]',
      'output[0, :, 20:] = h_n[-1]',
      'h_n.view(3, 2, 3, 20)[-1, 0] = output[-1, :, :20]',
    ]);
    for (const identity of outcome.identities) expect(identity.maxDifference).toBe(0);
  });

  it('forwardJob agrees with the calculator on random settings, valid or not', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          input_size: fc.integer({ min: 1, max: 5 }),
          hidden_size: fc.integer({ min: 1, max: 5 }),
          num_layers: fc.integer({ min: 1, max: 3 }),
          bidirectional: fc.boolean(),
          batch_first: fc.boolean(),
          unbatched: fc.boolean(),
          seq_len: fc.integer({ min: 1, max: 4 }),
          batch: fc.integer({ min: 1, max: 3 }),
          input_features: fc.oneof(fc.constant('match' as const), fc.integer({ min: 1, max: 5 })),
          h_0: fc.oneof(fc.constantFrom('omit' as const, 'expected' as const), fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 4 })),
          seed: fc.integer({ min: 0, max: 99 }),
        }),
        async (patch) => {
          const { view, outcome } = await runForward({ ...defaults, ...patch });
          expect(outcome.parameters.map(({ name, shape, count }) => ({ name, shape, count }))).toEqual(
            rnnParameters(view.config).map(({ name, shape, count }) => ({ name, shape, count })),
          );
          const calc = rnnForwardShapes(view.config, view.inputShape, view.h0Shape);
          expect(outcome.ok).toBe(calc.ok);
          expect(verdictOf(view, outcome).agree).toBe(true);
          if (outcome.ok && calc.ok) {
            expect([outcome.output, outcome.hN]).toEqual([calc.output, calc.hN]);
            for (const identity of outcome.identities) expect(identity.maxDifference).toBe(0);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('verdictOf() names a disagreement in shapes or parameters', async () => {
    const { view, outcome } = await runForward(defaults);
    if (!outcome.ok) throw new Error(outcome.error);
    expect(verdictOf(view, { ...outcome, hN: [1, 3, 20] })).toEqual({
      agree: false,
      text: 'The engine gave output (5, 3, 20) and h_n (1, 3, 20); the calculator says (5, 3, 20) and (2, 3, 20).',
    });
    expect(verdictOf(view, { ...outcome, parameters: outcome.parameters.slice(0, 4) }).text).toBe(
      'The engine built 4 parameter tensors with 640 numbers; the calculator expects 8 with 1,480.',
    );
    expect(verdictOf(view, { parameters: outcome.parameters, ok: false, error: 'boom' })).toEqual({
      agree: false,
      text: 'The engine refused a call the calculator accepts: “boom”.',
    });
  });
});
