import { describe, expect, it } from 'vitest';
import { runJob } from '../../runtime';
import { importJob } from './import.job';

describe('importJob', () => {
  it('importJob() reads code as importPyTorch() does, in a job the page runs in a worker', async () => {
    const result = await runJob(importJob, { source: 'nn.Conv2d(3, 8, 3), nn.ReLU()' }).result;
    expect(result.problems).toEqual([]);
    expect(result.layers?.map((l) => l.type)).toEqual(['Conv2d', 'ReLU']);
  });

  it('importJob() answers a hostile paste with the limit it met', async () => {
    const result = await runJob(importJob, { source: 'nn.Sequential('.repeat(5_000) }).result;
    expect(result.problems[0]!.message).toMatch(/^brackets are nested more than 100 deep here/);
  });
});
