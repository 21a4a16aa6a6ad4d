import { useMemo } from 'preact/hooks';
import type { TrainConfig, TrainParams, TrainSnapshot } from '../../lib/ml/training';
import { type JobPair, type PairJob, useJobPair } from './useJobPair';
import { createTrainWorker, type Speed, stepsPerSecond, type TrainingRun } from './useTrainingRun';

/** What every run of an experiment shares: all of TrainParams but the config. */
export type RunSettings = Omit<TrainParams, 'config'>;

/** Runs A and B of a side-by-side trainJob experiment, the configs they train, and the buttons that drive both. */
export interface RunPair extends JobPair<TrainParams, TrainSnapshot> {
  configA: TrainConfig;
  configB: TrainConfig;
  runA: TrainingRun;
  runB: TrainingRun;
}

/** The gradient lessons' training job as a pair reads it: a run stops when it diverges or finishes. */
const TRAIN_JOB: PairJob<TrainSnapshot> = {
  createWorker: createTrainWorker,
  stepOf: (snapshot) => snapshot.step,
  stopped: (snapshot) => snapshot.status !== 'training',
};

/**
 * Two runs of trainJob side by side in two workers, kept in step (see useJobPair): `runConfig`
 * gives each run's config from the widget's settings, and a run restarts only when its own config
 * changes (not, say, the speed). Until `ready` (the reader's own points are too few, say) neither starts.
 */
export function useRunPair<S>(values: S, runConfig: (values: S, run: 'a' | 'b') => TrainConfig, settings: RunSettings, speed: Speed, ready = true): RunPair {
  const keyA = JSON.stringify(runConfig(values, 'a'));
  const keyB = JSON.stringify(runConfig(values, 'b'));
  // Configs change identity only when a setting that matters changes.
  const configA = useMemo(() => runConfig(values, 'a'), [keyA]);
  const configB = useMemo(() => runConfig(values, 'b'), [keyB]);
  const pair = useJobPair<TrainParams, TrainSnapshot>(TRAIN_JOB, { params: ready ? { ...settings, config: configA } : null, key: keyA }, { params: ready ? { ...settings, config: configB } : null, key: keyB }, stepsPerSecond(speed));
  return { ...pair, configA, configB };
}
