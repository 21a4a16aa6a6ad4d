// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from '../../lib/runtime';
import { deferred, type Deferred } from '../../lib/runtime/deferred';
import { fakeWorkers } from '../../lib/runtime/fake-worker';
import { until } from '../../lib/runtime/test-helpers';
import { type BatchCallbacks, type JobBatch, useJobBatch } from './useJobBatch';

/** Jobs report their name, then wait at an explicit gate per name (no clock); the fake workers run in this process. */
const gates = new Map<string, Deferred<void>>();
const gate = (name: string): Deferred<void> => {
  const made = gates.get(name) ?? deferred<void>();
  gates.set(name, made);
  return made;
};
const started: string[] = [];

interface Params {
  name: string;
  fail?: boolean;
}

const gated: Job<Params, string, string> = async ({ name, fail }, ctx) => {
  started.push(name);
  ctx.emit(`${name} started`);
  await ctx.checkpoint();
  await gate(name).promise;
  await ctx.checkpoint();
  if (fail) throw new RangeError(`expected ${name} to train, got NaN`);
  return `result ${name}`;
};

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
  root = undefined;
  gates.clear();
  started.length = 0;
});

/** Mounts a component holding a batch pool of `size` workers (no CPU budget), and returns it. */
function mount(workers: ReturnType<typeof fakeWorkers>, size: number): { batch: () => JobBatch<Params, string, string> } {
  let batch: JobBatch<Params, string, string> | undefined;
  function View() {
    batch = useJobBatch<Params, string, string>(workers.create, { size, budget: null });
    return h('output', null, '');
  }
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(h(View, null), root!));
  return { batch: () => batch! };
}

/** Callbacks that log what they hear. */
function recorder(): { log: string[]; callbacks: BatchCallbacks<string, string> } {
  const log: string[] = [];
  return {
    log,
    callbacks: {
      onProgress: (i, p) => log.push(`progress ${i}: ${p}`),
      onResult: (i, r) => log.push(`result ${i}: ${r}`),
      onError: (i, e) => log.push(`error ${i}: ${e instanceof Error ? e.message : String(e)}`),
      onDone: () => log.push('done'),
    },
  };
}

describe('useJobBatch', () => {
  it('start() runs one job per params on the pool, queues beyond its size, and streams results by index as jobs end', async () => {
    const workers = fakeWorkers({ default: gated });
    const { batch } = mount(workers, 2);
    const { log, callbacks } = recorder();
    batch().start([{ name: 'a' }, { name: 'b' }, { name: 'c', fail: true }], callbacks);
    await until(() => started.length === 2);
    expect(workers.spawned).toHaveLength(2);
    expect(started).toEqual(['a', 'b']);
    gate('b').resolve();
    await until(() => log.includes('result 1: result b'));
    await until(() => started.includes('c'));
    gate('c').resolve();
    await until(() => log.some((l) => l.startsWith('error 2')));
    gate('a').resolve();
    await until(() => log.includes('done'));
    expect(log.filter((l) => !l.startsWith('progress'))).toEqual(['result 1: result b', 'error 2: expected c to train, got NaN', 'result 0: result a', 'done']);
    expect(log).toContain('progress 2: c started');
  });

  it('a new start() or cancel() silences the batch before: its jobs are cancelled and never report', async () => {
    const workers = fakeWorkers({ default: gated });
    const { batch } = mount(workers, 2);
    const first = recorder();
    batch().start([{ name: 'a' }, { name: 'b' }], first.callbacks);
    await until(() => started.length === 2);
    const second = recorder();
    batch().start([{ name: 'c' }], second.callbacks);
    gate('a').resolve();
    gate('b').resolve();
    gate('c').resolve();
    await until(() => second.log.includes('done'));
    expect(first.log.filter((l) => !l.startsWith('progress'))).toEqual([]);
    expect(second.log).toEqual(['progress 0: c started', 'result 0: result c', 'done']);
    const third = recorder();
    batch().start([{ name: 'd' }], third.callbacks);
    await until(() => started.includes('d'));
    act(() => batch().cancel());
    gate('d').resolve();
    await until(() => workers.spawned.filter((w) => w.terminated).length >= 1);
    expect(third.log.filter((l) => !l.startsWith('progress'))).toEqual([]);
  });

  it('pause() holds every job at its next checkpoint; resume() lets them finish', async () => {
    const workers = fakeWorkers({ default: gated });
    const { batch } = mount(workers, 2);
    const { log, callbacks } = recorder();
    batch().start([{ name: 'a' }, { name: 'b' }], callbacks, { paused: true });
    gate('a').resolve();
    gate('b').resolve();
    // Paused at the first checkpoint: nothing passes it.
    await until(() => log.filter((l) => l.startsWith('progress')).length === 2);
    expect(log.some((l) => l.startsWith('result'))).toBe(false);
    batch().resume();
    await until(() => log.includes('done'));
    expect(log.filter((l) => l.startsWith('result')).sort()).toEqual(['result 0: result a', 'result 1: result b']);
  });

  it('unmounting cancels every job and terminates the workers', async () => {
    const workers = fakeWorkers({ default: gated });
    const { batch } = mount(workers, 2);
    const { log, callbacks } = recorder();
    batch().start([{ name: 'a' }, { name: 'b' }], callbacks);
    await until(() => started.length === 2);
    act(() => render(null, root!));
    expect(workers.spawned.every((w) => w.terminated)).toBe(true);
    gate('a').resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(log.filter((l) => !l.startsWith('progress'))).toEqual([]);
  });
});
