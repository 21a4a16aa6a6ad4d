import { describe, expect, it, vi } from 'vitest';
import { JobControl, yieldToEventLoop } from './job-control';
import { sharedClock, TURN_MS } from './turns';
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
    expect(control.state).toEqual({ paused: false, steps: 0, share: 1, turn: null, stepsPerSecond: 0 });
    control.step();
    control.step(3);
    expect(control.state).toMatchObject({ paused: true, steps: 4 });
    control.resume();
    expect(control.state).toMatchObject({ paused: false, steps: 0 });
    expect(new JobControl({ paused: true, steps: 3 }).state).toMatchObject({ paused: true, steps: 3 });
    control.apply({ kind: 'share', share: 0.45 });
    control.apply({ kind: 'rate', stepsPerSecond: 30 });
    expect(control.state).toMatchObject({ share: 0.45, stepsPerSecond: 30 });
    control.apply({ kind: 'share', share: 0.45, turn: 0.5 });
    expect(control.state).toMatchObject({ share: 0.45, turn: 0.5 });
    control.apply({ kind: 'share', share: 0, turn: 1 });
    control.apply({ kind: 'rate', stepsPerSecond: -1 });
    expect(control.state).toMatchObject({ share: 1, turn: null, stepsPerSecond: 0 });
  });

  it('stepsPerSecond is kept inside the job: 100 a second pass about 100 checkpoints in a second of (fake) time', async () => {
    // The clock and the sleeps are fake and moved a millisecond at a time; the real MessageChannel
    // yields in between let the loop run: no real time is measured.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const control = new JobControl({ stepsPerSecond: 100 });
      const loop = countPasses(control);
      const at: number[] = [];
      for (let ms = 1; ms <= 1000; ms++) {
        await vi.advanceTimersByTimeAsync(1);
        for (let k = 0; k < 3; k++) await yieldToEventLoop();
        if (ms % 250 === 0) at.push(loop.passes());
      }
      // Steady from the first step: 25 a quarter second (one may straddle a boundary), no burst.
      expect(at.map((n, i) => n - (at[i - 1] ?? 0)).every((n) => n >= 24 && n <= 26)).toBe(true);
      control.apply({ kind: 'rate', stepsPerSecond: 1000 });
      const before = loop.passes();
      for (let ms = 1; ms <= 100; ms++) {
        await vi.advanceTimersByTimeAsync(1);
        for (let k = 0; k < 3; k++) await yieldToEventLoop();
      }
      // Faster than a timer can sleep between two steps: the steps owed catch up, about 100 in 100 ms.
      expect(loop.passes() - before).toBeGreaterThanOrEqual(90);
      expect(loop.passes() - before).toBeLessThanOrEqual(110);
      control.cancel();
      await vi.advanceTimersByTimeAsync(10);
      await loop.done;
    } finally {
      vi.useRealTimers();
    }
  });

  it('given a turn, a job computes only inside it: steps of 7 ms at 0.45 of a core, turn opening half a round in', async () => {
    // Fake clock and sleeps, moved a millisecond at a time; each step of work is a 7 ms (fake) sleep,
    // which the control sees as 7 ms of computing. A fixed epoch: the shared clock starts 37 ms into a round.
    vi.useFakeTimers({ now: 1_000_037, toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const control = new JobControl({ share: 0.45, turn: 0.5 });
      const steps: [number, number][] = [];
      const loop = (async () => {
        for (;;) {
          await control.checkpoint();
          const start = sharedClock();
          await new Promise((resolve) => setTimeout(resolve, 7));
          steps.push([start, sharedClock()]);
        }
      })().catch((error: unknown) => error);
      for (let ms = 1; ms <= 1000; ms++) {
        await vi.advanceTimersByTimeAsync(1);
        for (let k = 0; k < 3; k++) await yieldToEventLoop();
      }
      control.cancel();
      await vi.advanceTimersByTimeAsync(TURN_MS); // a rest under way ends within a round
      await loop;
      expect(sharedClock()).toBe(1_000_037 + 1000 + TURN_MS);
      // The first step starts wherever the job happens to be; from its first rest on, every step
      // lies in its turn, from 50 to 95 ms into each round of 100 on the shared clock (with a
      // millisecond of slack: the fake timers tick a whole one at a time).
      const into = (t: number): number => ((t % TURN_MS) + TURN_MS) % TURN_MS;
      const outside = steps.slice(1).filter(([a, b]) => into(a) < 50 || into(a) + (b - a) > 95 + 1);
      expect(outside).toEqual([]);
      // Six 7 ms steps fit in a 45 ms turn: about 60 steps in a second, busy 42 % of it.
      expect(steps.length).toBeGreaterThanOrEqual(54);
      expect(steps.length).toBeLessThanOrEqual(62);
    } finally {
      vi.useRealTimers();
    }
  });
});
