import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Deferred, deferred } from './deferred';
import { JobCancelledError } from './errors';
import { fakeWorkers } from './fake-worker';
import type { Job } from './job';
import { JobScheduler, type JobPolicy, type SchedulerOptions } from './job-scheduler';
import { until } from './test-helpers';

/**
 * Explicit barriers, no clock: a job for key `k` records that it started, then waits until the
 * test opens `gates[k]`. The fake worker runs in this process, so the job sees the same map.
 */
const gates = new Map<string, Deferred<void>>();
const started: string[] = [];
const gate = (key: string): Deferred<void> => {
  const made = gates.get(key) ?? deferred<void>();
  gates.set(key, made);
  return made;
};
const open = (key: string): void => gate(key).resolve();

interface Params {
  key: string;
  fail?: boolean;
}

/** Starts, waits at its gate, then answers `result <key>` (or throws when asked to fail). */
const gated: Job<Params, string, string> = async ({ key, fail }, ctx) => {
  started.push(key);
  ctx.emit(`progress ${key}`);
  await gate(key).promise;
  if (fail) throw new RangeError(`no result for ${key}`);
  return `result ${key}`;
};

/** Counts checkpoints passed: what a training run's steps are to `run-pair`. */
const counting: Job<Params, number, number> = async (_params, ctx) => {
  for (let step = 1; ; step++) {
    await ctx.checkpoint();
    ctx.emit(step);
    if (step === 1000) return step;
  }
};

const made: JobScheduler<Params, unknown, unknown>[] = [];
afterEach(() => {
  for (const scheduler of made.splice(0)) scheduler.dispose();
  gates.clear();
  started.length = 0;
  vi.useRealTimers();
});

function schedulerFor<E, R>(job: Job<Params, E, R>, policy: JobPolicy, options: SchedulerOptions = {}) {
  const workers = fakeWorkers({ default: job });
  const scheduler = new JobScheduler<Params, E, R>(workers.create, { budget: null, ...options, policy });
  made.push(scheduler as JobScheduler<Params, unknown, unknown>);
  return { scheduler, workers };
}

const ask = <E, R>(scheduler: JobScheduler<Params, E, R>, key: string, extra: Partial<Params> = {}) =>
  scheduler.request({ key, ...extra }, key);

