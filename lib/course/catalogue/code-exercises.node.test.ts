import { describe, expect, it } from 'vitest';
import { runCodeExercise, type CodeSpec } from '../exercises';
import { createKernel } from '../../notebook/kernel';
import { nodeRealm } from '../../notebook/realm.node';
import { allExercises } from './index';

const startKernel = (options: Parameters<typeof createKernel>[1]) => createKernel(nodeRealm(), options);
const code = allExercises.filter((e): e is CodeSpec => e.kind === 'code');
const spec = (id: string): CodeSpec => code.find((e) => e.id === id) ?? (() => { throw new Error(`expected a code exercise ${id}`); })();
/** The solution's ```ts fence. */
const fence = (s: CodeSpec): string => /```ts\n([\s\S]*?)```/.exec(s.solution)?.[1] ?? '';

/** Each code exercise: [id, the starter lines that the solution's fence replaces]. */
const SOLVED: readonly (readonly [string, string])[] = [
  ['overfitting-and-dropout/train-and-eval', 'const evaluated = trained; // replace'],
  ['backpropagation/linear-gradient-by-hand', 'const byHand = zeros([3]); // replace'],
  ['activation-functions/tanh-derivative', "const tanhPrime = (z: Tensor): Tensor => {\n  return z; // replace this line\n};"],
  ['vanishing-gradients/gradient-through-depth', '// apply the sigmoid 20 times here'],
  ['exploding-gradients/clip-by-hand', 'const clipped = g; // replace'],
  ['convolution/sobel-stride-two', 'const edges = conv2d(image, sobelX); // fix the options'],
  ['pooling/max-pool-backward', "const pooled = x; // replace x by the pooled map\nconst nonzero = 0; // count the nonzero entries of x.grad"],
  ['cnn-sizes/flatten-features', "const flat = features; // flatten here\nconst fc = new nn.Linear(1, 10, { rng }); // fix in_features"],
  ['rnn-shapes/batch-first-call', 'const rnn = new nn.RNN(10, 20, { numLayers: 2, rng });'],
  ['hyperparameter-search/own-search', '  for (let i = 0; i < budget; i++) points.push([rng.random(), rng.random()]); // random search: replace\n'],
];

describe("the lessons' code exercises", () => {
  it('every lesson has one, and each is listed here', () => {
    const lessons = new Set(code.map((e) => e.id.split('/')[0]));
    expect(lessons.size).toBe(10);
    expect(SOLVED.map(([id]) => id).sort()).toEqual(code.map((e) => e.id).filter((id) => id !== 'vanishing-gradients/xavier-layer').sort());
  });

  it.each(SOLVED)('%s: the starter code fails a check, the solution passes every one', async (id, placeholder) => {
    const s = spec(id);
    const starter = await runCodeExercise(s, s.starter, { startKernel });
    expect(starter.correct, starter.feedback).toBe(false);
    expect(starter.details?.some((d) => !d.passed)).toBe(true);
    expect(s.starter, 'the placeholder is in the starter').toContain(placeholder);
    const solved = await runCodeExercise(s, s.starter.replace(placeholder, fence(s)), { startKernel });
    expect(solved, solved.feedback).toMatchObject({ correct: true, score: 1 });
  });
});
