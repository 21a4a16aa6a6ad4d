/**
 * Figures and messages the RNN shapes lesson states (lessons/rnn-shapes.mdx), read from its text
 * and recomputed with the calculator the widget uses, so that neither can drift.
 */
import { describe, expect, it } from 'vitest';
import lesson from '../../../lessons/rnn-shapes.mdx?raw';
import { figuresIn } from '../../common/lesson-figures';
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

/** The figures at the {} places of `template` in the lesson, as numbers. */
const stated = (template: string): number[] => figuresIn(lesson, template).map((f) => f.value);

/** A message quoted in the lesson: the text between backticks after `prefix`. */
const quoted = (prefix: string): string => {
  const at = lesson.indexOf(prefix);
  if (at < 0) throw new Error(`the lesson does not contain "${prefix}"`);
  return lesson.slice(at + prefix.length).split('`')[0]!.replace(/\s+/g, ' ');
};

describe('RNN shapes lesson claims', () => {
  it('nn.RNN(10, 20, 2): layer by layer and in all, one-directional and bidirectional, as the lesson counts', () => {
    const plain = rnn(10, 20, { numLayers: 2 });
    const [layer0, layer1] = stated('20 \\cdot 10 + 20^2 + 2 \\cdot 20 = {}$ parameters, layer 1\nhas $20 \\cdot 20 + 20^2 + 40 = {}$');
    const [total] = stated('together **{}**. Made bidirectional');
    expect([layer0, layer1, total]).toEqual([layerCount(plain, 0), layerCount(plain, 1), rnnParameterCount(plain)]);
    const both = { ...plain, bidirectional: true };
    const [both0, both1, bothTotal] = stated('layer 0 doubles to\n${}$, and layer 1 reads 40 features, $2 \\times (20 \\cdot 40 + 20^2 + 40) = {}$, together\n**{}**');
    expect([both0, both1, bothTotal]).toEqual([layerCount(both, 0), layerCount(both, 1), rnnParameterCount(both)]);
    // "the parameters stay 1,480" is now an exercise's (rnn-shapes/longer-sequence): lib/course/rnn-shapes/exercises.test.ts checks it.
  });

  it("PyTorch's example: input (5, 3, 10) and h0 (2, 3, 20) give output (5, 3, 20) and h_n (2, 3, 20)", () => {
    expect(rnnForwardShapes(rnn(10, 20, { numLayers: 2 }), [5, 3, 10], [2, 3, 20])).toEqual({ ok: true, output: [5, 3, 20], hN: [2, 3, 20] });
  });

  it('the exercises’ RNN: nn.RNN(300, 512, 2, batch_first, bidirectional) reads the input the lesson states', () => {
    // The shapes and counts asked about are exercises now (lib/course/rnn-shapes/exercises.test.ts recomputes them).
    const config = rnn(300, 512, { numLayers: 2, batchFirst: true, bidirectional: true });
    const [n, l, h] = stated('so `input` is $({}, {}, {})$');
    expect(rnnForwardShapes(config, [n!, l!, h!])).toEqual({ ok: true, output: [32, 50, 1024], hN: [4, 32, 512] });
  });

  it('question 4: 500 steps instead of 5 change output only', () => {
    const config = rnn(10, 20, { numLayers: 2 });
    expect(rnnForwardShapes(config, [500, 3, 10])).toEqual({ ok: true, output: [500, 3, 20], hN: [2, 3, 20] });
    expect(rnnParameterCount(config)).toBe(1480);
  });

  it('the errors section and question 2 quote what the calculator (and PyTorch 1.13) say', () => {
    const config = rnn(10, 20, { numLayers: 2 });
    expect(message(config, [5, 3, 7])).toBe(quoted('given an input with 7 features per step:\n  `'));
    expect(message(config, [5, 3, 10], [1, 3, 20])).toBe(quoted('it keeps two: `'));
    expect(`RuntimeError: ${message({ ...config, batchFirst: true }, [3, 5, 10], [3, 2, 20]).split(': ')[1]}`).toBe(`RuntimeError: ${quoted('$(S, N, H_{out})$ and says\n  `')}`);
    expect(message(config, [5, 10], [2, 3, 20])).toBe(quoted('A 2-D input with a 3-D `h0`:\n  `'));
    expect(message(config, [5, 10], [1, 20])).toBe(`RuntimeError: ${quoted('$(1, 20)$ state for a 2-layer network is reported as\n`')}`);
    expect(message(config, [5, 3, 10], [2, 1, 3, 20])).toBe(quoted('2. `'));
    expect(rnnForwardShapes(config, [5, 3, 10], stated('It wants $(D \\cdot \\text{num\\_layers}, N, H_{out})$ =\n   `{}, {}, {}`'))).toMatchObject({ ok: true });
  });
});