describe('JobScheduler', () => {
  it('latest-wins: the running job finishes, requests behind it are dropped, and a stale result is never the newest', async () => {
    const { scheduler } = schedulerFor(gated, 'latest-wins');
    const a = ask(scheduler, 'a');
    await until(() => started.includes('a'));
    const b = ask(scheduler, 'b');
    const c = ask(scheduler, 'c');
    await expect(b).rejects.toBeInstanceOf(JobCancelledError);
    expect(scheduler.state).toMatchObject({ key: 'c', phase: 'waiting', result: undefined });
    open('a');
    await expect(a).resolves.toBe('result a');
    // a's result is kept as the last one drawn, but the state's result stays c's, still unknown.
    expect(scheduler.state.result).toBeUndefined();
    expect(scheduler.state.last).toEqual({ key: 'a', result: 'result a' });
    await until(() => started.includes('c'));
    open('c');
    await expect(c).resolves.toBe('result c');
    expect(started).toEqual(['a', 'c']);
    expect(scheduler.state).toMatchObject({ key: 'c', phase: 'done', result: 'result c' });
  });

  it('latest-wins: progress of a superseded job does not reach the state', async () => {
    const { scheduler } = schedulerFor(gated, 'latest-wins');
    void ask(scheduler, 'a');
    await until(() => scheduler.state.progress === 'progress a');
    void ask(scheduler, 'b');
    expect(scheduler.state.progress).toBeUndefined();
    open('a');
    await until(() => started.includes('b'));
    await until(() => scheduler.state.progress === 'progress b');
    open('b');
  });

  it('queue: every request runs, one at a time, in the order asked', async () => {
    const { scheduler } = schedulerFor(gated, 'queue');
    const results = ['a', 'b', 'c'].map((key) => ask(scheduler, key));
    await until(() => started.length === 1);
    expect(started).toEqual(['a']);
    open('c'); // c's gate opens first: it still waits for its turn
    open('a');
    await until(() => started.length === 2);
    expect(started).toEqual(['a', 'b']);
    open('b');
    await expect(Promise.all(results)).resolves.toEqual(['result a', 'result b', 'result c']);
    expect(started).toEqual(['a', 'b', 'c']);
    expect(scheduler.state).toMatchObject({ key: 'c', phase: 'done', result: 'result c' });
  });

  it('cancel-previous: a newer request cancels the running job and terminates its worker', async () => {
    const { scheduler, workers } = schedulerFor(gated, 'cancel-previous');
    const a = ask(scheduler, 'a');
    await until(() => started.includes('a'));
    const b = ask(scheduler, 'b');
    await expect(a).rejects.toBeInstanceOf(JobCancelledError);
    expect(workers.spawned[0]?.terminated).toBe(true);
    await until(() => started.includes('b'));
    open('b');
    await expect(b).resolves.toBe('result b');
    expect(workers.spawned).toHaveLength(2);
  });

  it('a request for the key already running or wanted starts nothing new', async () => {
    const { scheduler } = schedulerFor(gated, 'latest-wins');
    const first = ask(scheduler, 'a');
    await until(() => started.includes('a'));
    void ask(scheduler, 'b');
    const again = ask(scheduler, 'a'); // back to the running key: b is dropped, a is the newest
    expect(scheduler.state).toMatchObject({ key: 'a', phase: 'running' });
    open('a');
    await expect(again).resolves.toBe('result a');
    await expect(first).resolves.toBe('result a');
    expect(started).toEqual(['a']);
  });

  it('an error reaches the state with its name and message; retry() runs the request again', async () => {
    const { scheduler } = schedulerFor(gated, 'latest-wins');
    open('a');
    await expect(ask(scheduler, 'a', { fail: true })).rejects.toThrow('no result for a');
    expect(scheduler.state.phase).toBe('failed');
    expect(scheduler.state.error?.name).toBe('RangeError');
    expect(scheduler.state.error?.message).toBe('no result for a');
    scheduler.retry();
    expect(scheduler.state.phase).not.toBe('failed');
    await until(() => scheduler.state.phase === 'failed');
    expect(started).toEqual(['a', 'a']);
  });

  it('settleMs: requests in quick succession start only the last, once they stop', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { scheduler } = schedulerFor(gated, 'cancel-previous', { settleMs: 300 });
    const typed = ['1', '12', '128'].map((key) => ask(scheduler, key));
    vi.advanceTimersByTime(299);
    expect(started).toEqual([]);
    expect(scheduler.state.phase).toBe('waiting');
    vi.advanceTimersByTime(1);
    vi.useRealTimers();
    await until(() => started.length > 0);
    open('128');
    await expect(typed[2]).resolves.toBe('result 128');
    await expect(typed[0]).rejects.toBeInstanceOf(JobCancelledError);
    expect(started).toEqual(['128']);
  });

  it('run-pair: the run starts paused and takes exactly the steps advanced', async () => {
    const { scheduler } = schedulerFor(counting, 'run-pair');
    void ask(scheduler, 'a');
    scheduler.advance(3);
    expect(scheduler.stepsAsked).toBe(3);
    await until(() => scheduler.state.progress === 3);
    scheduler.advance(2);
    await until(() => scheduler.state.progress === 5);
    expect(scheduler.state.phase).toBe('running');
  });

  it('run-pair: steps advanced while the request waits to start are taken as it starts', async () => {
    const { scheduler } = schedulerFor(counting, 'run-pair', { settleMs: 20 });
    void ask(scheduler, 'a');
    scheduler.advance(2); // Step pressed before the run's worker has started (it waits 20 ms to settle)
    expect(scheduler.stepsAsked).toBe(2);
    expect(scheduler.state.phase).toBe('waiting');
    await until(() => scheduler.state.progress === 2);
    expect(scheduler.stepsAsked).toBe(2);
    scheduler.advance(1);
    await until(() => scheduler.state.progress === 3);
  });

  it('dispose() cancels the running job, terminates its worker and reports nothing more', async () => {
    const { scheduler, workers } = schedulerFor(gated, 'latest-wins');
    const changes: string[] = [];
    scheduler.subscribe((change) => changes.push(change));
    const a = ask(scheduler, 'a');
    await until(() => started.includes('a'));
    const seen = changes.length;
    scheduler.dispose();
    await expect(a).rejects.toBeInstanceOf(JobCancelledError);
    expect(workers.spawned[0]?.terminated).toBe(true);
    expect(changes).toHaveLength(seen);
    await expect(ask(scheduler, 'b')).rejects.toBeInstanceOf(JobCancelledError);
  });
});
