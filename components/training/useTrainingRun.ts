import { useEffect, useRef, useState } from 'preact/hooks';
import { type JobHandle, JobCancelledError, JobRunner } from '../../lib/workers';
import type { TrainParams, TrainSnapshot } from './train.job';
import type { RequestDraw } from './useDrawClock';

/** A training widget's draw clock ticks this often; with two runs, each redraws 10 times a second. */
export const DRAW_INTERVAL_MS = 50;

/** How often a run's worker sends progress: as often as the run is redrawn. */
const PROGRESS_INTERVAL_MS = 2 * DRAW_INTERVAL_MS;

/** Updates per animation frame; 0 trains as fast as the worker can. */
export type Speed = number;

/** One training run in a worker, as the view drives it. */
export interface TrainingRun {
  /** The snapshot on screen (the latest, as of this run's last turn to redraw). */
  snapshot: TrainSnapshot | undefined;
  /** Training is running (Play pressed and not stopped). */
  playing: boolean;
  /** The worker failed; the message says how. */
  error: string | undefined;
  play(): void;
  pause(): void;
  /** Exactly one update, then paused. */
  step(): void;
  /** Starts the run again from step 0 with the same settings (and so the same numbers), paused. */
  reset(): void;
}

function createTrainWorker(): Worker {
  return new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Runs `params` in a worker of its own. Starts paused at step 0, and starts again (keeping
 * play/pause) whenever `key` (the settings) changes. At speed 0, Play resumes the job; at speed k
 * it stays paused and the page asks for k steps each animation frame, never more than k ahead.
 * New snapshots are kept, not drawn at once: `requestDraw` (see useDrawClock) decides when this
 * run's view shows the latest one, so several runs take turns and no frame draws them all.
 */
export function useTrainingRun(name: string, params: TrainParams, key: string, speed: Speed, requestDraw: RequestDraw): TrainingRun {
  const runner = useRef<JobRunner<TrainParams, TrainSnapshot, TrainSnapshot>>();
  const handle = useRef<JobHandle<TrainSnapshot>>();
  const latest = useRef<TrainSnapshot>();
  const requested = useRef(0);
  const [shown, setShown] = useState<TrainSnapshot>();
  const [playing, setPlaying] = useState(false);
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
        setPlaying(false);
      },
      (e: unknown) => {
        if (e instanceof JobCancelledError || handle.current !== h) return;
        setError(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
        setPlaying(false);
      },
    );
  }, [key, generation]);

  // Play: flat out (resume), or k steps per frame while paused.
  useEffect(() => {
    const h = handle.current;
    if (!h || !playing) return undefined;
    if (speed === 0) {
      h.resume();
      return () => h.pause();
    }
    h.pause();
    let raf = 0;
    const tick = (): void => {
      const done = latest.current?.step ?? 0;
      if (requested.current < done) requested.current = done;
      // Ask for more only when the worker has caught up, so Pause leaves at most `speed` steps in flight.
      if (requested.current - done < speed) {
        for (let k = 0; k < speed; k++) h.step();
        requested.current += speed;
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [playing, speed, key, generation]);

  return {
    snapshot: shown,
    playing,
    error,
    play: () => latest.current?.status !== 'diverged' && latest.current?.status !== 'finished' && setPlaying(true),
    pause: () => setPlaying(false),
    step: () => {
      setPlaying(false);
      handle.current?.pause();
      handle.current?.step();
    },
    reset: () => {
      setPlaying(false);
      setGeneration((g) => g + 1);
    },
  };
}
