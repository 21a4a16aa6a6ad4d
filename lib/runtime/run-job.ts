import { deferred } from './deferred';
import { JobCancelledError } from './errors';
import type { Job, JobHandle, StartOptions } from './job';
import { JobControl } from './job-control';
import { launchJob } from './launch-job';

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
  const control = new JobControl({ paused: options.paused ?? false, stepsPerSecond: options.stepsPerSecond ?? 0 });
  const { onProgress } = options;
  const { promise: result, resolve, reject } = deferred<R>();
  const launched = launchJob(
    job,
    params,
    control,
    (value) => onProgress?.(value),
    (outcome) => (outcome.ok ? resolve(outcome.value) : reject(outcome.error)),
    options.progressIntervalMs,
  );
  return {
    result,
    pause: () => control.pause(),
    resume: () => control.resume(),
    step: (count = 1) => control.step(count),
    setRate: (stepsPerSecond) => control.apply({ kind: 'rate', stepsPerSecond }),
    cancel: () => {
      result.catch(() => {}); // the caller asked for this rejection: not an unhandled one
      launched.stop();
      control.cancel();
      reject(new JobCancelledError('job')); // a no-op once the job has settled
    },
  };
}
