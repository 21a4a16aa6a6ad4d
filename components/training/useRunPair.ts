import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TrainConfig } from '../../lib/ml/training';
import { busyFractionHere } from '../../lib/runtime';
import { FIRST_CHUNK, nextChunk, pace } from '../../lib/runtime';
import type { TrainParams } from '../../lib/ml/training';
import { useDrawClock } from './useDrawClock';
import { DRAW_INTERVAL_MS, type Speed, type TrainingRun, useTrainingRun } from './useTrainingRun';

/** What every run of an experiment shares: all of TrainParams but the config and the pacing. */
export type RunSettings = Omit<TrainParams, 'config' | 'busyFraction'>;

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
 * runs are kept in step (see pacing.ts): at `speed` updates per frame, or as fast as the slower run
 * goes (speed 0, in chunks that grow until the slower run is never idle), neither more than two
 * chunks ahead; after
 * Pause both finish the updates already asked of them and rest at the same step, so whatever the
 * page compares (charts, summary) is compared at the same step. (Why in step rather than compared
 * afterwards at a common step: every chart, boundary and bar pair on screen is then comparable,
 * not only the summary.) Both take turns
 * on one draw clock and leave the page a core (busyFractionHere).
 */
export function useRunPair<S>(values: S, runConfig: (values: S, run: 'a' | 'b') => TrainConfig, settings: RunSettings, speed: Speed): RunPair {
  const keyA = JSON.stringify(runConfig(values, 'a'));
  const keyB = JSON.stringify(runConfig(values, 'b'));
  // Configs change identity only when a setting that matters changes.
  const configA = useMemo(() => runConfig(values, 'a'), [keyA]);
  const configB = useMemo(() => runConfig(values, 'b'), [keyB]);
  const params = (config: TrainConfig): TrainParams => ({ ...settings, config, busyFraction: busyFractionHere(2) });
  const requestDraw = useDrawClock(DRAW_INTERVAL_MS);
  const runA = useTrainingRun('A', params(configA), keyA, requestDraw);
  const runB = useTrainingRun('B', params(configB), keyB, requestDraw);
  const [playing, setPlaying] = useState(false);
  const runs = useRef([runA, runB]);
  runs.current = [runA, runB];
  const stoppedNow = (): boolean => runs.current.every((r) => r.paceState().stopped);

  useEffect(() => {
    if (!playing) return undefined;
    let chunk = speed > 0 ? speed : FIRST_CHUNK;
    let raf = 0;
    const tick = (): void => {
      const states = runs.current.map((r) => r.paceState());
      if (states.every((s) => s.stopped)) {
        setPlaying(false);
        return;
      }
      const { requests, starved } = pace(states, chunk);
      runs.current.forEach((r, i) => r.ask(requests[i] ?? 0));
      if (speed === 0) chunk = nextChunk(chunk, starved);
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [playing, speed]);

  return {
    configA,
    configB,
    runA,
    runB,
    playing,
    stopped: [runA, runB].every((r) => r.snapshot?.status === 'diverged' || r.snapshot?.status === 'finished'),
    play: () => !stoppedNow() && setPlaying(true),
    pause: () => setPlaying(false),
    step: () => {
      setPlaying(false);
      for (const r of runs.current) if (!r.paceState().stopped) r.ask(1);
    },
    reset: () => {
      setPlaying(false);
      runA.reset();
      runB.reset();
    },
  };
}
