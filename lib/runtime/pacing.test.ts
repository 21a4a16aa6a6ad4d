import { describe, expect, it } from 'vitest';
import { MAX_CHUNK, nextChunk, pace, type PaceState } from './pacing';

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
      const { requests } = pace(speeds.map((_, i) => run(seen[i] ?? 0, requested[i] ?? 0)), chunk);
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
    expect(pace([run(0, 0), run(0, 0)], 5)).toEqual({ requests: [5, 5], starved: true });
    expect(pace([run(3, 5), run(1, 5)], 5)).toEqual({ requests: [5, 5], starved: false });
    expect(pace([run(5, 5), run(0, 5)], 5)).toEqual({ requests: [0, 0], starved: false });
  });

  it('pace() asks a run that fell behind the target (it was restarted) to catch up first', () => {
    expect(pace([run(0, 0), run(480, 500)], 5)).toEqual({ requests: [500, 0], starved: false });
  });

  it('pace() lets a stopped run hold no one back, and asks nothing of it', () => {
    expect(pace([run(3, 3, true), run(40, 40)], 8)).toEqual({ requests: [0, 8], starved: true });
    expect(pace([run(3, 3, true), run(2, 2, true)], 8)).toEqual({ requests: [0, 0], starved: false });
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

describe('nextChunk()', () => {
  it('nextChunk() doubles a chunk that left the slower run idle, up to MAX_CHUNK', () => {
    expect(nextChunk(4, true)).toBe(8);
    expect(nextChunk(4, false)).toBe(4);
    expect(nextChunk(MAX_CHUNK, true)).toBe(MAX_CHUNK);
  });

  it('nextChunk() grows the chunk until the slower run is never idle between progress reports, then stops', () => {
    // The page hears of progress every 6 frames; the slower run does 2 updates a frame.
    const speeds = [9, 2];
    const done = [0, 0];
    const requested = [0, 0];
    const seen = [0, 0];
    let chunk = 4;
    let idleFrames = 0;
    for (let f = 0; f < 600; f++) {
      const { requests, starved } = pace(speeds.map((_, i) => run(seen[i] ?? 0, requested[i] ?? 0)), chunk);
      requests.forEach((n, i) => (requested[i] = (requested[i] ?? 0) + n));
      chunk = nextChunk(chunk, starved);
      if (f > 300 && (done[1] ?? 0) >= (requested[1] ?? 0)) idleFrames++;
      speeds.forEach((v, i) => (done[i] = Math.min(requested[i] ?? 0, (done[i] ?? 0) + v)));
      if (f % 6 === 0) done.forEach((d, i) => (seen[i] = d));
    }
    expect(idleFrames).toBe(0);
    expect(chunk).toBeGreaterThanOrEqual(12); // at least the 6 frames × 2 updates between reports
    expect(chunk).toBeLessThanOrEqual(64);
  });
});
