import { afterEach, describe, expect, it, vi } from 'vitest';
import { deferred } from './deferred';
import { JobCancelledError, JobError, WorkerCrashedError } from './errors';
import type { AnyJob } from './expose-job';
import { fakeWorkers } from './fake-worker';
import type { Job } from './job';
import { JobRunner } from './job-runner';
import { TRANSFER_MIN_BYTES } from './transferables';
import { macrotasks, until } from './test-helpers';

/** Runners made by `runnerFor`, disposed after each test so no channel keeps Node alive. */
const runners: { dispose(): void }[] = [];
afterEach(() => {
  for (const runner of runners.splice(0)) runner.dispose();
});

/** A runner over fake workers serving `job` (under the default name) or a registry of jobs. */
function runnerFor<P, E, R>(jobs: Record<string, AnyJob>, options: { job?: string } = {}) {
  const workers = fakeWorkers(jobs);
  const runner = new JobRunner<P, E, R>(workers.create, options);
  runners.push(runner);
  return { runner, spawned: workers.spawned };
}

/** A job that steps forever, counting into `seen.steps`, until its worker is terminated. */
function endlessJob(seen: { steps: number }): Job<null, number, never> {
  return async (_params, ctx) => {
    for (;;) {
      await ctx.checkpoint();
      seen.steps += 1;
      ctx.emit(seen.steps);
    }
  };
}

/** Busy-waits `ms` of wall-clock time (Date is left real when only `performance` is faked). */
function stallFor(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end);
}

class ShapeError extends Error {
  override name = 'ShapeError';
}

