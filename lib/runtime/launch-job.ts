import type { Job } from './job';
import type { JobControl } from './job-control';
import { PROGRESS_INTERVAL_MS, ProgressCoalescer } from './progress-coalescer';

/** How a job ended: its value, or what it threw. */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

/** A launched job, seen from the code that launched it. */
export interface Launched {
  /** Drops pending progress and ignores how the job ends; pair it with `control.cancel()`. */
  stop(): void;
}

/**
 * Starts `job` under `control`: progress is coalesced into `onProgress`, the last value flushed
 * before `onSettled`, which is called once unless `stop()` comes first. The common core of
 * `runJob` (in-process) and `exposeJobs` (in the worker).
 */
export function launchJob<P, E, R>(
  job: Job<P, E, R>,
  params: P,
  control: JobControl,
  onProgress: (progress: E) => void,
  onSettled: (outcome: Outcome<R>) => void,
  progressIntervalMs = PROGRESS_INTERVAL_MS,
): Launched {
  const progress = new ProgressCoalescer<E>(onProgress, progressIntervalMs);
  let live = true;
  const settle = (outcome: Outcome<R>): void => {
    if (!live) return;
    progress.flush(); // delivering the last progress may fail and stop() the job
    if (!live) return;
    live = false;
    onSettled(outcome);
  };
  // Started from a microtask, so a job that throws before its first await still settles.
  Promise.resolve()
    .then(() =>
      job(
        params,
        control.context(
          (value: E) => progress.push(value),
          (make: () => E) => progress.pushLazily(make),
        ),
      ),
    )
    .then(
      (value) => settle({ ok: true, value }),
      (error: unknown) => settle({ ok: false, error }),
    );
  return {
    stop: () => {
      live = false;
      progress.discard();
    },
  };
}
