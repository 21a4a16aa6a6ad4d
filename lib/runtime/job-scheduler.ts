import { type Deferred, deferred } from './deferred';
import { JobCancelledError } from './errors';
import type { JobHandle } from './job';
import { JobRunner } from './job-runner';
import type { PoolOptions } from './worker-pool';
import type { WorkerLike } from './worker-slot';

/**
 * What happens to a request when a newer one arrives, and how it starts:
 *
 * - `latest-wins`: once running it runs to the end, but its result is never shown as the newer
 *   request's; while waiting it is dropped, so only the newest runs next and no queue builds
 *   while a slider moves (short jobs).
 * - `queue`: nothing: every request runs, one after another in the order asked (each resolves its
 *   own promise; the state shows the newest).
 * - `cancel-previous`: a newer request cancels it at once, terminating its worker (long jobs, and
 *   jobs whose result is only worth having for the newest input).
 * - `run-pair`: as `cancel-previous`, and it starts paused at its first checkpoint: the view
 *   drives it with `resume`, `pause`, `advance(n)` and `setRate`, and `Lockstep` keeps two such
 *   runs in step (the training widgets' side-by-side runs).
 *
 * Any request may also wait `settleMs` of quiet before it starts (typing "128" starts one job).
 */
export type JobPolicy = 'latest-wins' | 'queue' | 'cancel-previous' | 'run-pair';

/** Where the newest request is: none, waiting (to settle, or behind a running job), running, or ended. */
export type JobPhase = 'idle' | 'waiting' | 'running' | 'done' | 'failed';

/** What a view shows of a scheduler; a new object after every change. */
export interface JobState<E, R> {
  /** The newest request's key, or undefined when none is wanted. */
  readonly key: string | undefined;
  readonly phase: JobPhase;
  /** The latest progress of the newest request's job (kept after it ends). */
  readonly progress: E | undefined;
  /** The newest request's result: never an older request's. */
  readonly result: R | undefined;
  /** The newest request's error (not a cancellation). */
  readonly error: Error | undefined;
  /** The last result any request produced, and its key: what a view keeps while the next computes. */
  readonly last: { readonly key: string; readonly result: R } | undefined;
}

/** Options of one request; the scheduler's own apply where they are left out. */
export interface RequestOptions {
  policy?: JobPolicy;
  /** Wait this long after the latest request before starting (a newer request restarts the wait). */
  settleMs?: number;
}

/** Options for a `JobScheduler`. */
export interface SchedulerOptions extends Omit<PoolOptions, 'size'>, RequestOptions {
  /** Deliver progress at most this often, in milliseconds (see `StartOptions.progressIntervalMs`). */
  progressIntervalMs?: number;
}

/** What changed: the state (phase, result, error, key), or only the progress. */
export type SchedulerChange = 'state' | 'progress';

interface Entry<P, R> {
  readonly params: P;
  readonly key: string;
  readonly policy: JobPolicy;
  readonly settleMs: number;
  readonly done: Deferred<R>;
  /** Its settle time has passed: it may start as soon as no job runs. */
  ready: boolean;
  /** The timer of its settle time, while it runs. */
  timer: ReturnType<typeof setTimeout> | undefined;
  status: 'pending' | 'running' | 'done' | 'failed' | 'cancelled';
  /** Steps advanced before it started (Step pressed while it waited): let through as it starts. */
  stepsBeforeStart: number;
  value?: R;
  error?: Error;
}

/**
 * Runs a view's requests in one worker under a named policy (see `JobPolicy`), and keeps the state
 * the view shows: stale results are never reported as the newest request's, a superseded request
 * never starts, and a worker that failed is replaced on the next request or `retry()`. DOM-free:
 * `useJob` (components/widget-kit) wires it to a Preact component; tests drive it with fake
 * workers and fake timers.
 */