describe('JobRunner', () => {
  it('JobRunner accepts a Worker factory as Vite bundles it, and spawns nothing until start()', () => {
    // Type-level check that a real Worker satisfies WorkerLike; the factory never runs in Node.
    const runner = new JobRunner<number, never, number>(
      () => new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module' }),
    );
    expect(runner.size).toBe(1);
    runner.dispose();
  });

  it('start() resolves with what the job computed in the worker from the params sent', async () => {
    const sum: Job<{ values: number[] }, never, number> = async ({ values }) =>
      values.reduce((a, b) => a + b, 0);
    const { runner, spawned } = runnerFor<{ values: number[] }, never, number>({ default: sum });
    await expect(runner.start({ values: [1, 2, 3.5] }).result).resolves.toBe(6.5);
    expect(spawned).toHaveLength(1);
  });

  it('start() coalesces progress and delivers the last value before the result', async () => {
    // The coalescer reads the clock at every emit: with a real clock, a loaded machine could stall
    // this loop past one interval (17 ms) and let a value from its middle through ([1, 3, 279,
    // 1000, 'done'] was seen). With the clock held still, the burst falls within one interval.
    vi.useFakeTimers({ toFake: ['performance'] });
    try {
      const burst: Job<null, number, string> = async (_params, ctx) => {
        for (let i = 1; i <= 1000; i++) {
          if (i === 500) stallFor(30); // what a loaded machine does to the loop, on purpose
          ctx.emit(i);
        }
        return 'done';
      };
      const { runner } = runnerFor<null, number, string>({ default: burst });
      const log: (number | string)[] = [];
      const handle = runner.start(null, { onProgress: (value) => log.push(value) });
      log.push(await handle.result);
      expect(log).toEqual([1, 1000, 'done']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('pause(), step() and resume() reach the job in the worker', async () => {
    const seen = { steps: 0 };
    const { runner } = runnerFor<null, number, never>({ default: endlessJob(seen) });
    const handle = runner.start(null);
    await until(() => seen.steps > 3);
    handle.pause();
    await macrotasks(5);
    const paused = seen.steps;
    await macrotasks(10);
    expect(seen.steps).toBe(paused);
    handle.step();
    await until(() => seen.steps === paused + 1);
    await macrotasks(10);
    expect(seen.steps).toBe(paused + 1);
    handle.resume();
    await until(() => seen.steps > paused + 10);
    handle.cancel();
  });

  it('pause() and step() on a queued job take effect when it starts', async () => {
    const release = deferred<void>();
    const seen = { steps: 0 };
    const endless = endlessJob(seen);
    const job: Job<'wait' | 'count', number, string> = async (what, ctx) => {
      if (what === 'count') return endless(null, ctx);
      await release.promise;
      return 'waited';
    };
    const { runner, spawned } = runnerFor<'wait' | 'count', number, string>({ default: job });
    runner.start('wait');
    const counting = runner.start('count');
    counting.pause();
    counting.step();
    counting.step();
    release.resolve();
    await until(() => seen.steps === 2);
    await macrotasks(10);
    expect(seen.steps).toBe(2);
    expect(spawned[0]?.posted.at(-1)?.message).toMatchObject({
      type: 'start',
      params: 'count',
      control: { paused: true, steps: 2 },
    });
    counting.resume();
    await until(() => seen.steps > 10);
    counting.cancel();
  });

  it('start({ paused: true }) waits at the first checkpoint until step()', async () => {
    const seen = { steps: 0 };
    const { runner } = runnerFor<null, number, never>({ default: endlessJob(seen) });
    const handle = runner.start(null, { paused: true });
    await macrotasks(10);
    expect(seen.steps).toBe(0);
    handle.step();
    await until(() => seen.steps === 1);
    handle.cancel();
  });

  it('cancel() terminates the worker, rejects with JobCancelledError, and the next start() spawns a fresh worker', async () => {
    const seen = { steps: 0 };
    const echo: Job<number, never, number> = async (n) => n;
    const { runner, spawned } = runnerFor<number | null, number, unknown>({
      default: endlessJob(seen),
      echo,
    });
    const handle = runner.start(null);
    await until(() => seen.steps > 0);
    handle.cancel();
    await expect(handle.result).rejects.toBeInstanceOf(JobCancelledError);
    await expect(handle.result).rejects.toThrow("job 'default' #1 was cancelled");
    expect(spawned[0]?.terminated).toBe(true);
    const after = seen.steps;
    await macrotasks(10);
    expect(seen.steps).toBe(after);

    const again = runner.start(null);
    await until(() => seen.steps > after);
    expect(spawned).toHaveLength(2);
    again.cancel();
  });

  it('a job that throws rejects with its own name and message, and the next start() gets a fresh worker', async () => {
    let calls = 0;
    const failing: Job<null, never, string> = async () => {
      calls += 1;
      if (calls === 1) throw new ShapeError('conv2d: expected 3 input channels, got 4');
      return 'ok';
    };
    const { runner, spawned } = runnerFor<null, never, string>({ default: failing });
    const error: unknown = await runner.start(null).result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobError);
    expect(error).toMatchObject({
      name: 'ShapeError',
      message: 'conv2d: expected 3 input channels, got 4',
    });
    expect((error as Error).stack).toContain('ShapeError');
    expect(spawned[0]?.terminated).toBe(true);
    await expect(runner.start(null).result).resolves.toBe('ok');
    expect(spawned).toHaveLength(2);
  });

  it('a worker error event rejects with WorkerCrashedError naming the job and the crash, then respawns', async () => {
    const seen = { steps: 0 };
    const { runner, spawned } = runnerFor<null, number, never>({ default: endlessJob(seen) });
    const handle = runner.start(null);
    await until(() => seen.steps > 0);
    spawned[0]?.crash('Uncaught ReferenceError: weights is not defined');
    const error: unknown = await handle.result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerCrashedError);
    expect((error as Error).message).toBe(
      "job 'default': the worker crashed: Uncaught ReferenceError: weights is not defined (train.worker.ts:12)",
    );
    expect(spawned[0]?.terminated).toBe(true);
    const next = runner.start(null);
    await until(() => spawned.length === 2);
    next.cancel();
  });

  it('a worker error event without a message says the worker may have failed to load', async () => {
    const { runner, spawned } = runnerFor<null, never, never>({
      default: () => new Promise(() => {}),
    });
    const handle = runner.start(null);
    spawned[0]?.dispatchEvent(new Event('error'));
    await expect(handle.result).rejects.toThrow(/did the worker script fail to load/);
  });

  it('a messageerror on the page side rejects with WorkerCrashedError', async () => {
    const { runner, spawned } = runnerFor<null, never, never>({
      default: () => new Promise(() => {}),
    });
    const handle = runner.start(null);
    spawned[0]?.dispatchEvent(new Event('messageerror'));
    const error: unknown = await handle.result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerCrashedError);
    expect((error as Error).message).toContain('could not read a message from the worker');
  });

  it('a messageerror on the worker side rejects the running job with a DataCloneError', async () => {
    const started = deferred<void>();
    const waiting: Job<null, never, never> = () => {
      started.resolve();
      return new Promise(() => {});
    };
    const { runner, spawned } = runnerFor<null, never, never>({ default: waiting });
    const handle = runner.start(null);
    await started.promise;
    spawned[0]?.workerPort.dispatchEvent(new Event('messageerror'));
    await expect(handle.result).rejects.toMatchObject({
      name: 'DataCloneError',
      message: 'the worker could not read a message from the page (messageerror)',
    });
  });

  it('progress and results with buffers over 256 KiB are transferred, smaller ones cloned', async () => {
    const big = new Float32Array(TRANSFER_MIN_BYTES / 4 + 1).fill(0.5);
    const small = new Float32Array(16).fill(2);
    const finalWeights = new Float32Array(TRANSFER_MIN_BYTES / 4 + 1).fill(3);
    const job: Job<null, { big: Float32Array; small: Float32Array }, Float32Array> = async (
      _params,
      ctx,
    ) => {
      ctx.emit({ big, small });
      return finalWeights;
    };
    const { runner } = runnerFor<null, { big: Float32Array; small: Float32Array }, Float32Array>({
      default: job,
    });
    const received: { big: Float32Array; small: Float32Array }[] = [];
    const result = await runner.start(null, { onProgress: (value) => received.push(value) }).result;

    expect(big.byteLength).toBe(0); // detached: the buffer moved to the page
    expect(finalWeights.byteLength).toBe(0);
    expect(small.length).toBe(16); // cloned: the job keeps its copy
    expect(received[0]?.big.length).toBe(TRANSFER_MIN_BYTES / 4 + 1);
    expect(received[0]?.big[0]).toBe(0.5);
    expect(received[0]?.small).not.toBe(small);
    expect(Array.from(received[0]?.small ?? [])).toEqual(Array(16).fill(2));
    expect(result.length).toBe(TRANSFER_MIN_BYTES / 4 + 1);
    expect(result[0]).toBe(3);
  });

  it('start() rejects naming the cause when the worker cannot be created, and retries next time', async () => {
    const echo: Job<string, never, string> = async (text) => text;
    const workers = fakeWorkers({ default: echo });
    let attempts = 0;
    const runner = new JobRunner<string, never, string>(() => {
      attempts += 1;
      if (attempts === 1) throw new SyntaxError("Failed to construct 'Worker': bad URL");
      return workers.create();
    });
    runners.push(runner);
    const error: unknown = await runner.start('a').result.catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'SyntaxError',
      message: "job 'default': could not create the worker: Failed to construct 'Worker': bad URL",
    });
    await expect(runner.start('b').result).resolves.toBe('b');
  });

  it('start() with params that cannot be cloned rejects with a DataCloneError and keeps the worker', async () => {
    const echo: Job<unknown, never, string> = async () => 'ran';
    const { runner, spawned } = runnerFor<unknown, never, string>({ default: echo });
    const error: unknown = await runner
      .start({ callback: () => 1 })
      .result.catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'DataCloneError' });
    expect((error as Error).message).toMatch(
      /^job 'default': params could not be sent to the worker/,
    );
    await expect(runner.start({ plain: 1 }).result).resolves.toBe('ran');
    expect(spawned).toHaveLength(1);
  });

  it('a result that cannot be cloned rejects with a DataCloneError naming the result', async () => {
    const job: Job<null, never, () => number> = async () => () => 1;
    const { runner } = runnerFor<null, never, () => number>({ default: job });
    await expect(runner.start(null).result).rejects.toMatchObject({
      name: 'DataCloneError',
      message: expect.stringContaining("the job's result could not be sent to the page") as string,
    });
  });

  it('a progress value that cannot be cloned fails the job with a DataCloneError and stops it', async () => {
    const seen: { steps: number; error?: unknown } = { steps: 0 };
    const job: Job<null, () => number, never> = async (_params, ctx) => {
      try {
        for (;;) {
          await ctx.checkpoint();
          seen.steps += 1;
          ctx.emit(() => seen.steps);
        }
      } catch (error) {
        seen.error = error;
        throw error;
      }
    };
    const { runner } = runnerFor<null, () => number, never>({ default: job });
    await expect(runner.start(null).result).rejects.toMatchObject({
      name: 'DataCloneError',
      message: expect.stringContaining(
        "the job's progress value could not be sent to the page",
      ) as string,
    });
    await until(() => seen.error !== undefined);
    expect(seen.error).toMatchObject({ name: 'AbortError' });
    expect(seen.steps).toBe(1);
  });

  it('start() with a job name the worker lacks rejects, listing the names it has', async () => {
    const { runner } = runnerFor<null, never, never>(
      { train: async () => 1, evaluate: async () => 2 },
      { job: 'trian' },
    );
    await expect(runner.start(null).result).rejects.toThrow(
      "this worker has no job named 'trian'; it has: train, evaluate",
    );
  });

  it('start() while a job runs queues the new job until the first settles, on the same worker', async () => {
    const log: string[] = [];
    const release = deferred<void>();
    const job: Job<string, never, string> = async (name) => {
      log.push(`start ${name}`);
      if (name === 'a') await release.promise;
      log.push(`end ${name}`);
      return name;
    };
    const { runner, spawned } = runnerFor<string, never, string>({ default: job });
    const a = runner.start('a');
    const b = runner.start('b');
    await until(() => log.length > 0);
    await macrotasks(5);
    expect(log).toEqual(['start a']);
    expect(runner.queued).toBe(1);
    release.resolve();
    await expect(b.result).resolves.toBe('b');
    await expect(a.result).resolves.toBe('a');
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
    expect(spawned).toHaveLength(1);
  });
});

describe('JobRunner progress interval', () => {
  it('start({ progressIntervalMs }) tells the worker how often to deliver progress', async () => {
    const seen = { steps: 0 };
    const { runner, spawned } = runnerFor<null, number, never>({ default: endlessJob(seen) });
    const handle = runner.start(null, { progressIntervalMs: 80 });
    await until(() => spawned[0]?.posted.length === 1);
    expect(spawned[0]?.posted[0]?.message).toMatchObject({ type: 'start', progressIntervalMs: 80 });
    handle.cancel();
  });
});
