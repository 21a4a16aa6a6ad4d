import { type BudgetLease, type CpuBudget, hardwareConcurrency, pageBudget } from './cpu-budget';
import { PROGRESS_INTERVAL_MS } from './progress-coalescer';
import { JobCancelledError } from './errors';
import { type Deferred, deferred } from './deferred';
import { DEFAULT_JOB } from './expose-job';
import type { JobHandle, StartOptions } from './job';
import { JobControl } from './job-control';
import type { Outcome } from './launch-job';
import type { ControlAction } from './protocol';
import { type WorkerLike, WorkerSlot } from './worker-slot';

/** Options for a `WorkerPool`. */
export interface PoolOptions {
  /** How many workers at most; defaults to `defaultPoolSize()`. */
  size?: number;
  /** The registry name of the job to run (`exposeJobs`); defaults to the one `exposeJob` serves. */
  job?: string;
  /**
   * The CPU budget the pool's running jobs share with every other job on the page; defaults to
   * `pageBudget()`. `null` leaves the jobs unpaced (each may use a whole core).
   */
  budget?: CpuBudget | null;
}

/**
 * How long a job waits at a paused checkpoint before it gives its share of the cores back, in ms.
 * Runs kept in lockstep wait briefly for their next steps many times a second; were each wait to
 * give the other run a whole core and take it back, their turns (turns.ts) would be reset each time.
 */
export const IDLE_GRACE_MS = 250;

/** One worker per core except the one the page keeps (hardwareConcurrency - 1), at least 1. */
export function defaultPoolSize(): number {
  return Math.max(1, hardwareConcurrency() - 1);
}

/** A started job as the pool tracks it. */
interface Task<E, R> {
  readonly id: number;
  readonly params: unknown;
  /** Holds pause/step/pace requests made while queued; the worker gets its state at start. */
  readonly control: JobControl;
  /** Its place in the CPU budget while it runs. */
  lease: BudgetLease | undefined;
  /** Set while it waits, until it gives its share back (IDLE_GRACE_MS). */
  idleTimer: ReturnType<typeof setTimeout> | undefined;
  readonly onProgress: ((progress: E) => void) | undefined;
  readonly progressIntervalMs: number;
  state: 'queued' | 'running' | 'settled';
  slot: WorkerSlot | undefined;
  /** Settled with the job's outcome. */
  readonly done: Deferred<R>;
}

/**
 * Runs jobs in parallel on up to `size` workers, each spawned when first needed; further jobs
 * wait in a first-in first-out queue. Cancelling a queued job removes it; cancelling a running one
 * terminates its worker, and the next job gets a fresh one.
 */
export class WorkerPool<P, E, R> {
  /** The most workers this pool runs at once. */
  readonly size: number;
  private readonly job: string;
  private readonly label: string;
  private readonly budget: CpuBudget | null;
  private readonly slots: WorkerSlot[];
  private readonly queue: Task<E, R>[] = [];
  private readonly running = new Set<Task<E, R>>();
  private nextId = 1;

  /** Creates the pool; `createWorker` is called lazily, e.g. `() => new Worker(new URL(...))`. */
  constructor(createWorker: () => WorkerLike, options: PoolOptions = {}) {
    this.size = options.size ?? defaultPoolSize();
    if (!Number.isInteger(this.size) || this.size < 1) {
      throw new RangeError(`WorkerPool: expected size to be a positive integer, got ${this.size}`);
    }
    this.job = options.job ?? DEFAULT_JOB;
    this.budget = options.budget === undefined ? pageBudget() : options.budget;
    this.label = `job '${this.job}'`;
    this.slots = Array.from({ length: this.size }, () => new WorkerSlot(createWorker, this.label));
  }

  /** How many started jobs wait for a free worker. */
  get queued(): number {
    return this.queue.length;
  }

  /** Queues a job with these params; it starts as soon as a worker is free. */
  start(params: P, options: StartOptions<E> = {}): JobHandle<R> {
    const started: Task<E, R> = {
      id: this.nextId++,
      params,
      control: new JobControl({ paused: options.paused ?? false, stepsPerSecond: options.stepsPerSecond ?? 0 }),
      lease: undefined,
      idleTimer: undefined,
      onProgress: options.onProgress,
      progressIntervalMs: options.progressIntervalMs ?? PROGRESS_INTERVAL_MS,
      state: 'queued',
      slot: undefined,
      done: deferred<R>(),
    };
    this.queue.push(started);
    this.dispatch();
    const forward = (action: ControlAction): void => {
      if (started.state === 'settled') return;
      started.control.apply(action);
      started.slot?.control(started.id, action);
    };
    return {
      result: started.done.promise,
      pause: () => forward({ kind: 'pause' }),
      resume: () => forward({ kind: 'resume' }),
      step: (count = 1) => forward({ kind: 'step', count }),
      setRate: (stepsPerSecond) => forward({ kind: 'rate', stepsPerSecond }),
      cancel: () => this.cancel(started),
    };
  }

  /** Cancels every queued and running job and terminates all workers; later jobs spawn anew. */
  dispose(): void {
    // Queued jobs first, so cancelling a running one does not start them.
    for (const task of [...this.queue, ...this.running]) this.cancel(task);
    for (const slot of this.slots) slot.terminate();
  }

  /** Rejects the job with a JobCancelledError, dropping it from the queue or killing its worker. */
  private cancel(task: Task<E, R>): void {
    if (task.state === 'settled') return;
    task.done.promise.catch(() => {}); // the caller asked for this rejection: not an unhandled one
    if (task.state === 'queued') this.queue.splice(this.queue.indexOf(task), 1);
    task.slot?.terminate();
    this.settle(task, { ok: false, error: new JobCancelledError(`${this.label} #${task.id}`) });
  }

  private settle(task: Task<E, R>, outcome: Outcome<unknown>): void {
    if (task.state === 'settled') return;
    task.state = 'settled';
    this.running.delete(task);
    clearTimeout(task.idleTimer);
    task.lease?.release();
    // The cast is the trust boundary: the worker runs the job this pool's R was declared for.
    if (outcome.ok) task.done.resolve(outcome.value as R);
    else task.done.reject(outcome.error);
    this.dispatch();
  }

  /** A job waits (or computes again): it leaves the budget's split after IDLE_GRACE_MS of waiting. */
  private setIdle(task: Task<E, R>, idle: boolean): void {
    clearTimeout(task.idleTimer);
    task.idleTimer = undefined;
    if (idle) task.idleTimer = setTimeout(() => task.lease?.setActive(false), IDLE_GRACE_MS);
    else task.lease?.setActive(true);
  }

  /** Moves queued jobs onto idle slots, first come first served. */
  private dispatch(): void {
    for (;;) {
      const slot = this.slots.find((candidate) => candidate.idle);
      const task = this.queue[0];
      if (slot === undefined || task === undefined) return;
      this.queue.shift();
      task.state = 'running';
      task.slot = slot;
      this.running.add(task);
      // A change of share or turn reaches the running job as a control message; it paces itself with it.
      task.lease = this.budget?.join(({ share, turn }) => {
        task.control.apply({ kind: 'share', share, turn });
        slot.control(task.id, { kind: 'share', share, turn });
      });
      if (task.lease) task.control.apply({ kind: 'share', share: task.lease.share, turn: task.lease.turn });
      slot.run(task.id, this.job, task.params, task.control.state, task.progressIntervalMs, {
        progress: (value) => task.onProgress?.(value as E),
        idle: (idle) => this.setIdle(task, idle),
        settled: (outcome) => this.settle(task, outcome),
      });
    }
  }
}
