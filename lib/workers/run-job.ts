import { JobCancelledError } from './errors';
import type { Job, JobHandle, StartOptions } from './job';
import { JobControl } from './job-control';
import { ProgressCoalescer } from './progress-coalescer';

/**
 * Runs a job in this thread (Node, tests) with the same controls and progress coalescing a worker
 * gives. `result` settles with the job's own value or error; `cancel()` rejects it at once with a
 * `JobCancelledError` and aborts the job's signal, which stops it at its next `checkpoint()`.
 */
export function runJob<P, E, R>(
  job: Job<P, E, R>,
  params: P,
  options: StartOptions<E> = {},
): JobHandle<R> {
  const control = new JobControl(options.paused ?? false);
  const { onProgress } = options;
  const progress = new ProgressCoalescer<E>((value) => onProgress?.(value));
  let settled = false;
  let rejectResult: (reason: unknown) => void = () => {};
  /** Runs `settle` unless the job has already settled or been cancelled. */
  const once = (settle: () => void): void => {
    if (settled) return;
    settled = true;
    settle();
  };

  const result = new Promise<R>((resolve, reject) => {
    rejectResult = reject;
    const ctx = control.context((value: E) => progress.push(value));
    // Started from a microtask, so a job that throws before its first await still rejects `result`.
    Promise.resolve()
      .then(() => job(params, ctx))
      .then(
        (value) =>
          once(() => {
            progress.finish();
            resolve(value);
          }),
        (error: unknown) =>
          once(() => {
            progress.finish();
            reject(error);
          }),
      );
  });

  return {
    result,
    pause: () => control.pause(),
    resume: () => control.resume(),
    step: () => control.step(),
    cancel: () =>
      once(() => {
        progress.discard();
        control.cancel();
        result.catch(() => {}); // the caller asked for this rejection: not an unhandled one
        rejectResult(new JobCancelledError('job'));
      }),
  };
}
