import { describe, expect, it } from 'vitest';
import type { JobPhase } from './job-scheduler';
import { Lockstep, type SteppedRun } from './lockstep';

/** Where the hand-run runs finish. */
const LAST_STEP = 500;

/** A run as `Lockstep` sees it, whose steps the test takes by hand: no worker, no clock. */
class HandRun implements SteppedRun<number> {
  state: { phase: JobPhase; progress: number | undefined } = { phase: 'running', progress: 0 };
  stepsAsked = 0;
  rate = -1;
  private readonly listeners = new Set<() => void>();

  advance(steps: number): void {
    this.stepsAsked += steps;
  }
  setRate(stepsPerSecond: number): void {
    this.rate = stepsPerSecond;
  }
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  get done(): number {
    return this.state.progress ?? 0;
  }
  /** Takes up to `steps` of the steps asked (it finishes at LAST_STEP) and reports its progress, as a worker would. */
  work(steps: number): void {
    this.state = { ...this.state, progress: Math.min(this.stepsAsked, this.done + steps, LAST_STEP) };
    for (const listener of this.listeners) listener();
  }
}

function pair(): { a: HandRun; b: HandRun; lockstep: Lockstep<number>; playing: boolean[] } {
  const a = new HandRun();
  const b = new HandRun();
  const playing: boolean[] = [];
  const lockstep = new Lockstep<number>([a, b], { stepOf: (n) => n, stopped: (n) => n >= LAST_STEP, onPlayingChange: (p) => playing.push(p) });
  return { a, b, lockstep, playing };
}

describe('Lockstep', () => {
  it('run-pair: a fast and a slow run never drift more than two chunks apart, and rest at the same step after Pause', () => {
    const { a, b, lockstep } = pair();
    expect(lockstep.play(50)).toBe(true); // 50 steps a second: chunks of 10
    expect([a.rate, b.rate]).toEqual([50, 50]);
    let widest = 0;
    for (let round = 0; round < 40; round++) {
      a.work(7); // a takes seven steps each time b takes two
      b.work(2);
      widest = Math.max(widest, Math.abs(a.done - b.done));
    }
    expect(widest).toBeLessThanOrEqual(2 * 10);
    expect(b.done).toBeGreaterThan(50);
    lockstep.pause();
    for (let round = 0; round < 40; round++) {
      a.work(7);
      b.work(2);
    }
    expect(a.done).toBe(b.done);
    expect(a.stepsAsked).toBe(b.stepsAsked);
  });

  it('run-pair: Step pauses and moves each run exactly one step', () => {
    const { a, b, lockstep, playing } = pair();
    lockstep.play(0);
    a.work(100);
    b.work(100);
    const asked = [a.stepsAsked, b.stepsAsked];
    lockstep.step();
    expect(playing).toEqual([true, false]);
    expect([a.stepsAsked, b.stepsAsked]).toEqual([asked[0]! + 1, asked[1]! + 1]);
  });

  it('run-pair: Step with stepsFor asks each run up to a boundary of its own count (an epoch of 16 steps)', () => {
    const { a, b, lockstep } = pair();
    lockstep.step((asked) => 16 - (asked % 16));
    expect([a.stepsAsked, b.stepsAsked]).toEqual([16, 16]);
    b.advance(5); // b was asked more (a restart, say): it is asked only up to its own boundary
    lockstep.step((asked) => 16 - (asked % 16));
    expect([a.stepsAsked, b.stepsAsked]).toEqual([32, 32]);
  });

  it('run-pair: at full speed the chunk grows while the slower run runs dry', () => {
    const { a, b, lockstep } = pair();
    lockstep.play(0);
    const firstAsk = a.stepsAsked;
    for (let round = 0; round < 6; round++) {
      a.work(1000);
      b.work(1000);
    }
    expect(a.stepsAsked - firstAsk).toBeGreaterThan(6 * firstAsk);
  });

  it('stops playing when every run has stopped, and will not play again', () => {
    const { a, b, lockstep, playing } = pair();
    lockstep.play(0);
    for (let round = 0; round < 200 && lockstep.isPlaying; round++) {
      a.work(1000);
      b.work(1000);
    }
    expect(a.done).toBe(LAST_STEP);
    expect(b.done).toBe(LAST_STEP);
    expect(playing).toEqual([true, false]);
    expect(lockstep.play(0)).toBe(false);
  });

  it('a failed run holds the other back no longer', () => {
    const { a, b, lockstep } = pair();
    lockstep.play(0);
    a.state = { phase: 'failed', progress: a.state.progress };
    for (let round = 0; round < 20; round++) b.work(1000);
    expect(b.done).toBeGreaterThan(100);
    expect(a.done).toBe(0);
  });
});
