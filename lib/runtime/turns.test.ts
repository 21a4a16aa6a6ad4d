import { describe, expect, it } from 'vitest';
import { sharedClock, TURN_MS, untilTurn } from './turns';

/**
 * A job whose every step takes `stepMs`, run for `forMs` of simulated time the way `JobControl`
 * runs it: a step, then `untilTurn`; after a wait it computes again at once (a fresh slice).
 * Records each step's start and end, from its first wait on (before it, it has not found its turn).
 */
function simulate(turn: number, share: number, stepMs: number, forMs = 20_000, startAt = 0) {
  let t = startAt;
  let sliceStart = t;
  let lastRest = t;
  let aligned = false;
  const steps: [number, number][] = [];
  while (t < startAt + forMs) {
    if (aligned) steps.push([t, t + stepMs]);
    t += stepMs;
    const wait = untilTurn({ clock: t, turn, share, workedMs: t - sliceStart, stepMs: t - lastRest });
    if (wait > 0) {
      t += wait;
      sliceStart = t;
      aligned = true;
    }
    lastRest = t;
  }
  const first = steps[0]?.[0] ?? t;
  const busy = steps.reduce((sum, [a, b]) => sum + (b - a), 0);
  return { steps, busyShare: busy / (t - first) };
}

/** Where `ms` falls in its round of turns (a hair before a round's end, from float sums, counts as its start). */
const inRound = (ms: number): number => {
  const into = ((ms % TURN_MS) + TURN_MS) % TURN_MS;
  return into > TURN_MS - 1e-6 ? into - TURN_MS : into;
};

describe('untilTurn()', () => {
  const base = { turn: 0.5, share: 0.45 };

  it('untilTurn() lets a job go on inside its turn while the next step fits in what is left', () => {
    expect(untilTurn({ ...base, clock: 1_000_060, workedMs: 10, stepMs: 7 })).toBe(0);
    // 89 + 7 > 95: the step would run into the next job's time, so it waits for its next turn.
    expect(untilTurn({ ...base, clock: 1_000_089, workedMs: 39, stepMs: 7 })).toBeCloseTo(61, 9);
  });

  it('untilTurn() lets a job that just woke do one step even if it is longer than what is left', () => {
    expect(untilTurn({ ...base, clock: 1_000_051, workedMs: 0, stepMs: 60 })).toBe(0);
  });

  it('untilTurn() holds a job outside its turn until the turn opens', () => {
    expect(untilTurn({ ...base, clock: 1_000_020, workedMs: 0, stepMs: 0 })).toBeCloseTo(30, 9);
    expect(untilTurn({ ...base, clock: 1_000_097, workedMs: 0, stepMs: 0 })).toBeCloseTo(53, 9);
    expect(untilTurn({ turn: 0, share: 0.45, clock: 1_000_045, workedMs: 0, stepMs: 0 })).toBeCloseTo(55, 9);
  });

  it('untilTurn() keeps a job whose step outlasts its turn within its share: it rests, then waits for a turn', () => {
    // 60 ms of work at 0.45 owes 73.3 ms of rest; the first turn to open after that is at 1_000_200.
    expect(untilTurn({ turn: 0, share: 0.45, clock: 1_000_060, workedMs: 60, stepMs: 60 })).toBeCloseTo(140, 9);
  });

  it('untilTurn() has a job that ran a little past its turn rest what it owes, then start late in its next turn', () => {
    // 46 ms of work at 0.45 owes 56.2 ms of rest, which ends 2.2 ms into its next turn: a 4 ms step fits there.
    expect(untilTurn({ turn: 0, share: 0.45, clock: 1_000_046, workedMs: 46, stepMs: 4 })).toBeCloseTo((46 * 0.55) / 0.45, 9);
  });

  it('a job keeps every step inside its turn, and two jobs with turns 0 and 0.5 never compute at once', () => {
    const wrong: string[] = [];
    for (const stepMs of [0.3, 1.5, 4.7, 7, 11, 22.5, 44]) {
      const a = simulate(0, 0.45, stepMs, 20_000, 3.3);
      const b = simulate(0.5, 0.45, stepMs, 20_000, 71.9);
      for (const [start, end] of a.steps) if (inRound(start) > 45 || inRound(start) + (end - start) > 45 + 1e-9) wrong.push(`A ${stepMs}: ${start}`);
      for (const [start, end] of b.steps) if (inRound(start) < 50 || inRound(start) + (end - start) > 95 + 1e-9) wrong.push(`B ${stepMs}: ${start}`);
    }
    expect(wrong).toEqual([]);
  });

  it('a job taking turns stays within its share and, with steps that fit its turn, uses most of it', () => {
    for (const stepMs of [0.3, 1.5, 4.7, 7, 11, 22.5, 44, 46, 60, 130, 500]) {
      const { busyShare } = simulate(0.5, 0.45, stepMs);
      expect(busyShare, `${stepMs} ms steps`).toBeLessThanOrEqual(0.45 + 1e-9);
      // Whole steps per turn: floor(45 / step) of them, less than one step's time lost a turn.
      if (stepMs <= 45) expect(busyShare, `${stepMs} ms steps`).toBeGreaterThanOrEqual((Math.floor(45 / stepMs) * stepMs) / TURN_MS - 0.01);
    }
  });

  it('sharedClock() reads milliseconds since the epoch, like Date.now()', () => {
    expect(Math.abs(sharedClock() - Date.now())).toBeLessThan(1000);
  });
});
