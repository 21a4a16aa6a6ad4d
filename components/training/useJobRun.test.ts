// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from '../../lib/runtime';
import { fakeWorkers } from '../../lib/runtime/fake-worker';
import { until } from '../../lib/runtime/test-helpers';
import { type JobRun, type KeepUnchanged, useJobRun } from './useJobRun';

/** A snapshot: the step, and a part that changes every second step (as a run's epoch parts change at an epoch's end). */
interface Snap {
  run: string;
  step: number;
  part: { changedAt: number };
}

/** One snapshot a step, each a fresh object (as a structured clone delivers it). */
const stepping: Job<{ run: string }, Snap, Snap> = async ({ run }, ctx) => {
  for (let step = 1; ; step++) {
    await ctx.checkpoint();
    ctx.emit({ run, step, part: { changedAt: step - (step % 2) } });
    if (step === 100) return { run, step, part: { changedAt: step } };
  }
};

/** The part kept from the previous snapshot while it has not changed; every call recorded. */
const calls: [Snap, Snap][] = [];
const keepPart: KeepUnchanged<Snap> = (previous, next) => {
  calls.push([previous, next]);
  return previous.part.changedAt === next.part.changedAt ? { ...next, part: previous.part } : next;
};

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
  root = undefined;
  calls.length = 0;
});

/** Mounts a view of one run of `run`'s settings that draws every snapshot at once. */
function mount(run: string) {
  const workers = fakeWorkers({ default: stepping });
  const seen: { view: JobRun<{ run: string }, Snap> | undefined; shown: Snap[] } = { view: undefined, shown: [] };
  const drawNow = (_key: string, publish: () => void): void => publish();
  function View({ run: r }: { run: string }) {
    seen.view = useJobRun<{ run: string }, Snap>('A', workers.create, { run: r }, r, drawNow, keepPart);
    if (seen.view.snapshot && seen.shown.at(-1) !== seen.view.snapshot) seen.shown.push(seen.view.snapshot);
    return null;
  }
  root = document.createElement('div');
  const draw = (r: string) => act(() => render(h(View, { run: r }), root!));
  draw(run);
  /** Asks the run for one more step and waits until it is shown. */
  const step = async (): Promise<Snap> => {
    const asked = seen.view!.scheduler.stepsAsked + 1;
    seen.view!.scheduler.advance(1);
    await until(() => seen.view?.snapshot?.step === asked);
    return seen.view!.snapshot!;
  };
  return { seen, draw, step };
}

describe('useJobRun', () => {
  it('keeps the unchanged parts of the previous snapshot of the same run, and takes new ones when they change', async () => {
    const { step } = mount('a');
    const first = await step();
    expect(calls).toHaveLength(0); // nothing before it to keep from
    const second = await step();
    expect(second.part).not.toBe(first.part); // changed at step 2
    const third = await step();
    expect(third.step).toBe(3);
    expect(third.part).toBe(second.part);
  });

  it('never hands a snapshot of other settings to keep, even at the same step', async () => {
    const { seen, draw, step } = mount('a');
    await step();
    await step();
    const before = calls.length;
    draw('b');
    await until(() => seen.view?.snapshot === undefined);
    // b's first snapshot arrives before the effect of the render that started b has run: it must
    // not be replaced by that render's older state (which has no snapshot yet).
    const first = await step();
    expect(first.run).toBe('b');
    expect(calls.slice(before).every(([previous]) => previous.run === 'b')).toBe(true);
    await step();
    expect(calls.slice(before).map(([previous, next]) => [previous.run, next.run])).toEqual([['b', 'b']]);
  });
});
