import { useMemo } from 'preact/hooks';
import type { TrainConfig } from '../../lib/training/config';
import { busyFractionHere } from './busy';
import type { TrainParams } from './train.job';
import { useDrawClock } from './useDrawClock';
import { DRAW_INTERVAL_MS, type Speed, type TrainingRun, useTrainingRun } from './useTrainingRun';

/** What every run of an experiment shares: all of TrainParams but the config and the pacing. */
export type RunSettings = Omit<TrainParams, 'config' | 'busyFraction'>;

/** Runs A and B of a side-by-side experiment, with the configs they train. */
export interface RunPair {
  configA: TrainConfig;
  configB: TrainConfig;
  runA: TrainingRun;
  runB: TrainingRun;
}

/**
 * Two runs trained side by side in two workers from the widget's settings: `runConfig` gives each
 * run's config, and a run restarts only when its own config changes (not, say, the speed). Both
 * take turns on one draw clock and leave the page a core (busyFractionHere).
 */
export function useRunPair<S>(values: S, runConfig: (values: S, run: 'a' | 'b') => TrainConfig, settings: RunSettings, speed: Speed): RunPair {
  const keyA = JSON.stringify(runConfig(values, 'a'));
  const keyB = JSON.stringify(runConfig(values, 'b'));
  // Configs change identity only when a setting that matters changes.
  const configA = useMemo(() => runConfig(values, 'a'), [keyA]);
  const configB = useMemo(() => runConfig(values, 'b'), [keyB]);
  const params = (config: TrainConfig): TrainParams => ({ ...settings, config, busyFraction: busyFractionHere(2) });
  const requestDraw = useDrawClock(DRAW_INTERVAL_MS);
  const runA = useTrainingRun('A', params(configA), keyA, speed, requestDraw);
  const runB = useTrainingRun('B', params(configB), keyB, speed, requestDraw);
  return { configA, configB, runA, runB };
}
