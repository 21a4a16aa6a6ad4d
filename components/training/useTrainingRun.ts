import { useEffect, useRef, useState } from 'preact/hooks';
import { type JobHandle, JobCancelledError, JobRunner } from '../../lib/runtime';
import type { PaceState } from '../../lib/runtime';
import type { TrainParams, TrainSnapshot } from '../../lib/ml/training';
import type { RequestDraw } from './useDrawClock';

/** A training widget's draw clock ticks this often; with two runs, each redraws 10 times a second. */
export const DRAW_INTERVAL_MS = 50;

/** How often a run's worker sends progress: as often as the run is redrawn. */
const PROGRESS_INTERVAL_MS = 2 * DRAW_INTERVAL_MS;

/** Updates per animation frame; 0 trains as fast as the workers can. */
export type Speed = number;

/** One training run in a worker, as the view drives it. It only ever moves when asked for steps. */
export interface TrainingRun {
  /** The snapshot on screen (the latest, as of this run's last turn to redraw). */
  snapshot: TrainSnapshot | undefined;
  /** The worker failed; the message says how. */
  error: string | undefined;
  /** Where the run is now (not as drawn): what pacing needs. */
  paceState(): PaceState;
  /** Asks for `steps` more updates; the worker does them one after another, then waits. */
  ask(steps: number): void;
  /** Starts the run again from step 0 with the same settings (and so the same numbers). */
  reset(): void;
}

function createTrainWorker(): Worker {
  return new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Runs `params` in a worker of its own, paused at step 0, and starts again whenever `key` (the
 * settings) changes or reset() is called. The run takes exactly the steps it is asked for (see
 * useRunPair, which keeps two runs in step). New snapshots are kept, not drawn at once:
 * `requestDraw` (see useDrawClock) decides when this run's view shows the latest one, so several
 * runs take turns and no frame draws them all.
 */
export function useTrainingRun(name: string, params: TrainParams, key: string, requestDraw: RequestDraw): TrainingRun {
  const runner = useRef<JobRunner<TrainParams, TrainSnapshot, TrainSnapshot>>();
  const handle = useRef<JobHandle<TrainSnapshot>>();
  const latest = useRef<TrainSnapshot>();
  const requested = useRef(0);
  const failed = useRef(false);
  const [shown, setShown] = useState<TrainSnapshot>();
  const show = (): void => requestDraw(name, () => setShown(latest.current));
  const [error, setError] = useState<string>();
  const [generation, setGeneration] = useState(0);
  const paramsRef = useRef(params);
  paramsRef.current = params;

  useEffect(() => () => runner.current?.dispose(), []);

  // (Re)start the job whenever the settings change or Reset is pressed.
  useEffect(() => {
    runner.current ??= new JobRunner<TrainParams, TrainSnapshot, TrainSnapshot>(createTrainWorker);
    handle.current?.cancel();
    latest.current = undefined;
    requested.current = 0;
    failed.current = false;
    setError(undefined);
    const h = runner.current.start(paramsRef.current, {
      paused: true,
      // No point in receiving snapshots faster than the view draws them.
      progressIntervalMs: PROGRESS_INTERVAL_MS,
      onProgress: (s) => {
        latest.current = s;
        show();
      },
    });
    handle.current = h;
    show();
    h.result.then(
      (final) => {
        if (handle.current !== h) return;
        latest.current = final;
        show();
      },
      (e: unknown) => {
        if (e instanceof JobCancelledError || handle.current !== h) return;
        failed.current = true;
        setError(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
      },
    );
  }, [key, generation]);

  return {
    snapshot: shown,
    error,
    paceState: () => {
      const s = latest.current;
      return { done: s?.step ?? 0, requested: requested.current, stopped: failed.current || s?.status === 'diverged' || s?.status === 'finished' };
    },
    ask: (steps) => {
      for (let k = 0; k < steps; k++) handle.current?.step();
      requested.current += steps;
    },
    reset: () => setGeneration((g) => g + 1),
  };
}
