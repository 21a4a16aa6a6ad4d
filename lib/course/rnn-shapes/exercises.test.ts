import { describe, expect, it } from 'vitest';
import { nn, randn, Rng } from '../../engine';
import { RNN_DEFAULTS, rnnForwardShapes, rnnParameterCount, type RnnConfig } from '../../ml/shapes';
import { exerciseListProblems, specOf } from '../exercises';
import { exercises } from './exercises';

const big: RnnConfig = { ...RNN_DEFAULTS, inputSize: 300, hiddenSize: 512, numLayers: 2, batchFirst: true, bidirectional: true };

describe('rnn-shapes exercises', () => {
  it('are a well-formed list', () => expect(exerciseListProblems('rnn-shapes', exercises)).toEqual([]));

  it('bidirectional-output and -h-n: nn.RNN(300, 512, 2, batch_first, bidirectional) on (32, 50, 300)', () => {
    const shapes = rnnForwardShapes(big, [32, 50, 300]);
    if (!shapes.ok) throw new Error(shapes.error.message);
    expect(specOf(exercises, 'rnn-shapes/bidirectional-output', 'shape').answer).toEqual(shapes.output);
    expect(specOf(exercises, 'rnn-shapes/bidirectional-h-n', 'shape').answer).toEqual(shapes.hN);
    const notFirst = rnnForwardShapes({ ...big, batchFirst: false }, [50, 32, 300]);
    if (!notFirst.ok) throw new Error(notFirst.error.message);
    expect(specOf(exercises, 'rnn-shapes/bidirectional-output', 'shape').mistakes![0]!.value).toEqual(notFirst.output);
  });

  it('bidirectional-parameters: the calculator, and its two mistakes (one direction; layer 1 reading 300)', () => {
    const spec = specOf(exercises, 'rnn-shapes/bidirectional-parameters', 'numeric');
    expect(spec.answer).toBe(rnnParameterCount(big));
    const layer = (input: number): number => 512 * input + 512 * 512 + 2 * 512;
    expect(spec.mistakes!.map((m) => m.value)).toEqual([2 * layer(300) * 2, layer(300) + layer(512)]);
  });

  it('longer-sequence: nn.RNN(10, 20, 2) has 1,480 parameters, and output, not h_n, grows with the steps', () => {
    const small: RnnConfig = { ...RNN_DEFAULTS, inputSize: 10, hiddenSize: 20, numLayers: 2 };
    expect(rnnParameterCount(small)).toBe(1480);
    const options = specOf(exercises, 'rnn-shapes/longer-sequence', 'choice').options;
    expect(options.find((o) => o.id === 'params-same')?.text).toContain(rnnParameterCount(small).toLocaleString('en-US'));
    const five = rnnForwardShapes(small, [5, 3, 10]);
    const many = rnnForwardShapes(small, [500, 3, 10]);
    expect(five.ok && many.ok && [five.output, five.hN, many.output, many.hN]).toEqual([[5, 3, 20], [2, 3, 20], [500, 3, 20], [2, 3, 20]]);
  });

  it('batch-first-call: the solution’s RNN gives (3, 5, 20) and (2, 3, 20)', () => {
    const rng = new Rng(0);
    const rnn = new nn.RNN(10, 20, { numLayers: 2, batchFirst: true, rng });
    const [output, hN] = rnn.forward(randn([3, 5, 10], rng));
    expect([output.shape, hN.shape]).toEqual([[3, 5, 20], [2, 3, 20]]);
  });
});
