import { describe, expect, it } from 'vitest';
import { JobCancelledError } from './errors';
import type { Job, JobContext } from './job';
import { PROGRESS_INTERVAL_MS } from './progress-coalescer';
import { runJob } from './run-job';
import { deferred } from './deferred';
import { macrotasks } from './test-helpers';

/** A job that counts its steps into `seen.steps`, emits the count, and stops after `params.steps`. */
function countingJob(seen: {
  steps: number;
  error?: unknown;
}): Job<{ steps: number }, number, string> {
  return async ({ steps }, ctx: JobContext<number>) => {
    try {
      for (let i = 0; i < steps; i++) {
        await ctx.checkpoint();
        seen.steps += 1;
        ctx.emit(seen.steps);
      }
      return `did ${seen.steps} steps`;
    } catch (error) {
      seen.error = error;
      throw error;
    }
  };
}

describe('runJob()', () => {
  it('runJob() resolves with what the job returns for the params given', async () => {
    const seen = { steps: 0 };
    await expect(runJob(countingJob(seen), { steps: 5 }).result).resolves.toBe('did 5 steps');
  });

  it("runJob() rejects with the job's own error object", async () => {
    class ShapeError extends Error {
      override name = 'ShapeError';
    }
    const failure = new ShapeError('conv2d: expected 3 input channels, got 4');
    const job: Job<null, never, never> = async () => {
      throw failure;
    };
    await expect(runJob(job, null).result).rejects.toBe(failure);
  });

  it('runJob() rejects when the job throws before its first await', async () => {
    const job: Job<null, never, never> = () => {
      throw new RangeError('bad params');
    };
    await expect(runJob(job, null).result).rejects.toThrow(RangeError);
  });

  it('pause() stops the job at its next checkpoint and resume() continues it', async () => {
    const seen = { steps: 0 };
    const handle = runJob(countingJob(seen), { steps: 1_000_000 });
    await macrotasks(2);
    handle.pause();
    await macrotasks(2);
    const atPause = seen.steps;
    await macrotasks(5);
    expect(seen.steps).toBe(atPause);
    handle.resume();
    await macrotasks(5);
    expect(seen.steps).toBeGreaterThan(atPause);
    handle.cancel();
  });

  it('step() lets exactly one step through per call', async () => {
    const seen = { steps: 0 };
    const handle = runJob(countingJob(seen), { steps: 100 }, { paused: true });
    await macrotasks(3);
    expect(seen.steps).toBe(0);
    handle.step();
    await macrotasks(3);
    expect(seen.steps).toBe(1);
    handle.step();
    handle.step();
    await macrotasks(3);
    expect(seen.steps).toBe(3);
    handle.resume();
    await expect(handle.result).resolves.toBe('did 100 steps');
  });

  it('cancel() rejects with JobCancelledError at once and aborts the job at its next checkpoint', async () => {
    const seen: { steps: number; error?: unknown } = { steps: 0 };
    const handle = runJob(countingJob(seen), { steps: 100 }, { paused: true });
    await macrotasks(2);
    handle.cancel();
    await expect(handle.result).rejects.toBeInstanceOf(JobCancelledError);
    await macrotasks(2);
    expect(seen.error).toMatchObject({ name: 'AbortError' });
    expect(seen.steps).toBe(0);
  });

  it('cancel() after the job settled changes nothing', async () => {
    const handle = runJob(countingJob({ steps: 0 }), { steps: 1 });
    await expect(handle.result).resolves.toBe('did 1 steps');
    handle.cancel();
    await expect(handle.result).resolves.toBe('did 1 steps');
  });

  it('onProgress receives coalesced progress and always the last value before the result', async () => {
    const progress: number[] = [];
    const job: Job<null, number, string> = async (_params, ctx) => {
      for (let i = 1; i <= 1000; i++) ctx.emit(i);
      return 'done';
    };
    // An interval no machine takes to emit 1,000 values (at the default 100 ms, a loaded machine
    // could, and a value in between would be delivered: a flaky test).
    const handle = runJob(job, null, { onProgress: (value) => progress.push(value), progressIntervalMs: 60_000 });
    const result = await handle.result;
    expect(result).toBe('done');
    expect(progress).toEqual([1, 1000]);
  });

  it('onProgress hears nothing after cancel()', async () => {
    const progress: number[] = [];
    const release = deferred<void>();
    const job: Job<null, number, string> = async (_params, ctx) => {
      ctx.emit(1);
      ctx.emit(2);
      await release.promise;
      return 'done';
    };
    const handle = runJob(job, null, { onProgress: (value) => progress.push(value) });
    await macrotasks(1);
    handle.cancel();
    release.resolve();
    await new Promise((resolve) => setTimeout(resolve, 3 * PROGRESS_INTERVAL_MS));
    expect(progress).toEqual([1]);
  });
});
