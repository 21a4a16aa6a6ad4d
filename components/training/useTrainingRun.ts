import { useEffect, useRef, useState } from 'preact/hooks';
import type { JobScheduler } from '../../lib/runtime';
import type { TrainParams, TrainSnapshot } from '../../lib/ml/training';
import { useJob } from '../widget-kit/useJob';
import type { RequestDraw } from './useDrawClock';

/** A training widget's draw clock ticks this often; with two runs, each redraws 10 times a second. */
export const DRAW_INTERVAL_MS = 50;

/** How often a run's worker sends progress: as often as the run is redrawn. */
const PROGRESS_INTERVAL_MS = 2 * DRAW_INTERVAL_MS;

/** Training speed in updates per 60 Hz frame (the URL's unit); 0 trains as fast as the workers can. */
export type Speed = number;

/** Frames a second that a `Speed` counts updates per. */
export const FRAMES_PER_SECOND = 60;

/** The updates a second each run's worker keeps at `speed` (0: no limit). */
export function stepsPerSecond(speed: Speed): number {
  return speed * FRAMES_PER_SECOND;
}

/** One training run in a worker, as the view drives it. It only ever moves when asked for steps. */
export interface TrainingRun {
  /** The snapshot on screen (the latest, as of this run's last turn to redraw). */
  snapshot: TrainSnapshot | undefined;
  /** The worker failed; the message says how. */
  error: string | undefined;
  /** The run's scheduler: `Lockstep` (see useRunPair) asks it for steps. */
  scheduler: JobScheduler<TrainParams, TrainSnapshot, TrainSnapshot>;
  /** Starts the run again from step 0 with the same settings (and so the same numbers). */
  reset(): void;
}

function createTrainWorker(): Worker {
  return new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Runs `params` in a worker of its own (`run-pair`: paused at step 0), and starts again whenever
 * `key` (the settings) changes or reset() is called. The run takes exactly the steps it is asked
 * for (see useRunPair, which keeps two runs in step). New snapshots are kept, not drawn at once:
 * `requestDraw` (see useDrawClock) decides when this run's view shows the latest one, so several
 * runs take turns and no frame draws them all.
 */
export function useTrainingRun(name: string, params: TrainParams, key: string, requestDraw: RequestDraw): TrainingRun {
  const latest = useRef<TrainSnapshot>();
  const [shown, setShown] = useState<TrainSnapshot>();
  const show = (): void => requestDraw(name, () => setShown(latest.current));
  const job = useJob<TrainParams, TrainSnapshot, TrainSnapshot>(createTrainWorker, 'run-pair', {
    // No point in receiving snapshots faster than the view draws them.
    progressIntervalMs: PROGRESS_INTERVAL_MS,
    request: { params, key },
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
