import { useEffect, useRef, useState } from 'preact/hooks';
import type { JobScheduler } from '../../lib/runtime';
import { useJob } from '../widget-kit/useJob';
import type { RequestDraw } from './useDrawClock';

/** A training widget's draw clock ticks this often; with two runs, each redraws 10 times a second. */
export const DRAW_INTERVAL_MS = 50;

/** How often a run's worker sends progress: as often as the run is redrawn. */
const PROGRESS_INTERVAL_MS = 2 * DRAW_INTERVAL_MS;

/** One run of a stepped job (its snapshots of type S) in a worker, as the view drives it. It only ever moves when asked for steps. */
export interface JobRun<P, S> {
  /** The snapshot on screen (the latest, as of this run's last turn to redraw). */
  snapshot: S | undefined;
  /** The worker failed; the message says how. */
  error: string | undefined;
  /** The run's scheduler: `Lockstep` (see useJobPair) asks it for steps. */
  scheduler: JobScheduler<P, S, S>;
  /** Starts the run again from step 0 with the same settings (and so the same numbers). */
  reset(): void;
}

/**
 * Runs `params` in a worker from `createWorker` (`run-pair`: paused at step 0), and starts again
 * whenever `key` (the settings) changes or reset() is called; `null` params start nothing (the data
 * is still loading, say). The run takes exactly the steps it is asked for (see useJobPair, which
 * keeps two runs in step). New snapshots are kept, not drawn at once: `requestDraw` (see
 * useDrawClock) decides when this run's view shows the latest one, so several runs take turns and
 * no frame draws them all.
 */
export function useJobRun<P, S>(name: string, createWorker: () => Worker, params: P | null, key: string, requestDraw: RequestDraw): JobRun<P, S> {
  const latest = useRef<S>();
  const [shown, setShown] = useState<S>();
  const show = (): void => requestDraw(name, () => setShown(latest.current));
  const job = useJob<P, S, S>(createWorker, 'run-pair', {
    // No point in receiving snapshots faster than the view draws them.
    progressIntervalMs: PROGRESS_INTERVAL_MS,
    request: params === null ? null : { params, key },
    onProgress: (snapshot) => {
      latest.current = snapshot;
      show();
    },
  });

  // A restart clears the run (nothing until its first snapshot); the end brings the final one.
  useEffect(() => {
    latest.current = job.result ?? job.progress;
    show();
  }, [job.state]);

  return {
    snapshot: shown,
    error: job.error ? `${job.error.name}: ${job.error.message}` : undefined,
    scheduler: job.scheduler,
    reset: job.retry,
  };
}
