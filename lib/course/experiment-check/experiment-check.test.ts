import { describe, expect, it } from 'vitest';
import { runJob } from '../../runtime';
import { exerciseById } from '../catalogue';
import { experimentCheckJob } from './experiment-check.job';

const start = (id: string): Readonly<Record<string, unknown>> => {
  const spec = exerciseById(id);
  if (spec?.kind !== 'experiment') throw new Error(`expected an experiment exercise ${id}`);
  return spec.start;
};

describe('experimentCheckJob', () => {
  it('refuses an id that is not an experiment, saying which', async () => {
    await expect(runJob(experimentCheckJob, { id: 'pooling/alexnet-pool', state: {} }).result).rejects.toThrow('expected the id of an experiment exercise, got "pooling/alexnet-pool"');
  });

  it('refuses a change the exercise does not allow, without training', async () => {
    const result = await runJob(experimentCheckJob, { id: 'vanishing-gradients/tanh-init', state: { ...start('vanishing-gradients/tanh-init'), depth: 3 } }).result;
    expect(result.correct).toBe(false);
    expect(result.feedback).toContain('you changed depth from 10 to 3');
  });

  it('passes run A with Xavier initialisation, as the widget would train it', async () => {
    const result = await runJob(experimentCheckJob, { id: 'vanishing-gradients/tanh-init', state: { ...start('vanishing-gradients/tanh-init'), ainit: 'xavier' } }).result;
    expect(result, result.feedback).toMatchObject({ correct: true, score: 1 });
  });
});
