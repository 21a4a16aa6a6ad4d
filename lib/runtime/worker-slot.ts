/**
 * The page side of the bridge: one worker, spawned lazily, running one job at a time.
 *
 * Why a hand-written protocol rather than Comlink: what this runtime needs beyond a call is
 * exactly what Comlink leaves out. Comlink does not notice a worker that dies (its promises stay
 * pending forever on an `error` event), needs a proxied callback and a
 * second MessageChannel for progress, and would still need our own coalescing, transfer lists,
 * terminate-and-respawn and pause/step messages around it. The whole protocol is six message
 * kinds (protocol.ts), each handled in one place, and typed end to end without Comlink's
 * `Remote<T>` mapping.
 */
import { JobError, WorkerCrashedError, explained } from './errors';
import type { Outcome } from './launch-job';
import type { ControlState } from './job-control';
import { type ControlAction, type PageMessage, isWorkerMessage } from './protocol';

/** What the page needs of a Worker; a real `Worker` satisfies it, and so does a test double. */
export interface WorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(
    type: 'message' | 'messageerror' | 'error',
    listener: (event: Event) => void,
  ): void;
  terminate(): void;
}

/** Where a slot reports what happens to the job it runs. */
export interface SlotListener {
  /** A progress value arrived (already coalesced by the worker). */
  progress(value: unknown): void;
  /** The job started (true) or stopped (false) waiting at a paused checkpoint. */
  idle(idle: boolean): void;
  /** The job ended; a failed job has already cost the slot its worker. */
  settled(outcome: Outcome<unknown>): void;
}

/** One worker and the job it runs; after any failure or cancel the next job gets a fresh worker. */
export class WorkerSlot {
  private worker: WorkerLike | undefined;
  private current: { id: number; listener: SlotListener } | undefined;

  /** Creates an empty slot; `label` names the job in error messages (`job 'train'`). */
  constructor(
    private readonly createWorker: () => WorkerLike,
    private readonly label: string,
  ) {}

  /** Whether the slot can take a job. */
  get idle(): boolean {
    return this.current === undefined;
  }

  /** Starts job `job` with `params` in this slot's worker, spawning one if needed. */
  run(
    id: number,
    job: string,
    params: unknown,
    control: ControlState,
    progressIntervalMs: number,
    listener: SlotListener,
  ): void {
    const fail = (what: string, error: unknown): void => {
      this.current = undefined;
      listener.settled({ ok: false, error: explained(`${this.label}: ${what}`, error) });
    };
    let worker: WorkerLike;
    try {
      worker = this.worker ?? this.spawn();
    } catch (error) {
      return fail('could not create the worker', error);
    }
    this.current = { id, listener };
    try {
      worker.postMessage({ type: 'start', id, job, params, control, progressIntervalMs } satisfies PageMessage, []);
    } catch (error) {
      // Nothing reached the worker (params that cannot be cloned): it stays usable.
      fail('params could not be sent to the worker', error);
    }
  }

  /** Forwards a control action (pause, step, share, rate…) to job `id`, if it is the one running here. */
  control(id: number, action: ControlAction): void {
    if (this.current?.id === id) this.worker?.postMessage({ type: 'control', id, action }, []);
  }

  /** Terminates the worker at once and forgets the job, without reporting on it. */
  terminate(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.current = undefined;
  }

  private spawn(): WorkerLike {
    const worker = this.createWorker();
    // Events from a worker this slot has since terminated are ignored.
    const mine = (handle: (event: Event) => void) => (event: Event) => {
      if (worker === this.worker) handle(event);
    };
    worker.addEventListener(
      'message',
      mine((event) => this.onMessage(event)),
    );
    worker.addEventListener(
      'messageerror',
      mine(() =>
        this.fail(
          new WorkerCrashedError(
            `${this.label}: the page could not read a message from the worker (messageerror)`,
          ),
        ),
      ),
    );
    worker.addEventListener(
      'error',
      mine((event) => {
        event.preventDefault(); // reported through the job's promise instead
        this.fail(
          new WorkerCrashedError(`${this.label}: the worker crashed: ${describeErrorEvent(event)}`),
        );
      }),
    );
    this.worker = worker;
    return worker;
  }

  private onMessage(event: Event): void {
    const message: unknown = 'data' in event ? event.data : undefined;
    const current = this.current;
    if (!isWorkerMessage(message) || current === undefined) return;
    if (message.id !== current.id && !(message.type === 'error' && message.id === null)) return;
    if (message.type === 'progress') return current.listener.progress(message.value);
    if (message.type === 'idle') return current.listener.idle(message.idle);
    if (message.type === 'result') {
      this.current = undefined;
      return current.listener.settled({ ok: true, value: message.value });
    }
    this.fail(new JobError(message.error));
  }

  /** Ends the current job (if any) with `error` and drops the worker: its state is suspect. */
  private fail(error: Error): void {
    const current = this.current;
    this.terminate();
    current?.listener.settled({ ok: false, error });
  }
}

/** An ErrorEvent's message and place, or a hint when a worker died without one (a failed load). */
function describeErrorEvent(event: Event): string {
  // A real ErrorEvent carries these; a load failure fires a plain Event without them.
  const message: unknown = Reflect.get(event, 'message');
  const filename: unknown = Reflect.get(event, 'filename');
  const line: unknown = Reflect.get(event, 'lineno');
  if (typeof message !== 'string' || message === '') {
    return 'no message (did the worker script fail to load? see the browser console)';
  }
  return typeof filename === 'string' && filename !== ''
    ? `${message} (${filename}:${String(line)})`
    : message;
}
