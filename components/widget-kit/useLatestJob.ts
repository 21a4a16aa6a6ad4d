import { useEffect, useRef, useState } from 'preact/hooks';
import { JobCancelledError, JobRunner, type WorkerLike } from '../../lib/runtime';

/** The state of a computation that runs in a worker whenever its inputs change. */
export interface LatestJob<R> {
  /** The latest result, kept while a newer one is being computed. */
  result: R | undefined;
  /** The error of the latest run, if it failed. */
  error: Error | undefined;
  /** Whether a run is in progress. */
  busy: boolean;
  /** Runs the latest request again (after an error). */
  retry(): void;
}

/**
 * Runs a short job in a worker for the latest `request`, the way a chart recomputes when a slider
 * moves. While one run is busy, newer requests replace each other and only the last one runs
 * next, so dragging a slider never builds a queue. The worker is created on first use and
 * terminated on unmount. `key` identifies a request (equal keys are not recomputed).
 */
export function useLatestJob<P, R>(createWorker: () => WorkerLike, request: P, key: string): LatestJob<R> {
  const runner = useRef<JobRunner<P, never, R>>();
  const pending = useRef<{ request: P; key: string }>();
  const running = useRef(false);
  const [state, setState] = useState<{ result: R | undefined; error: Error | undefined; busy: boolean }>({
    result: undefined,
    error: undefined,
    busy: true,
  });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    return () => runner.current?.dispose();
  }, []);

  useEffect(() => {
    pending.current = { request, key };
    const drain = (): void => {
      const next = pending.current;
      if (running.current || !next) return;
      pending.current = undefined;
      running.current = true;
      runner.current ??= new JobRunner<P, never, R>(createWorker);
      setState((s) => ({ ...s, busy: true }));
      runner.current.start(next.request).result.then(
        (result) => {
          running.current = false;
          setState({ result, error: undefined, busy: pending.current !== undefined });
          drain();
        },
        (error: unknown) => {
          running.current = false;
          if (error instanceof JobCancelledError) return;
          setState((s) => ({ ...s, error: error instanceof Error ? error : new Error(String(error)), busy: false }));
          drain();
        },
      );
    };
    drain();
    // createWorker is a stable factory by contract; only the request's key matters.
  }, [key, attempt]);

  return { ...state, retry: () => setAttempt((a) => a + 1) };
}
