/**
 * The claim widget's job on the real digits: deterministic, and each row the same run as
 * DropoutRun trained directly. Short runs (100 digits, 2 epochs): a few seconds.
 */
import { describe, expect, it } from 'vitest';
import { runJob } from '../../runtime';
import { claimRunJob, claimRunOf, type ClaimRunProgress } from './claim.job';
import { claimTasks } from './claim';
import { loadDigits } from './load-digits.node';
import { DropoutRun } from './run';

const digits = loadDigits();
const [taskA, taskB] = claimTasks({ sizes: [100], seeds: [4], p: 0.5, placement: 'fc', epochs: 2 });

describe('claimRunJob', () => {
  it('gives the row the same run gives when DropoutRun trains it directly, for A and B', async () => {
    for (const task of [taskA, taskB]) {
      if (!task) throw new Error('expected two tasks, got fewer');
      const direct = new DropoutRun(task.settings, digits);
      direct.runToEnd();
      const row = await runJob(claimRunJob, { ...task, digits }).result;
      expect(row).toEqual(claimRunOf(task.arm, direct));
      expect(row).toMatchObject({ trainSize: 100, seed: 4, arm: task.arm, last: { epoch: 2 } });
      expect(row.best).toEqual(direct.history.reduce((b, r) => (r.validationLoss < b.validationLoss ? r : b)));
    }
  });

  it('is deterministic, and reports the epochs done', async () => {
    if (!taskB) throw new Error('expected two tasks, got fewer');
    const progress: ClaimRunProgress[] = [];
    const first = await runJob(claimRunJob, { ...taskB, digits }, { onProgress: (p) => progress.push(p) }).result;
    const second = await runJob(claimRunJob, { ...taskB, digits }).result;
    expect(second).toEqual(first);
    expect(progress.at(-1)).toEqual({ epoch: 2, epochs: 2 });
  });

  it('claimRunOf() refuses a run with no evaluated epoch', () => {
    if (!taskA) throw new Error('expected two tasks, got fewer');
    const run = new DropoutRun(taskA.settings, digits);
    run.history.length = 0;
    expect(() => claimRunOf('a', run)).toThrow('claimRunOf: expected a run with at least one evaluated epoch, got none');
  });
});
