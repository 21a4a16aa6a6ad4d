import { describe, expect, it } from 'vitest';
import { chunkFor, MAX_CHUNK, MIN_CHUNK, pace, RateMeter, type PaceState } from './pacing';

const run = (done: number, requested: number, stopped = false): PaceState => ({ done, requested, stopped });

/**
 * Simulates two workers of different speeds (updates per frame) driven by pace() once per frame
 * for `playing` frames, the page seeing their progress only every `reportEvery` frames (as it
 * does: progress comes ten times a second); then Pause (no more requests) and `after` frames more.
 */
function simulate(speeds: number[], playing: number, after: number, chunk: number, reportEvery = 6): { paused: number[]; rested: number[]; maxGap: number } {
  const done = speeds.map(() => 0);
  const requested = speeds.map(() => 0);
  const seen = speeds.map(() => 0);
  let maxGap = 0;
  let paused: number[] = [];
  for (let f = 0; f < playing + after; f++) {
    if (f < playing) {
      const requests = pace(speeds.map((_, i) => run(seen[i] ?? 0, requested[i] ?? 0)), chunk);
      requests.forEach((n, i) => (requested[i] = (requested[i] ?? 0) + n));
    } else if (f === playing) paused = [...done];
    speeds.forEach((v, i) => (done[i] = Math.min(requested[i] ?? 0, (done[i] ?? 0) + v)));
    if (f % reportEvery === 0) done.forEach((d, i) => (seen[i] = d));
    maxGap = Math.max(maxGap, Math.abs((done[0] ?? 0) - (done[1] ?? 0)));
  }
  return { paused, rested: done, maxGap };
}

describe('pace()', () => {
  it('pace() moves both runs on by one chunk when the slower is within a chunk of the target', () => {
    expect(pace([run(0, 0), run(0, 0)], 5)).toEqual([5, 5]);
    expect(pace([run(3, 5), run(1, 5)], 5)).toEqual([5, 5]);
    expect(pace([run(5, 5), run(0, 5)], 5)).toEqual([0, 0]);
  });

  it('pace() asks a run that fell behind the target (it was restarted) to catch up first', () => {
    expect(pace([run(0, 0), run(480, 500)], 5)).toEqual([500, 0]);
  });

  it('pace() lets a stopped run hold no one back, and asks nothing of it', () => {
    expect(pace([run(3, 3, true), run(40, 40)], 8)).toEqual([0, 8]);
    expect(pace([run(3, 3, true), run(2, 2, true)], 8)).toEqual([0, 0]);
  });

  it('pace() keeps a fast and a slow run within two chunks of each other, and after Pause they rest level', () => {
    const chunk = 20;
    const { paused, rested, maxGap } = simulate([9, 2], 600, 100, chunk);
    expect(maxGap).toBeLessThanOrEqual(2 * chunk);
    expect(rested[1]).toBeGreaterThan(1000); // the slower run was kept busy: 2 a frame for 600 frames
    expect(rested[0]).toBe(rested[1]);
    expect(paused[0]).not.toBe(paused[1]); // the fast run waited at the target for the slow one
  });

  it('pace() is needed: two runs each doing as much as they can drift apart', () => {
    const free = [9 * 600, 2 * 600];
    expect(Math.abs((free[0] ?? 0) - (free[1] ?? 0))).toBeGreaterThan(40);
  });
});

describe('chunkFor() and RateMeter', () => {
  it('chunkFor() asks for about 0.2 s of the slower run’s work, within bounds', () => {
    expect(chunkFor(100)).toBe(20);
    expect(chunkFor(NaN)).toBe(MIN_CHUNK);
    expect(chunkFor(1)).toBe(MIN_CHUNK);
    expect(chunkFor(1e6)).toBe(MAX_CHUNK);
  });

  it('RateMeter measures updates per second over its window, and starts again when the count falls (a reset)', () => {
    const meter = new RateMeter(500);
    expect(meter.sample(0, 0)).toBeNaN();
    expect(meter.sample(250, 20)).toBeNaN();
    expect(meter.sample(500, 50)).toBe(100);
    expect(meter.sample(1000, 100)).toBe(100);
    expect(meter.sample(1100, 0)).toBe(100);
    expect(meter.sample(1600, 10)).toBe(20);
  });
});
