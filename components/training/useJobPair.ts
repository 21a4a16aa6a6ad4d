import { useEffect, useRef, useState } from 'preact/hooks';
import { Lockstep } from '../../lib/runtime';
import { useDrawClock } from './useDrawClock';
import { DRAW_INTERVAL_MS, type JobRun, type KeepUnchanged, useJobRun } from './useJobRun';

/** How a pair of runs reads a stepped job: its worker and its snapshots. */
export interface PairJob<S> {
  /** A worker that runs the job (exposeJob). */
  createWorker(): Worker;
  /** Updates the run has done, as of this snapshot. */
  stepOf(snapshot: S): number;
  /** The run will take no more steps (finished, diverged). */
  stopped(snapshot: S): boolean;
  /** Steps that Step asks of a run already asked `asked` steps (default 1; an epoch's end, say). */
  stepsFor?(asked: number): number;
  /** Reuses a snapshot's unchanged parts from the run's previous one (left out: every snapshot is drawn as new). */
  keep?: KeepUnchanged<S>;
}

/** One run's request: its params (`null`: not yet) and the key that identifies them. */
export interface PairRequest<P> {
  params: P | null;
  key: string;
}

/** Runs A and B of a side-by-side experiment and the buttons that drive both. */
export interface JobPair<P, S> {
  runA: JobRun<P, S>;
  runB: JobRun<P, S>;
  /** Play was pressed and not yet Pause (nor has every run stopped). */
  playing: boolean;
  /** Every run has stopped: only Reset can move them. */
  stopped: boolean;
  /** Not playing, and each run shows every step asked of it (or has stopped or failed): nothing will move until asked. */
  resting: boolean;
  play(): void;
  pause(): void;
  /** One more step (or `stepsFor`'s steps) for each run that can take one, then paused. */
  step(): void;
  /** Both runs from step 0 again, paused. */
  reset(): void;
}

/**
 * Two runs of one stepped job trained side by side in two workers; a run restarts only when its
 * own key changes (not, say, the speed). The runs are kept in step by `Lockstep` (lib/runtime):
 * each worker keeps `stepsPerSecond` updates a second itself (0: as fast as it can), the page
 * raises both runs' allowance a chunk at a time as their progress comes in, neither gets more than
 * two chunks ahead, and after Pause both finish the steps already asked of them and rest at the
 * same step, so whatever the page compares (charts, summary) is compared at the same step. Both
 * take turns on one draw clock, and share the page's CPU budget with every other job.
 */
export function useJobPair<P, S>(job: PairJob<S>, a: PairRequest<P>, b: PairRequest<P>, stepsPerSecond: number): JobPair<P, S> {
  const requestDraw = useDrawClock(DRAW_INTERVAL_MS);
  const runA = useJobRun<P, S>('A', job.createWorker, a.params, a.key, requestDraw, job.keep);
  const runB = useJobRun<P, S>('B', job.createWorker, b.params, b.key, requestDraw, job.keep);
  const [playing, setPlaying] = useState(false);
  const made = useRef<Lockstep<S>>();
  made.current ??= new Lockstep<S>([runA.scheduler, runB.scheduler], {
    stepOf: job.stepOf,
    stopped: job.stopped,
    onPlayingChange: setPlaying,
  });
  const lockstep = made.current;
  useEffect(() => () => lockstep.dispose(), []);
  useEffect(() => lockstep.setSpeed(stepsPerSecond), [stepsPerSecond]);
  // Step asks for steps without changing any state this hook renders from: render again, so `resting` is re-read.
  const [, setStepPresses] = useState(0);
  const atRest = (run: JobRun<P, S>): boolean => {
    if (run.error !== undefined) return true;
    const shown = run.snapshot;
    return shown !== undefined && (job.stopped(shown) || job.stepOf(shown) >= run.scheduler.stepsAsked);
  };

  return {
    runA,
    runB,
    playing,
    stopped: [runA, runB].every((r) => r.snapshot !== undefined && job.stopped(r.snapshot)),
    resting: !playing && atRest(runA) && atRest(runB),
    play: () => lockstep.play(stepsPerSecond),
    pause: () => lockstep.pause(),
    step: () => {
      lockstep.step(job.stepsFor);
      setStepPresses((n) => n + 1);
    },
    reset: () => {
      lockstep.pause();
      runA.reset();
      runB.reset();
    },
  };
}