export class JobScheduler<P, E, R> {
  private readonly runner: JobRunner<P, E, R>;
  private readonly listeners = new Set<(change: SchedulerChange) => void>();
  private newest: Entry<P, R> | undefined;
  /** Requests waiting to start, oldest first. */
  private readonly waiting: Entry<P, R>[] = [];
  private running: { entry: Entry<P, R>; handle: JobHandle<R> } | undefined;
  private progress: E | undefined;
  private last: JobState<E, R>['last'];
  private rate = 0;
  private asked = 0;
  private disposed = false;
  private snapshot: JobState<E, R>;

  /** Creates the scheduler; the worker is spawned on the first request, not before. */
  constructor(
    createWorker: () => WorkerLike,
    private readonly options: SchedulerOptions = {},
  ) {
    const pool: Omit<PoolOptions, 'size'> = {};
    if (options.job !== undefined) pool.job = options.job;
    if (options.budget !== undefined) pool.budget = options.budget;
    this.runner = new JobRunner<P, E, R>(createWorker, pool);
    this.snapshot = this.build();
  }

  /** The state as of the last change. */
  get state(): JobState<E, R> {
    return this.snapshot;
  }

  /** Steps asked of the running job with `advance()` since it started (of the newest request, while it waits to start). */
  get stepsAsked(): number {
    return this.newest?.status === 'pending' ? this.newest.stepsBeforeStart : this.asked;
  }

  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: (change: SchedulerChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Asks for the job's result for `params`, identified by `key`. A request whose key is the newest
   * request's (or the running job's) starts nothing new. Otherwise it becomes the newest request
   * and is scheduled by its policy. Resolves with its result; rejects with its error, or with a
   * `JobCancelledError` when a newer request superseded it.
   */
  request(params: P, key: string, options: RequestOptions = {}): Promise<R> {
    if (this.disposed) return Promise.reject(new JobCancelledError(`request '${key}' after dispose()`));
    if (this.newest?.key === key) return this.newest.done.promise;
    const running = this.running?.entry;
    if (running?.key === key && running.status === 'running') {
      this.supersedeWaiting();
      this.newest = running;
      this.changed('state');
      return running.done.promise;
    }
    return this.submit(params, key, options);
  }

  /** Runs the newest request again (after a failure; for a `run-pair` run, from the start). */
  retry(): void {
    const newest = this.newest;
    if (newest === undefined || this.disposed) return;
    void this.submit(newest.params, newest.key, { policy: newest.policy, settleMs: 0 });
  }

  /** Wants nothing now: what a newer request would supersede is dropped or cancelled (see `JobPolicy`). */
  clear(): void {
    this.supersede();
    if (this.newest === undefined) return;
    this.newest = undefined;
    this.progress = undefined;
    this.changed('state');
  }

  /** Pauses the newest request's job at its next checkpoint. */
  pause(): void {
    this.current()?.pause();
  }

  /** Lets the newest request's job run freely. */
  resume(): void {
    this.current()?.resume();
  }

  /** Pauses the newest request's job and lets `steps` more checkpoints through (as it starts, if it has not yet). */
  advance(steps: number): void {
    if (steps <= 0) return;
    const handle = this.current();
    if (handle !== undefined) {
      handle.step(steps);
      this.asked += steps;
    } else if (this.newest?.status === 'pending') this.newest.stepsBeforeStart += steps;
  }

  /** At most this many checkpoints a second (0: no limit), for the running job and later ones. */
  setRate(stepsPerSecond: number): void {
    if (stepsPerSecond === this.rate) return;
    this.rate = stepsPerSecond;
    this.running?.handle.setRate(stepsPerSecond);
  }

