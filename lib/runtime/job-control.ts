import { restAfter } from './cpu-budget';
import { sharedClock, untilTurn } from './turns';
import { deferred } from './deferred';
import type { JobContext } from './job';

/** How long a running job may go without yielding to the event loop, in milliseconds. */
export const YIELD_EVERY_MS = 5;

/**
 * A job with a share below 1 computes for `share` of each slice this long and rests for the rest
 * (or after a longer step, in proportion to it: see `restAfter`).
 */
export const SLICE_MS = 16;

/**
 * What a page can change while a job runs: pause, resume, let `count` more checkpoints through
 * (pausing), the share of a core the job may use and its turn (from the page's CPU budget), and
 * the most checkpoints a second it may pass (0: no limit).
 */
export type ControlAction =
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'step'; count: number }
  | { kind: 'share'; share: number; turn?: number | null }
  | { kind: 'rate'; stepsPerSecond: number };

/** The weight of the newest step in a job's running average of its steps' length. */
const STEP_AVERAGING = 0.2;

/** How far behind its rate a paced job may fall and still catch up, in milliseconds. */
export const CATCH_UP_MS = 20;

/** A job's control state; sent with the job, so a job paused or paced while queued starts so. */
export interface ControlState {
  /** Checkpoints wait (except for `steps` more). */
  paused: boolean;
  /** Checkpoints a paused job may still pass. */
  steps: number;
  /** The share of one core the job may keep busy, in (0, 1] (the page's CPU budget sets it). */
  share: number;
  /** Where the job's turn opens in each round of turns (turns.ts); null: it takes no turns. */
  turn: number | null;
  /** The most checkpoints the job passes a second; 0 for no limit. */
  stepsPerSecond: number;
}

/** A running, unpaced job's state. */
export const RUNNING: ControlState = { paused: false, steps: 0, share: 1, turn: null, stepsPerSecond: 0 };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The pause/step/cancel state of one running job, its pace (share of a core, steps a second), and
 * the `checkpoint()` and `rest()` that obey them. Used by `runJob` in-process and by `exposeJobs`
 * inside the worker, so both behave the same.
 */
export class JobControl {
  private readonly controller = new AbortController();
  private paused: boolean;
  private stepsAllowed: number;
  private share: number;
  private turn: number | null;
  private stepsPerSecond: number;
  private lastYield = performance.now();
  /** When the job last started computing after a rest or a wait. */
  private sliceStart = performance.now();
  /** When the last `rest()` returned: the work since then is one step. */
  private lastRest = performance.now();
  /** A running average of the job's steps, in ms: how long it expects the next to take (0: none yet). */
  private stepEstimate = 0;
  /** The earliest time the next checkpoint may pass at the current rate (-Infinity: at once). */
  private nextStepAt = -Infinity;
  private changed = deferred<void>();

  /**
   * Creates the control, running unpaced unless told otherwise; `onWaiting(true)` is called when a
   * checkpoint starts waiting for a resume or a step and `onWaiting(false)` when it stops.
   */
  constructor(
    initial: Partial<ControlState> = {},
    private readonly onWaiting: (waiting: boolean) => void = () => {},
  ) {
    const state = { ...RUNNING, ...initial };
    this.paused = state.paused;
    this.stepsAllowed = state.steps;
    this.share = validShare(state.share);
    this.turn = validTurn(state.turn);
    this.stepsPerSecond = validRate(state.stepsPerSecond);
  }

  /** Whether checkpoints wait, how many steps they may still let through, and the job's pace. */
  get state(): ControlState {
    return { paused: this.paused, steps: this.stepsAllowed, share: this.share, turn: this.turn, stepsPerSecond: this.stepsPerSecond };
  }

  /** Aborted by `cancel()`. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The context a job receives: this control's signal, checkpoint and rest, and the given emitters. */
  context<E>(emit: (progress: E) => void, emitLazily: (make: () => E) => void): JobContext<E> {
    return { signal: this.controller.signal, emit, emitLazily, checkpoint: this.checkpoint, rest: this.rest };
  }

  /** Applies a control message from the page. */
  apply(action: ControlAction): void {
    switch (action.kind) {
      case 'pause':
        return this.pause();
      case 'resume':
        return this.resume();
      case 'step':
        return this.step(action.count);
      case 'share':
        this.share = validShare(action.share);
        this.turn = validTurn(action.turn ?? null);
        return;
      case 'rate':
        this.stepsPerSecond = validRate(action.stepsPerSecond);
        return;
    }
  }

  /** Makes the next `checkpoint()` wait. */
  pause(): void {
    this.paused = true;
  }

