import { useEffect, useRef } from 'preact/hooks';
import { JobCancelledError, WorkerPool, type JobHandle, type PoolOptions, type WorkerLike } from '../../lib/runtime';

/** What a batch reports. Called only while the batch is the hook's current one (never after a new start, a cancel or an unmount). */
export interface BatchCallbacks<E, R> {
  /** Progress of job `index` (the batch's params[index]). */
  onProgress?(index: number, progress: E): void;
  /** Job `index` finished with `result`. */
  onResult(index: number, result: R): void;
  /** Job `index` failed (a cancelled job is not reported). */
  onError(index: number, error: unknown): void;
  /** Every job of the batch has finished or failed. */
  onDone?(): void;
}

/** How a batch's jobs start. */
export interface BatchStartOptions {
  /** Start every job paused (resume() lets them run). */
  readonly paused?: boolean;
  /** Deliver each job's progress at most this often, in milliseconds. */
  readonly progressIntervalMs?: number;
}

/** A pool of workers running one batch of jobs at a time, for a view (jobs take P, report E, return R). */
export interface JobBatch<P, E, R> {
  /** Cancels the current batch and starts one job per params on the pool (spawned on first use), queued beyond its size. */
  start(params: readonly P[], callbacks: BatchCallbacks<E, R>, options?: BatchStartOptions): void;
  /** Cancels every job of the current batch; its callbacks are not called again. */
  cancel(): void;
  /** Pauses the current batch's jobs at their next checkpoint. */
  pause(): void;
  /** Lets the current batch's paused jobs run again. */
  resume(): void;
}

/** A job's error as a sentence for the view. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs batches of jobs (seeds, methods, runs of a grid) on a WorkerPool of the view's own: results
 * stream in through the callbacks as jobs end, the batch can be paused, resumed, cancelled or
 * replaced, and a replaced or cancelled batch never reports again. The pool is made on the first
 * start, with `options` (size, CPU budget), and disposed on unmount with every job cancelled.
 */
export function useJobBatch<P, E, R>(createWorker: () => WorkerLike, options: PoolOptions = {}): JobBatch<P, E, R> {
  const pool = useRef<WorkerPool<P, E, R>>();
  const handles = useRef<JobHandle<R>[]>([]);
  // Each batch's number: callbacks of an older batch are dropped.
  const generation = useRef(0);

  const cancel = (): void => {
    generation.current++;
    for (const h of handles.current) h.cancel();
    handles.current = [];
  };
  useEffect(() => () => {
    cancel();
    pool.current?.dispose();
  }, []);

  return {
    start(params, callbacks, { paused = false, progressIntervalMs } = {}) {
      cancel();
      pool.current ??= new WorkerPool<P, E, R>(createWorker, options);
      const batch = generation.current;
      const current = (): boolean => batch === generation.current;
      let remaining = params.length;
      handles.current = params.map((p, index) => {
        const onProgress = callbacks.onProgress;
        const handle = pool.current!.start(p, {
          paused,
          ...(progressIntervalMs === undefined ? {} : { progressIntervalMs }),
          ...(onProgress ? { onProgress: (progress: E) => current() && onProgress(index, progress) } : {}),
        });
        handle.result
          .then(
            (result) => current() && callbacks.onResult(index, result),
            (error: unknown) => current() && !(error instanceof JobCancelledError) && callbacks.onError(index, error),
          )
          .finally(() => {
            if (current() && --remaining === 0) callbacks.onDone?.();
          });
        return handle;
      });
    },
    cancel,
    pause: () => handles.current.forEach((h) => h.pause()),
    resume: () => handles.current.forEach((h) => h.resume()),
  };
}
