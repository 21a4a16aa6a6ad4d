import type { TrainParams, TrainSnapshot } from '../../lib/ml/training';
import type { RequestDraw } from './useDrawClock';
import { type JobRun, useJobRun } from './useJobRun';

export { DRAW_INTERVAL_MS } from './useJobRun';

/** Training speed in updates per 60 Hz frame (the URL's unit); 0 trains as fast as the workers can. */
export type Speed = number;

/** Frames a second that a `Speed` counts updates per. */
export const FRAMES_PER_SECOND = 60;

/** The updates a second each run's worker keeps at `speed` (0: no limit). */
export function stepsPerSecond(speed: Speed): number {
  return speed * FRAMES_PER_SECOND;
}

/** One run of the gradient lessons' training job (trainJob) in a worker, as the view drives it. */
export type TrainingRun = JobRun<TrainParams, TrainSnapshot>;

/** Creates a worker running trainJob. */
export function createTrainWorker(): Worker {
  return new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module' });
}

/** Runs trainJob with `params` in a worker of its own (see useJobRun). */
export function useTrainingRun(name: string, params: TrainParams, key: string, requestDraw: RequestDraw): TrainingRun {
  return useJobRun<TrainParams, TrainSnapshot>(name, createTrainWorker, params, key, requestDraw);
}
