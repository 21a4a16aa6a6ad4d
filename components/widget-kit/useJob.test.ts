// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { type Job, JobCancelledError } from '../../lib/runtime';
import { deferred, type Deferred } from '../../lib/runtime/deferred';
import { fakeWorkers } from '../../lib/runtime/fake-worker';
import { until } from '../../lib/runtime/test-helpers';
import { type JobView, useJob } from './useJob';

/** Jobs wait at an explicit gate per key (no clock); the fake worker runs in this process. */
const gates = new Map<string, Deferred<void>>();
const gate = (key: string): Deferred<void> => {
  const made = gates.get(key) ?? deferred<void>();
  gates.set(key, made);
  return made;
};

interface Params {
  key: string;
  fail?: boolean;
}

const gated: Job<Params, never, string> = async ({ key, fail }) => {
  await gate(key).promise;
  if (fail) throw new RangeError(`expected a shape for ${key}, got none`);
  return `result ${key}`;
};

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
  root = undefined;
  gates.clear();
});

/** Mounts a component calling useJob for `params`, and returns what it saw last. */
function mount(workers: ReturnType<typeof fakeWorkers>, params: Params) {
  const seen: { view: JobView<Params, never, string> | undefined; renders: string[] } = { view: undefined, renders: [] };
  function View({ params: p }: { params: Params }) {
    seen.view = useJob<Params, never, string>(workers.create, 'latest-wins', { budget: null, request: { params: p, key: p.key } });
    seen.renders.push(`${p.key}: ${seen.view.result ?? seen.view.phase}`);
    return h('output', null, seen.view.result ?? seen.view.phase);
  }
  root = document.createElement('div');
  document.body.append(root);
  const draw = (p: Params) => act(() => render(h(View, { params: p }), root!));
  draw(params);
  return { seen, draw, text: () => root?.textContent ?? '' };
}

describe('useJob', () => {
  it('shows the newest request only: a stale result never reaches the view', async () => {
    const workers = fakeWorkers({ default: gated });
    const { seen, draw, text } = mount(workers, { key: 'a' });
    expect(seen.view?.phase).toBe('running');
    draw({ key: 'b' });
    expect(seen.view?.key).toBe('b');
    gate('a').resolve();
    await until(() => seen.view?.last?.key === 'a');
    expect(seen.view?.result).toBeUndefined();
    expect(text()).not.toContain('result a');
    gate('b').resolve();
    await until(() => text() === 'result b');
    expect(seen.view?.phase).toBe('done');
  });

  it('in the render where the key changes, before the new request is made, the old result is not shown as the new one', async () => {
    const workers = fakeWorkers({ default: gated });
    gate('a').resolve();
    const { seen, draw } = mount(workers, { key: 'a' });
    await until(() => seen.view?.result === 'result a');
    seen.renders.length = 0;
    draw({ key: 'b' });
    expect(seen.renders[0]).toBe('b: waiting');
    expect(seen.renders.filter((r) => r.startsWith('b: result a'))).toEqual([]);
    expect(seen.view?.last).toEqual({ key: 'a', result: 'result a' });
  });

  it('an error reaches the view as a failed phase with the job error; retry() runs it again', async () => {
    const workers = fakeWorkers({ default: gated });
    gate('x').resolve();
    const { seen } = mount(workers, { key: 'x', fail: true });
    await until(() => seen.view?.phase === 'failed');
    expect(seen.view?.error?.name).toBe('RangeError');
    expect(seen.view?.error?.message).toBe('expected a shape for x, got none');
    act(() => seen.view?.retry());
    await until(() => seen.view?.phase === 'failed' && workers.spawned.length === 2);
  });

  it('unmounting cancels the running job and terminates its worker', async () => {
    const workers = fakeWorkers({ default: gated });
    const { seen } = mount(workers, { key: 'a' });
    const pending = seen.view?.scheduler.request({ key: 'a' }, 'a');
    expect(workers.spawned).toHaveLength(1);
    act(() => render(null, root!));
    expect(workers.spawned[0]?.terminated).toBe(true);
    await expect(pending).rejects.toBeInstanceOf(JobCancelledError);
  });
});
