import { useEffect, useRef, useState } from 'preact/hooks';
import type { JobScheduler, WorkerLike } from '../../lib/runtime';
import { useJob } from '../widget-kit/useJob';
import type { RequestDraw } from './useDrawClock';

/** A training widget's draw clock ticks this often; with two runs, each redraws 10 times a second. */
export const DRAW_INTERVAL_MS = 50;

/** How often a run's worker sends progress: as often as the run is redrawn. */
const PROGRESS_INTERVAL_MS = 2 * DRAW_INTERVAL_MS;

/**
 * The `next` snapshot of a run with the parts that have not changed since `previous` (the run's
 * snapshot before it) taken from `previous`. Every snapshot arrives as a fresh structured clone, so
 * without this every chart of the run would be drawn again at each report for nothing; with it,
 * what draws a part can skip work by comparing identities. Both snapshots are of the same request
 * (the same settings: runs are deterministic, so the same step of them is the same).
 */
export type KeepUnchanged<S> = (previous: S, next: S) => S;

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
 * no frame draws them all. `keep` (see KeepUnchanged) lets a new snapshot reuse the unchanged parts
 * of the previous one of the same run.
 */
export function useJobRun<P, S>(
  name: string,
  createWorker: () => WorkerLike,
  params: P | null,
  key: string,
  requestDraw: RequestDraw,
  keep?: KeepUnchanged<S>,
): JobRun<P, S> {
  /** The newest snapshot as it arrived (`raw`) and as it is shown, and the key of the request it belongs to. */
  const latest = useRef<{ key: string | undefined; raw: S | undefined; snapshot: S | undefined }>({ key: undefined, raw: undefined, snapshot: undefined });
  const [shown, setShown] = useState<S>();
  const show = (): void => requestDraw(name, () => setShown(latest.current.snapshot));
  /** Makes `raw`, of the scheduler's newest request, the latest, sharing what it can with the previous one of that request. */
  const take = (raw: S | undefined): void => {
    const runKey = job.scheduler.state.key;
    const last = latest.current;
    if (last.key === runKey && last.raw === raw) return;
    const previous = last.key === runKey ? last.snapshot : undefined;
    latest.current = { key: runKey, raw, snapshot: raw !== undefined && previous !== undefined && keep ? keep(previous, raw) : raw };
    show();
  };
  const job = useJob<P, S, S>(createWorker, 'run-pair', {
    // No point in receiving snapshots faster than the view draws them.
    progressIntervalMs: PROGRESS_INTERVAL_MS,
    request: params === null ? null : { params, key },
    onProgress: take,
  });

  // A restart clears the run (nothing until its first snapshot); the end brings the final one. The
  // scheduler's state as it is now, not as rendered: effects run after the frame, and a snapshot
  // that arrived since must not be replaced by the older state's.
  useEffect(() => {
    const now = job.scheduler.state;
    take(now.key === job.key ? (now.result ?? now.progress) : undefined);
  }, [job.state]);

  return {
    snapshot: shown,
    error: job.error ? `${job.error.name}: ${job.error.message}` : undefined,
    scheduler: job.scheduler,
    reset: job.retry,
  };
}
