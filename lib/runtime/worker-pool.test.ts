import { afterEach, describe, expect, it, vi } from 'vitest';
import { CpuBudget } from './cpu-budget';
import { type Deferred, deferred } from './deferred';
import { JobCancelledError, WorkerCrashedError } from './errors';
import { fakeWorkers } from './fake-worker';
import type { Job } from './job';
import { IDLE_GRACE_MS, WorkerPool, defaultPoolSize } from './worker-pool';
import { yieldToEventLoop } from './job-control';
import { macrotasks, until } from './test-helpers';

/** A pool of `size` fake workers whose job records which params started and waits for release. */
function gatedPool(size: number, budget: CpuBudget | null = null) {
  const started: string[] = [];
  const gates = new Map<string, Deferred<void>>();
  const job: Job<string, never, string> = async (name) => {
    started.push(name);
    const gate = deferred<void>();
    gates.set(name, gate);
    await gate.promise;
    return `${name} done`;
  };
  const workers = fakeWorkers({ default: job });
  const pool = new WorkerPool<string, never, string>(workers.create, { size, budget });
  pools.push(pool);
  const release = (name: string): void => gates.get(name)?.resolve();
  return { pool, started, release, spawned: workers.spawned };
}

const pools: WorkerPool<string, never, string>[] = [];
afterEach(() => {
  for (const pool of pools.splice(0)) pool.dispose();
  vi.unstubAllGlobals();
});

