import { deferred } from './deferred';
import type { JobContext } from './job';

/** How long a running job may go without yielding to the event loop, in milliseconds. */
export const YIELD_EVERY_MS = 5;

/** A job's pause state; sent with the job, so a job paused while queued starts paused. */
export interface ControlState {
  paused: boolean;
  steps: number;
}

/**
 * The pause/step/cancel state of one running job and the `checkpoint()` that obeys it. Used by
 * `runJob` in-process and by `exposeJobs` inside the worker, so both behave the same.
 */
export class JobControl {
  private readonly controller = new AbortController();
  private paused: boolean;
  private stepsAllowed: number;
  private lastYield = performance.now();
  private changed = deferred<void>();

  /** Creates the control, running unless told otherwise. */
  constructor(initial: ControlState = { paused: false, steps: 0 }) {
    this.paused = initial.paused;
    this.stepsAllowed = initial.steps;
  }

  /** Whether checkpoints wait, and how many steps they may still let through. */
  get state(): ControlState {
    return { paused: this.paused, steps: this.stepsAllowed };
  }

  /** Aborted by `cancel()`. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The context a job receives: this control's signal and checkpoint, and the given emitters. */
  context<E>(emit: (progress: E) => void, emitLazily: (make: () => E) => void): JobContext<E> {
    return { signal: this.controller.signal, emit, emitLazily, checkpoint: this.checkpoint };
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

  /** Pauses, and lets exactly one more `checkpoint()` through per call. */
  step(): void {
    this.paused = true;
    this.stepsAllowed += 1;
    this.notify();
  }

  /** Aborts the signal; waiting and future checkpoints throw an `AbortError`. */
  cancel(): void {
    this.controller.abort();
    this.notify();
  }

  /** The cooperative pause point a job awaits between steps (see `JobContext.checkpoint`). */
  readonly checkpoint = async (): Promise<void> => {
    const { signal } = this.controller;
    signal.throwIfAborted();
    if (!this.paused && performance.now() - this.lastYield >= YIELD_EVERY_MS) {
      await yieldToEventLoop();
      this.lastYield = performance.now();
      signal.throwIfAborted();
    }
    if (!this.paused) return;
    while (this.paused && this.stepsAllowed === 0) {
      await this.changed.promise;
      signal.throwIfAborted();
    }
    if (this.paused) this.stepsAllowed -= 1;
    this.lastYield = performance.now();
  };

  private notify(): void {
    this.changed.resolve();
    this.changed = deferred<void>();
  }
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
