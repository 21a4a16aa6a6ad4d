import { useEffect, useRef, useState } from 'preact/hooks';
import { type JobHandle, JobCancelledError, JobRunner } from '../../lib/workers';
import type { TrainParams, TrainSnapshot } from './train.job';

/** Updates per animation frame; 0 trains as fast as the worker can. */
export type Speed = number;

/** One training run in a worker, as the view drives it. */
export interface TrainingRun {
  /** The latest snapshot (at most one new one per animation frame). */
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

/** The view redraws at most this often while training (charts in SVG are not free to paint). */
const DRAW_INTERVAL_MS = 50;

/**
 * Runs `params` in a worker of its own. Starts paused at step 0, and starts again (keeping
 * play/pause) whenever `key` (the settings) changes. At speed 0, Play resumes the job; at speed k
 * it stays paused and the page asks for k steps each animation frame, never more than k ahead.
 * Snapshots reach the view at most every 50 ms, so the main thread only draws, and not much.
 */
export function useTrainingRun(params: TrainParams, key: string, speed: Speed): TrainingRun {
  const runner = useRef<JobRunner<TrainParams, TrainSnapshot, TrainSnapshot>>();
  const handle = useRef<JobHandle<TrainSnapshot>>();
  const latest = useRef<TrainSnapshot>();
  const requested = useRef(0);
  const frame = useRef(0);
  const drawnAt = useRef(0);
  const [snapshot, setSnapshot] = useState<TrainSnapshot>();
  const [playing, setPlaying] = useState(false);
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
      onProgress: (s) => {
        latest.current = s;
        if (frame.current) return;
        const wait = Math.max(0, DRAW_INTERVAL_MS - (performance.now() - drawnAt.current));
        frame.current = window.setTimeout(() => {
          requestAnimationFrame(() => {
            frame.current = 0;
            drawnAt.current = performance.now();
            setSnapshot(latest.current);
          });
        }, wait);
      },
    });
    handle.current = h;
    h.result.then(
      (final) => {
        if (handle.current !== h) return;
        latest.current = final;
        setSnapshot(final);
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
    snapshot,
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
      setSnapshot(undefined);
      setGeneration((g) => g + 1);
    },
  };
}
