import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../check-answer';
import type { ChoiceSpec, CodeSpec, NumericSpec, ShapeSpec } from '../types';
import { checkChoice } from './choice';
import { checkNumeric } from './numeric';
import { checkShape } from './shape';

const base = { points: 1, hints: [], solution: '' };
const params: NumericSpec = {
  ...base,
  id: 't/params',
  kind: 'numeric',
  answer: 61706,
  units: 'parameters',
  mistakes: [{ value: 61450, feedback: 'You left out the biases.' }],
};

describe('checkNumeric()', () => {
  it('accepts the answer as typed, with units and separators', () => {
    expect(checkNumeric(params, '61,706 parameters')).toMatchObject({ correct: true, score: 1 });
    expect(checkNumeric(params, '61 706')).toMatchObject({ correct: true, score: 1 });
  });
  it('names a known mistake, a factor, a sign and a direction', () => {
    expect(checkNumeric(params, '61450').feedback).toBe('You left out the biases.');
    expect(checkNumeric(params, '617060').feedback).toBe('617,060 is off by a factor of 10: it is 10 times too large.');
    expect(checkNumeric(params, '30853').feedback).toBe('30,853 is off by a factor of 2: it is 2 times too small.');
    expect(checkNumeric(params, '-61706').feedback).toBe('-61,706 has the right size but the wrong sign.');
    expect(checkNumeric(params, '61707')).toEqual({ correct: false, score: 0, feedback: '61,707 is not the answer: it is too large.' });
  });
  it('passes the parser\'s refusal on', () => {
    expect(checkNumeric(params, '61,706 px').feedback).toContain('ends in "px"');
  });
  it('uses the absolute or the relative tolerance, either passing being enough', () => {
    const spec: NumericSpec = { ...base, id: 't/x', kind: 'numeric', answer: 0.5, tolerance: { abs: 0.01, rel: 0.001 } };
    expect(checkNumeric(spec, '0.509').correct).toBe(true);
    expect(checkNumeric(spec, '0.52').correct).toBe(false);
    expect(checkNumeric({ ...spec, tolerance: { rel: 0.1 } }, '0.549').correct).toBe(true);
    expect(checkNumeric({ ...spec, tolerance: {} }, '0.5000001').correct).toBe(true);
    const { tolerance: _, ...exact } = spec;
    expect(checkNumeric(exact, '0.5000004').correct).toBe(true);
    expect(checkNumeric(exact, '0.50001').correct).toBe(false);
  });
});

const shape: ShapeSpec = { ...base, id: 't/shape', kind: 'shape', answer: [5, 3, 40], mistakes: [{ value: [3, 5, 40], feedback: 'batch_first swaps the first two.' }] };

describe('checkShape()', () => {
  it('accepts every written form of the answer', () => {
    for (const text of ['(5,3,40)', 'torch.Size([5, 3, 40])', '5 × 3 × 40']) expect(checkShape(shape, text).correct).toBe(true);
  });
  it('says what is wrong', () => {
    expect(checkShape(shape, '(3, 5, 40)').feedback).toBe('batch_first swaps the first two.');
    expect(checkShape(shape, '(40, 3, 5)').feedback).toBe('(40, 3, 5) has the right sizes in the wrong order.');
    expect(checkShape(shape, '(5, 3, 41)').feedback).toBe('(5, 3, 41): 2 of 3 dimensions right.');
    expect(checkShape(shape, '(5, 3)').feedback).toBe('(5, 3) has 2 dimensions; the answer has 3.');
    expect(checkShape(shape, '(5, 3').score).toBe(0);
  });
});

const option = (id: string, correct: boolean) => ({ id, text: id, correct, feedback: `${id} is ${correct ? 'right' : 'wrong'}` });
const multiple: ChoiceSpec = { ...base, id: 't/m', kind: 'choice', multiple: true, options: [option('a', true), option('b', true), option('c', false), option('d', false)] };

describe('checkChoice()', () => {
  it('single: the chosen option\'s feedback', () => {
    const single: ChoiceSpec = { ...multiple, multiple: false, options: [option('a', true), option('c', false)] };
    expect(checkChoice(single, ['a'])).toEqual({ correct: true, score: 1, feedback: 'a is right' });
    expect(checkChoice(single, ['c'])).toEqual({ correct: false, score: 0, feedback: 'c is wrong' });
    expect(checkChoice(single, ['a', 'c']).feedback).toBe('Expected one option; got 2.');
  });
  it('multiple: (right − wrong) / right options, floored at 0', () => {
    expect(checkChoice(multiple, ['a', 'b']).score).toBe(1);
    expect(checkChoice(multiple, ['a']).score).toBe(0.5);
    expect(checkChoice(multiple, ['a', 'b', 'c']).score).toBe(0.5);
    expect(checkChoice(multiple, ['a', 'b', 'c', 'd']).score).toBe(0);
    expect(checkChoice(multiple, ['a', 'c', 'd']).score).toBe(0);
    expect(checkChoice(multiple, ['a', 'c']).feedback).toBe('1 of 2 right options chosen, 1 wrong. c: c is wrong 1 right option is not chosen.');
  });
  it('refuses unknown ids and an empty choice', () => {
    expect(checkChoice(multiple, ['z']).feedback).toBe('Expected options among a, b, c, d; got "z".');
    expect(checkChoice(multiple, []).feedback).toBe('Expected at least one option; got none chosen.');
  });
});

describe('checkAnswer()', () => {
  it('dispatches by kind and refuses an answer of another kind', async () => {
    expect(await checkAnswer(shape, { kind: 'shape', text: '(5, 3, 40)' })).toMatchObject({ correct: true });
    expect((await checkAnswer(shape, { kind: 'numeric', text: '5' })).feedback).toBe('Expected a shape answer for t/shape; got a numeric answer.');
  });
  it('runs code through the runner given, and says so when there is none or it throws', async () => {
    const code: CodeSpec = { ...base, id: 't/code', kind: 'code', starter: '', checks: '' };
    const answer = { kind: 'code', code: 'x' } as const;
    expect((await checkAnswer(code, answer)).feedback).toContain('no code runner');
    expect(await checkAnswer(code, answer, { code: async (_s, c) => ({ correct: c === 'x', score: 1, feedback: 'ran' }) })).toEqual({ correct: true, score: 1, feedback: 'ran' });
    expect((await checkAnswer(code, answer, { code: () => Promise.reject(new Error('boom')) })).feedback).toBe('The check itself failed: boom.');
  });
});
