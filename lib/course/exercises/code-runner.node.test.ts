import { describe, expect, it } from 'vitest';
import { createKernel } from '../../notebook/kernel';
import { nodeRealm } from '../../notebook/realm.node';
import { exercises } from '../vanishing-gradients';
import { runCodeExercise } from './code-runner';
import type { CodeSpec } from './types';

const startKernel = (options: Parameters<typeof createKernel>[1]) => createKernel(nodeRealm(), options);
const xavier = exercises.find((e): e is CodeSpec => e.id === 'vanishing-gradients/xavier-layer' && e.kind === 'code');
if (!xavier) throw new Error('expected the xavier-layer code exercise');
const solution = /```ts\n([\s\S]*?)```/.exec(xavier.solution)?.[1] ?? '';
const HIDDEN = "const w2 = xavierLayer(100, 50, 5 / 3, new Rng(3));\nexpectShape(w2, [50, 100]);\ncheck('gain scales the bound', Array.from(w2.data).some((x) => Math.abs(x) > Math.sqrt(6 / 150)), 'expected some |w| above the gain-1 bound');";

describe('runCodeExercise()', () => {
  it('passes the published solution with the visible and the hidden checks', async () => {
    const result = await runCodeExercise(xavier, solution, { startKernel, hiddenChecks: HIDDEN });
    expect(result).toMatchObject({ correct: true, score: 1, feedback: 'All 5 checks passed.' });
  });

  it('gives partial credit for the starter code, listing what failed', async () => {
    const result = await runCodeExercise(xavier, xavier.starter, { startKernel });
    expect(result.correct).toBe(false);
    expect(result.score).toBeCloseTo(2 / 3, 12);
    expect(result.feedback).toBe('2 of 3 checks passed.\n✗ the variance is b²/3: expected 0.0208333 (within atol 1e-8, rtol 0.1); got 0');
  });

  it('a gain that is ignored fails only the hidden check', async () => {
    const ignoresGain = solution.replace('gain * Math.sqrt', 'Math.sqrt');
    const result = await runCodeExercise(xavier, ignoresGain, { startKernel, hiddenChecks: HIDDEN });
    expect(result.score).toBeCloseTo(4 / 5, 12);
    expect(result.details?.filter((d) => !d.passed).map((d) => d.name)).toEqual(['gain scales the bound']);
  });

  it('reports code that throws, and checks that throw, as one failed check each', async () => {
    const throws = await runCodeExercise(xavier, 'throw new Error("not yet")', { startKernel });
    expect(throws).toMatchObject({ correct: false, score: 0, feedback: '0 of 1 checks passed.\nYour code stopped with Error: not yet (line 1)' });
    const missing = await runCodeExercise(xavier, 'const y = 1;', { startKernel });
    expect(missing.feedback).toMatch(/^0 of 1 checks passed\.\nThe checks stopped with ReferenceError: xavierLayer is not defined/);
  });

  it('gives up on code that never finishes asynchronously, after the time limit', async () => {
    const result = await runCodeExercise({ ...xavier, timeLimit: 0.2 }, 'await new Promise(() => {});', { startKernel });
    expect(result.feedback).toBe('Expected the code and its checks to finish within 0.2 s; they were still running (an endless loop, or a promise that never settles?).');
  });
});