  /** Lets waiting and future checkpoints through; forgets unused steps. */
  resume(): void {
    this.paused = false;
    this.stepsAllowed = 0;
    this.notify();
  }

  /** Pauses, and lets exactly `count` more `checkpoint()`s through (one by default). */
  step(count = 1): void {
    this.paused = true;
    this.stepsAllowed += Math.max(0, Math.floor(count));
    this.notify();
  }

  /** Aborts the signal; waiting and future checkpoints throw an `AbortError`. */
  cancel(): void {
    this.controller.abort();
    this.notify();
  }

  /**
   * Keeps the job within its share of a core: after computing `share × SLICE_MS` (or one longer
   * step) it sleeps so that it was busy `share` of the time, or, given a turn, it computes only in
   * its turn (`untilTurn`); otherwise it yields to the event loop every YIELD_EVERY_MS, so control
   * messages get in. Throws an `AbortError` once cancelled.
   */
  readonly rest = async (): Promise<void> => {
    const { signal } = this.controller;
    signal.throwIfAborted();
    const now = performance.now();
    const wait = this.owedRest(now);
    if (wait > 0) {
      await sleep(wait);
      this.rested();
      signal.throwIfAborted();
      return;
    }
    if (now - this.lastYield >= YIELD_EVERY_MS) {
      await yieldToEventLoop();
      this.lastYield = performance.now();
    }
    this.lastRest = performance.now();
    signal.throwIfAborted();
  };

  /** How long to sleep now to keep to the share (and turn) of a core; 0 to go on. */
  private owedRest(now: number): number {
    const worked = now - this.sliceStart;
    // At a whole core there is no rest to owe: a later, smaller share starts with a fresh slice.
    if (this.share >= 1) {
      this.sliceStart = now;
      return 0;
    }
    if (this.turn !== null) {
      // An average, so one long step (an evaluation every so many steps) does not end the turn early.
      const step = now - this.lastRest;
      this.stepEstimate = this.stepEstimate === 0 ? step : STEP_AVERAGING * step + (1 - STEP_AVERAGING) * this.stepEstimate;
      return untilTurn({ clock: sharedClock(), turn: this.turn, share: this.share, workedMs: worked, stepMs: this.stepEstimate });
    }
    return worked >= SLICE_MS * this.share ? restAfter(worked, this.share) : 0;
  }

  /** The cooperative pause point a job awaits between steps (see `JobContext.checkpoint`). */
  readonly checkpoint = async (): Promise<void> => {
    const { signal } = this.controller;
    await this.rest();
    if (this.stepsPerSecond > 0) {
      const wait = this.nextStepAt - performance.now();
      if (wait > 0) {
        await sleep(wait);
        this.rested();
        // The wait may have ended outside the job's turn.
        if (this.turn !== null) await this.rest();
        signal.throwIfAborted();
      }
    }
    if (this.paused && this.stepsAllowed === 0) {
      this.onWaiting(true);
      while (this.paused && this.stepsAllowed === 0) {
        await this.changed.promise;
        signal.throwIfAborted();
      }
      this.onWaiting(false);
      this.rested();
      this.nextStepAt = -Infinity; // the first step after a pause starts the count afresh
    }
    if (this.paused) this.stepsAllowed -= 1;
    if (this.stepsPerSecond > 0) {
      // On schedule, the next step is one interval later. Late (a timer cannot sleep less than a
      // millisecond or four, a slow step), the steps owed for up to CATCH_UP_MS come at once, so
      // fast rates are kept on average; after a longer wait (paused) no burst follows.
      const interval = 1000 / this.stepsPerSecond;
      const now = performance.now();
      const from = Number.isFinite(this.nextStepAt) ? Math.max(this.nextStepAt, now - Math.max(interval, CATCH_UP_MS)) : now;
      this.nextStepAt = from + interval;
    }
  };

  /** A rest or a wait just ended: a fresh slice of work starts now. */
  private rested(): void {
    this.sliceStart = this.lastYield = this.lastRest = performance.now();
  }

  private notify(): void {
    this.changed.resolve();
    this.changed = deferred<void>();
  }
}

function validShare(share: number): number {
  return Number.isFinite(share) && share > 0 ? Math.min(1, share) : 1;
}

function validTurn(turn: number | null | undefined): number | null {
  return typeof turn === 'number' && turn >= 0 && turn < 1 ? turn : null;
}

function validRate(stepsPerSecond: number): number {
  return Number.isFinite(stepsPerSecond) && stepsPerSecond > 0 ? stepsPerSecond : 0;
}

/**
 * Resolves after one macrotask, so queued messages (pause, step) get handled. A MessageChannel
 * rather than setTimeout(0), which browsers clamp to 4 ms once nested.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}
