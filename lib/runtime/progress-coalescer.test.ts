import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PROGRESS_INTERVAL_MS, ProgressCoalescer } from './progress-coalescer';

describe('ProgressCoalescer', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('push() delivers the first value at once and only the latest of a burst later', () => {
    const delivered: number[] = [];
    const coalescer = new ProgressCoalescer<number>((value) => delivered.push(value));
    for (let i = 1; i <= 100; i++) coalescer.push(i);
    expect(delivered).toEqual([1]);
    vi.advanceTimersByTime(PROGRESS_INTERVAL_MS - 1);
    expect(delivered).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(delivered).toEqual([1, 100]);
  });

  it('push() delivers at most once per interval under a steady stream', () => {
    const delivered: number[] = [];
    const coalescer = new ProgressCoalescer<number>((value) => delivered.push(value));
    const pushes = 10 * PROGRESS_INTERVAL_MS;
    for (let t = 0; t < pushes; t++) {
      coalescer.push(t);
      vi.advanceTimersByTime(1);
    }
    expect(delivered.length).toBeLessThanOrEqual(11);
    expect(delivered.length).toBeGreaterThanOrEqual(9);
    vi.advanceTimersByTime(PROGRESS_INTERVAL_MS);
    expect(delivered.at(-1)).toBe(pushes - 1);
  });

  it('push() after a quiet interval delivers at once again', () => {
    const delivered: string[] = [];
    const coalescer = new ProgressCoalescer<string>((value) => delivered.push(value));
    coalescer.push('a');
    vi.advanceTimersByTime(5 * PROGRESS_INTERVAL_MS);
    coalescer.push('b');
    expect(delivered).toEqual(['a', 'b']);
  });

  it('flush() delivers the pending value at once and leaves no timer behind', () => {
    const delivered: number[] = [];
    const coalescer = new ProgressCoalescer<number>((value) => delivered.push(value));
    coalescer.push(1);
    coalescer.push(2);
    coalescer.flush();
    expect(delivered).toEqual([1, 2]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('discard() drops the pending value', () => {
    const delivered: number[] = [];
    const coalescer = new ProgressCoalescer<number>((value) => delivered.push(value));
    coalescer.push(1);
    coalescer.push(2);
    coalescer.discard();
    vi.advanceTimersByTime(10 * PROGRESS_INTERVAL_MS);
    expect(delivered).toEqual([1]);
  });
});

describe('ProgressCoalescer.pushLazily()', () => {
  it('pushLazily() builds only the values it delivers, from the state at delivery', () => {
    vi.useFakeTimers();
    try {
      const delivered: number[] = [];
      const coalescer = new ProgressCoalescer<number>((v) => delivered.push(v), 17);
      let state = 0;
      let built = 0;
      const make = (): number => (built++, state);
      for (state = 1; state <= 100; state++) coalescer.pushLazily(make);
      state = 100;
      vi.advanceTimersByTime(17);
      coalescer.flush();
      expect(delivered).toEqual([1, 100]);
      expect(built).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