describe('WorkerPool', () => {
  it('start() runs up to size jobs in parallel, on separate workers, and queues the rest', async () => {
    const { pool, started, release, spawned } = gatedPool(2);
    const handles = ['a', 'b', 'c', 'd'].map((name) => pool.start(name));
    await until(() => started.length === 2);
    await macrotasks(5);
    expect(started).toEqual(['a', 'b']);
    expect(pool.queued).toBe(2);
    expect(spawned).toHaveLength(2);

    release('b');
    await expect(handles[1]?.result).resolves.toBe('b done');
    await until(() => started.length === 3);
    expect(started).toEqual(['a', 'b', 'c']);
    release('a');
    release('c');
    await until(() => started.length === 4);
    release('d');
    await expect(Promise.all(handles.map((handle) => handle.result))).resolves.toEqual([
      'a done',
      'b done',
      'c done',
      'd done',
    ]);
    expect(spawned).toHaveLength(2);
  });

  it('each worker is told its share of a core and its turn: the second job starts with its own, the first hears of its', async () => {
    const { pool, started, release, spawned } = gatedPool(2, new CpuBudget(2));
    const handles = ['a', 'b'].map((name) => pool.start(name));
    await until(() => started.length === 2);
    const pace = (worker: (typeof spawned)[number]) =>
      worker.posted.map(({ message }) => {
        const m = message as { type: string; control?: { share: number; turn: number | null }; action?: { share: number; turn: number | null } };
        const { share, turn } = (m.type === 'start' ? m.control : m.action)!;
        return `${m.type} ${share.toFixed(2)} ${turn}`;
      });
    expect(pace(spawned[0]!)).toEqual(['start 1.00 null', 'control 0.45 0']);
    expect(pace(spawned[1]!)).toEqual(['start 0.45 0.5']);
    release('a');
    await handles[0]?.result;
    expect(pace(spawned[1]!)).toEqual(['start 0.45 0.5', 'control 1.00 null']);
    release('b');
    await handles[1]?.result;
  });

  it('a paused job gives its share back only after IDLE_GRACE_MS of waiting, and takes it again when it resumes', async () => {
    // Fake timers for the grace period only; the worker side speaks over real MessageChannels.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const budget = new CpuBudget(8); // a core each: the jobs never sleep
      const looping: Job<string, never, string> = async (_name, ctx) => {
        for (;;) await ctx.checkpoint();
      };
      const workers = fakeWorkers({ default: looping });
      const pool = new WorkerPool<string, never, string>(workers.create, { size: 2, budget });
      pools.push(pool);
      const messages = async (count: number) => {
        for (let i = 0; i < count; i++) await yieldToEventLoop();
      };
      const [a] = ['a', 'b'].map((name) => pool.start(name));
      await messages(20);
      expect(budget.active).toBe(2);
      a!.pause();
      await messages(50); // the worker has long said it waits
      expect(budget.active).toBe(2);
      vi.advanceTimersByTime(IDLE_GRACE_MS - 1);
      expect(budget.active).toBe(2);
      vi.advanceTimersByTime(1);
      expect(budget.active).toBe(1);
      a!.resume();
      await messages(50);
      expect(budget.active).toBe(2);
      // A short wait changes nothing.
      a!.pause();
      await messages(50);
      a!.resume();
      await messages(50);
      vi.advanceTimersByTime(IDLE_GRACE_MS * 2);
      expect(budget.active).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('cancel() of a queued job removes it from the queue: it never starts', async () => {
    const { pool, started, release } = gatedPool(1);
    const a = pool.start('a');
    const b = pool.start('b');
    const c = pool.start('c');
    await until(() => started.length === 1);
    b.cancel();
    expect(pool.queued).toBe(1);
    await expect(b.result).rejects.toBeInstanceOf(JobCancelledError);
    await expect(b.result).rejects.toThrow("job 'default' #2 was cancelled");
    release('a');
    await until(() => started.length === 2);
    release('c');
    await expect(c.result).resolves.toBe('c done');
    await expect(a.result).resolves.toBe('a done');
    expect(started).toEqual(['a', 'c']);
  });

  it('cancel() of a running job terminates its worker and hands the slot to the next job on a fresh one', async () => {
    const { pool, started, release, spawned } = gatedPool(1);
    const a = pool.start('a');
    const b = pool.start('b');
    await until(() => started.length === 1);
    a.cancel();
    await expect(a.result).rejects.toBeInstanceOf(JobCancelledError);
    await until(() => started.length === 2);
    expect(spawned).toHaveLength(2);
    expect(spawned[0]?.terminated).toBe(true);
    release('b');
    await expect(b.result).resolves.toBe('b done');
  });

  it('a crash fails only the job on the crashed worker', async () => {
    const { pool, started, release, spawned } = gatedPool(2);
    const a = pool.start('a');
    const b = pool.start('b');
    await until(() => started.length === 2);
    spawned[0]?.crash('out of memory');
    await expect(a.result).rejects.toBeInstanceOf(WorkerCrashedError);
    release('b');
    await expect(b.result).resolves.toBe('b done');
    expect(spawned[1]?.terminated).toBe(false);
  });

  it('dispose() cancels queued and running jobs and terminates every worker', async () => {
    const { pool, started, spawned } = gatedPool(2);
    const handles = ['a', 'b', 'c'].map((name) => pool.start(name));
    await until(() => started.length === 2);
    pool.dispose();
    for (const handle of handles)
      await expect(handle.result).rejects.toBeInstanceOf(JobCancelledError);
    expect(spawned.every((worker) => worker.terminated)).toBe(true);
    expect(pool.queued).toBe(0);
    await macrotasks(5);
    expect(started).toEqual(['a', 'b']);
  });

  it('dispose() leaves no unhandled rejection for results nobody awaited', async () => {
    const { pool, started } = gatedPool(1);
    pool.start('a');
    pool.start('b');
    await until(() => started.length === 1);
    pool.dispose(); // vitest fails the run on an unhandled rejection
    await macrotasks(5);
  });

  it('new WorkerPool() refuses a size that is not a positive integer', () => {
    const { create } = fakeWorkers({});
    expect(() => new WorkerPool(create, { size: 0 })).toThrow(
      'WorkerPool: expected size to be a positive integer, got 0',
    );
    expect(() => new WorkerPool(create, { size: 1.5 })).toThrow(RangeError);
  });

  it('defaultPoolSize() is hardwareConcurrency - 1, and at least 1', () => {
    vi.stubGlobal('navigator', { hardwareConcurrency: 8 });
    expect(defaultPoolSize()).toBe(7);
    // No budget: the page's one budget is sized on first use, and must not be sized by this stub.
    expect(new WorkerPool(fakeWorkers({}).create, { budget: null }).size).toBe(7);
    vi.stubGlobal('navigator', { hardwareConcurrency: 1 });
    expect(defaultPoolSize()).toBe(1);
    vi.stubGlobal('navigator', undefined);
    expect(defaultPoolSize()).toBe(1);
  });
});
