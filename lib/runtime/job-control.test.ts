import { describe, expect, it } from 'vitest';
import { JobControl } from './job-control';
import { macrotasks, until } from './test-helpers';

/** Bounds every loop here, so a control that never yields fails a test instead of hanging it. */
const MAX_PASSES = 1_000_000;

/** Counts how many checkpoints a loop passes; the loop ends when cancelled (or at the bound). */
function countPasses(control: JobControl): { passes: () => number; done: Promise<unknown> } {
  let passes = 0;
  const done = (async () => {
    while (passes < MAX_PASSES) {
      await control.checkpoint();
      passes += 1;
    }
  })().catch((error: unknown) => error);
  return { passes: () => passes, done };
}

describe('JobControl', () => {
  it('checkpoint() resolves at once while running', async () => {
    const control = new JobControl();
    await expect(control.checkpoint()).resolves.toBeUndefined();
  });

  it('pause() holds checkpoint() until resume()', async () => {
    const control = new JobControl();
    control.pause();
    const loop = countPasses(control);
    await macrotasks(5);
    expect(loop.passes()).toBe(0);
    control.resume();
    await macrotasks(2);
    expect(loop.passes()).toBeGreaterThan(0);
    control.cancel();
    await loop.done;
  });

  it('step() lets exactly one checkpoint() through per call', async () => {
    const control = new JobControl({ paused: true, steps: 0 });
    const loop = countPasses(control);
    control.step();
    await macrotasks(3);
    expect(loop.passes()).toBe(1);
    control.step();
    control.step();
    await macrotasks(3);
    expect(loop.passes()).toBe(3);
    control.cancel();
    await loop.done;
  });

  it('step() while running pauses after one more checkpoint()', async () => {
    const control = new JobControl();
    control.step();
    const loop = countPasses(control);
    await macrotasks(3);
    expect(loop.passes()).toBe(1);
    control.cancel();
    await loop.done;
  });

  it('cancel() makes a waiting checkpoint() throw an AbortError', async () => {
    const control = new JobControl({ paused: true, steps: 0 });
    const loop = countPasses(control);
    await macrotasks(2);
    control.cancel();
    const error = await loop.done;
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('AbortError');
    expect(control.signal.aborted).toBe(true);
    await expect(control.checkpoint()).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('checkpoint() yields to the event loop, so a pause sent meanwhile is seen', async () => {
    const control = new JobControl();
    let timerRan = false;
    setTimeout(() => {
      timerRan = true;
      control.pause();
    }, 0);
    let passes = 0;
    // Without yielding, this microtask-only loop would starve the timer until the bound.
    const loop = (async () => {
      while (passes < MAX_PASSES) {
        await control.checkpoint();
        passes += 1;
      }
    })();
    await until(() => timerRan);
    const atPause = passes;
    await macrotasks(3);
    expect(passes).toBeLessThan(MAX_PASSES);
    expect(passes).toBeLessThanOrEqual(atPause + 1);
    control.cancel();
    await expect(loop).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('state reports whether checkpoints wait and how many steps they may still let through', () => {
    const control = new JobControl();
    expect(control.state).toEqual({ paused: false, steps: 0 });
    control.step();
    control.step();
    expect(control.state).toEqual({ paused: true, steps: 2 });
    control.resume();
    expect(control.state).toEqual({ paused: false, steps: 0 });
    expect(new JobControl({ paused: true, steps: 3 }).state).toEqual({ paused: true, steps: 3 });
  });
});
