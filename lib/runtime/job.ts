/**
 * The contract between a widget's training code and the runtime that runs it. A job is a plain,
 * DOM-free async function; the same function runs in a Web Worker (`exposeJob`, `JobRunner`,
 * `WorkerPool`) and in-process for tests (`runJob`).
 */

/** What a job receives besides its params: cancellation, progress and a place to pause. */
export interface JobContext<E> {
  /** Aborted when the job is cancelled (in-process; a worker is simply terminated). */
  readonly signal: AbortSignal;
  /**
   * Reports progress. Hands the value over: do not mutate it afterwards, since it is sent later
   * (coalesced) and typed arrays whose buffer is over 256 KiB are transferred, which detaches them.
   */
  emit(progress: E): void;
  /**
   * Reports progress built on demand: `make` runs only when a value is about to be delivered (at
   * most about 60 times a second, and once more before the result), so a job may call this after
   * every step without paying for a snapshot each time. `make` sees the job's state at delivery.
   */
  emitLazily(make: () => E): void;
  /**
   * Await between steps: resolves at once while running (yielding to the event loop every few
   * milliseconds), waits while paused, lets one step through per `step()`, keeps the job within
   * its share of a core and its steps per second (see `rest`), and throws an `AbortError` once
   * cancelled.
   */
  checkpoint(): Promise<void>;
  /**
   * Await between parts of work that are not steps (setting up): sleeps as long as needed to keep
   * the job within the share of a core the page's CPU budget gives it, yields to the event loop
   * every few milliseconds, and throws an `AbortError` once cancelled; it does not wait while
   * paused, nor count as a step.
   */
  rest(): Promise<void>;
}

/** A DOM-free async function from params to result that reports progress of type E. */
export type Job<P, E, R> = (params: P, ctx: JobContext<E>) => Promise<R>;

/** Controls for one started job; every method is a no-op once the job has settled. */
export interface JobHandle<R> {
  /** Settles with the job's result, its error, or a `JobCancelledError`. */
  readonly result: Promise<R>;
  /** Stops the job at its next `checkpoint()`. */
  pause(): void;
  /** Lets a paused job run freely again. */
  resume(): void;
  /** Pauses the job if it runs and lets exactly `count` (default 1) more `checkpoint()`s through. */
  step(count?: number): void;
  /** Lets the job pass at most this many checkpoints a second (0: no limit), paced in the worker. */
  setRate(stepsPerSecond: number): void;
  /** Stops the job for good; `result` rejects with a `JobCancelledError`. */
  cancel(): void;
}

/** Options for starting a job, in-process or in a worker. */
export interface StartOptions<E> {
  /** Receives progress at most about 60 times a second, always including the last value. */
  onProgress?: (progress: E) => void;
  /** Start paused: the job waits at its first `checkpoint()` until `resume()` or `step()`. */
  paused?: boolean;
  /**
   * Deliver progress at most this often, in milliseconds (default 17: 60 a second). A view that
   * draws a dozen times a second can ask for less and save the page deserialising the rest.
   */
  progressIntervalMs?: number;
  /** Pass at most this many checkpoints a second (default 0: no limit); see `setRate`. */
  stepsPerSecond?: number;
}
