import { useEffect, useRef, useState } from 'preact/hooks';
import { JobCancelledError, type JobHandle, JobRunner } from '../../lib/workers';
import type { ForwardOutcome, ForwardRequest } from './forward.job';

/** The forward pass for the current setting: its outcome once known, and whether one is running. */
export interface ForwardPass {
  /** The outcome for `key`, or undefined while it runs or when it was not run. */
  outcome: ForwardOutcome | undefined;
  /** The worker failed (not the RNN: the engine's own errors are part of the outcome). */
  error: Error | undefined;
  busy: boolean;
}

function createForwardWorker(): Worker {
  return new Worker(new URL('./forward.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Runs the engine's forward pass in a worker whenever `key` changes, cancelling (terminating) a
 * pass still running for an older setting, since a large one can take seconds. `request`
 * undefined means do not run.
 */
export function useForwardPass(request: ForwardRequest | undefined, key: string): ForwardPass {
  const runner = useRef<JobRunner<ForwardRequest, never, ForwardOutcome>>();
  const running = useRef<JobHandle<ForwardOutcome>>();
  const [state, setState] = useState<ForwardPass>({ outcome: undefined, error: undefined, busy: request !== undefined });

  useEffect(() => () => runner.current?.dispose(), []);

  useEffect(() => {
    running.current?.cancel();
    running.current = undefined;
    if (request === undefined) {
      setState({ outcome: undefined, error: undefined, busy: false });
      return;
    }
    runner.current ??= new JobRunner<ForwardRequest, never, ForwardOutcome>(createForwardWorker);
    const handle = runner.current.start(request);
    running.current = handle;
    setState({ outcome: undefined, error: undefined, busy: true });
    handle.result.then(
      (outcome) => {
        if (running.current === handle) setState({ outcome, error: undefined, busy: false });
      },
      (error: unknown) => {
        if (error instanceof JobCancelledError || running.current !== handle) return;
        setState({ outcome: undefined, error: error instanceof Error ? error : new Error(String(error)), busy: false });
      },
    );
    // The request is described completely by its key.
  }, [key]);

  return state;
}