  /** Cancels everything and terminates the worker; the scheduler reports nothing more. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const entry of [...this.waiting]) this.drop(entry);
    this.runner.dispose();
    this.listeners.clear();
  }

  private submit(params: P, key: string, options: RequestOptions): Promise<R> {
    const entry: Entry<P, R> = {
      params,
      key,
      policy: options.policy ?? this.options.policy ?? 'latest-wins',
      settleMs: options.settleMs ?? this.options.settleMs ?? 0,
      done: deferred<R>(),
      ready: false,
      timer: undefined,
      status: 'pending',
      stepsBeforeStart: 0,
    };
    entry.done.promise.catch(() => {}); // a view that ignores the promise reads the state instead
    this.supersede();
    this.newest = entry;
    this.waiting.push(entry);
    this.progress = undefined;
    if (entry.settleMs > 0) {
      entry.timer = setTimeout(() => {
        entry.timer = undefined;
        entry.ready = true;
        this.startPending();
      }, entry.settleMs);
    } else entry.ready = true;
    this.startPending();
    this.changed('state');
    return entry.done.promise;
  }

  /** Starts the oldest waiting request if it has settled and no job runs. */
  private startPending(): void {
    const entry = this.waiting[0];
    if (this.running !== undefined || entry === undefined || !entry.ready || this.disposed) return;
    this.waiting.shift();
    entry.status = 'running';
    this.asked = entry.stepsBeforeStart;
    const startOptions = {
      paused: entry.policy === 'run-pair',
      stepsPerSecond: this.rate,
      onProgress: (progress: E) => {
        if (this.newest !== entry || this.disposed) return;
        this.progress = progress;
        this.changed('progress');
      },
      ...(this.options.progressIntervalMs === undefined ? {} : { progressIntervalMs: this.options.progressIntervalMs }),
    };
    const handle = this.runner.start(entry.params, startOptions);
    this.running = { entry, handle };
    if (entry.stepsBeforeStart > 0) handle.step(entry.stepsBeforeStart);
    handle.result.then(
      (value) => this.ended(entry, () => {
        entry.status = 'done';
        entry.value = value;
        this.last = { key: entry.key, result: value };
        entry.done.resolve(value);
      }),
      (error: unknown) => this.ended(entry, () => {
        if (error instanceof JobCancelledError) entry.status = 'cancelled';
        else {
          entry.status = 'failed';
          entry.error = error instanceof Error ? error : new Error(String(error));
        }
        entry.done.reject(entry.error ?? error);
      }),
    );
  }

  /** The job of `entry` ended (`record` says how); the next request may start. */
  private ended(entry: Entry<P, R>, record: () => void): void {
    if (this.running?.entry === entry) this.running = undefined;
    record();
    if (this.disposed) return;
    this.startPending();
    this.changed('state');
  }

  /** What a newer request (or `clear()`) does to the requests before it: see `JobPolicy`. */
  private supersede(): void {
    this.supersedeWaiting();
    const running = this.running;
    if (running === undefined || running.entry.policy === 'latest-wins' || running.entry.policy === 'queue') return;
    this.running = undefined;
    running.handle.cancel();
  }

  /** Drops every waiting request but those queued (`queue`). */
  private supersedeWaiting(): void {
    for (const entry of this.waiting.filter((e) => e.policy !== 'queue')) this.drop(entry);
  }

  /** Rejects a request that will never start, superseded by a newer one. */
  private drop(entry: Entry<P, R>): void {
    const at = this.waiting.indexOf(entry);
    if (at >= 0) this.waiting.splice(at, 1);
    clearTimeout(entry.timer);
    entry.timer = undefined;
    entry.status = 'cancelled';
    entry.done.reject(new JobCancelledError(`request '${entry.key}' (superseded)`));
  }

  /** The running job's handle, if it is the newest request's. */
  private current(): JobHandle<R> | undefined {
    return this.running?.entry === this.newest ? this.running?.handle : undefined;
  }

  private changed(change: SchedulerChange): void {
    this.snapshot = this.build();
    for (const listener of this.listeners) listener(change);
  }

  private build(): JobState<E, R> {
    const newest = this.newest;
    return {
      key: newest?.key,
      phase: phaseOf(newest),
      progress: this.progress,
      result: newest?.status === 'done' ? newest.value : undefined,
      error: newest?.status === 'failed' ? newest.error : undefined,
      last: this.last,
    };
  }
}

function phaseOf(entry: Entry<unknown, unknown> | undefined): JobPhase {
  const status = entry?.status ?? 'cancelled';
  if (status === 'cancelled') return 'idle';
  return status === 'pending' ? 'waiting' : status;
}
