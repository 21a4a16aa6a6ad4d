import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Lockstep } from '../../lib/runtime';
import type { TrainConfig, TrainParams, TrainSnapshot } from '../../lib/ml/training';
import { useDrawClock } from './useDrawClock';
import { DRAW_INTERVAL_MS, type Speed, stepsPerSecond, type TrainingRun, useTrainingRun } from './useTrainingRun';

/** What every run of an experiment shares: all of TrainParams but the config. */
export type RunSettings = Omit<TrainParams, 'config'>;

/** Runs A and B of a side-by-side experiment, the configs they train, and the buttons that drive both. */
export interface RunPair {
  configA: TrainConfig;
  configB: TrainConfig;
  runA: TrainingRun;
  runB: TrainingRun;
  /** Play was pressed and not yet Pause (nor has every run stopped). */
  playing: boolean;
  /** Every run has diverged or finished: only Reset can move them. */
  stopped: boolean;
  play(): void;
  pause(): void;
  /** Exactly one more update for each run that can take one, then paused. */
  step(): void;
  /** Both runs from step 0 again, paused. */
  reset(): void;
}

/**
 * Two runs trained side by side in two workers from the widget's settings: `runConfig` gives each
 * run's config, and a run restarts only when its own config changes (not, say, the speed). The
 * runs are kept in step by `Lockstep` (lib/runtime): each worker keeps `stepsPerSecond(speed)` updates a second
 * itself (0: as fast as it can), the page raises both runs' allowance a chunk at a time as their
 * progress comes in, neither gets more than two chunks ahead, and after Pause both finish the
 * steps already asked of them and rest at the same step, so whatever the page compares (charts,
 * summary) is compared at the same step. (Why in step rather than compared afterwards at a common
 * step: every chart, boundary and bar pair on screen is then comparable, not only the summary.)
 * Both take turns on one draw clock, and share the page's CPU budget with every other job.
 */
export function useRunPair<S>(values: S, runConfig: (values: S, run: 'a' | 'b') => TrainConfig, settings: RunSettings, speed: Speed): RunPair {
  const keyA = JSON.stringify(runConfig(values, 'a'));
  const keyB = JSON.stringify(runConfig(values, 'b'));
  // Configs change identity only when a setting that matters changes.
  const configA = useMemo(() => runConfig(values, 'a'), [keyA]);
  const configB = useMemo(() => runConfig(values, 'b'), [keyB]);
  const requestDraw = useDrawClock(DRAW_INTERVAL_MS);
  const runA = useTrainingRun('A', { ...settings, config: configA }, keyA, requestDraw);
  const runB = useTrainingRun('B', { ...settings, config: configB }, keyB, requestDraw);
  const [playing, setPlaying] = useState(false);
  const made = useRef<Lockstep<TrainSnapshot>>();
  made.current ??= new Lockstep<TrainSnapshot>([runA.scheduler, runB.scheduler], {
    stepOf: (snapshot) => snapshot.step,
    stopped: (snapshot) => snapshot.status !== 'training',
    onPlayingChange: setPlaying,
  });
  const lockstep = made.current;
  useEffect(() => () => lockstep.dispose(), []);
  useEffect(() => lockstep.setSpeed(stepsPerSecond(speed)), [speed]);

  return {
    configA,
    configB,
    runA,
    runB,
    playing,
    stopped: [runA, runB].every((r) => r.snapshot?.status === 'diverged' || r.snapshot?.status === 'finished'),
    play: () => lockstep.play(stepsPerSecond(speed)),
    pause: () => lockstep.pause(),
    step: () => lockstep.step(),
    reset: () => {
      lockstep.pause();
      runA.reset();
      runB.reset();
    },
  };
}
