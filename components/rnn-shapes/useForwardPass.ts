import { useEffect, useRef, useState } from 'preact/hooks';
import { JobCancelledError, type JobHandle, JobRunner } from '../../lib/runtime';
import type { ForwardOutcome, ForwardRequest } from '../../lib/course/rnn-shapes';

/** The forward pass for the current setting: its outcome once known, and whether one is on its way. */
export interface ForwardPass {
  /** The outcome for the current key, or undefined while it runs or when it is not run. */
  outcome: ForwardOutcome | undefined;
  /** The worker failed (not the RNN: the engine's own errors are part of the outcome). */
  error: Error | undefined;
  busy: boolean;
}

interface Queued {
  request: ForwardRequest;
  key: string;
  /** A long pass: cancelled (its worker terminated) when the setting changes. */
  cancellable: boolean;
}

function createForwardWorker(): Worker {
  return new Worker(new URL('./forward.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Runs the engine's forward pass in a worker for the latest setting. A short pass in progress is
 * let finish and only the newest setting waits behind it (no queue builds up while a slider
 * moves); a long one (`cancellable`) is cancelled at once, which terminates its worker. `request`
 * undefined means do not run; `key` identifies the request.
 */
export function useForwardPass(request: ForwardRequest | undefined, key: string, cancellable: boolean): ForwardPass {
  const runner = useRef<JobRunner<ForwardRequest, never, ForwardOutcome>>();
  const running = useRef<Queued & { handle: JobHandle<ForwardOutcome> }>();
  const waiting = useRef<Queued>();
  const [done, setDone] = useState<{ key: string; outcome?: ForwardOutcome; error?: Error }>();

  useEffect(() => () => runner.current?.dispose(), []);

  const start = (job: Queued): void => {
    runner.current ??= new JobRunner<ForwardRequest, never, ForwardOutcome>(createForwardWorker);
    const handle = runner.current.start(job.request);
    running.current = { ...job, handle };
    const next = (): void => {
      running.current = undefined;
      const queued = waiting.current;
      waiting.current = undefined;
      if (queued) start(queued);
    };
    handle.result.then(
      (outcome) => {
        next();
        setDone({ key: job.key, outcome });
      },
      (error: unknown) => {
        next();
        if (!(error instanceof JobCancelledError)) setDone({ key: job.key, error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
  };

  useEffect(() => {
    const current = running.current;
    waiting.current = undefined;
    if (current?.key === key) return;
    if (current?.cancellable) current.handle.cancel();
    if (request === undefined) return;
    const job = { request, key, cancellable };
    if (current) waiting.current = job;
    else start(job);
    // The request is described completely by its key.
  }, [key, request === undefined]);

  const mine = done?.key === key ? done : undefined;
  return { outcome: mine?.outcome, error: mine?.error, busy: request !== undefined && mine === undefined };
}
