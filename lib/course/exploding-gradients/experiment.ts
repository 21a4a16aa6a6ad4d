/** The exploding-gradients widget's experiment exercises, checked by the training widgets' shared checker (lib/course/training-experiment). */
import { checkTrainingExperiment, type TrainingWidget } from '../training-experiment';
import type { CheckResult, ExperimentSpec } from '../exercises';
import { explodingSchema, runConfig, type ExplodingSettings } from './widget-settings';

/** The page's evaluation cadence (ExplodingGradients.tsx's evalEvery), so that the numbers are the page's. */
export const EXPLODING_EVAL_EVERY = 25;

/** The exploding-gradients widget as its experiments see it. */
export const explodingWidget: TrainingWidget<ExplodingSettings> = { schema: explodingSchema, runConfig, evalEvery: EXPLODING_EVAL_EVERY };

/** Checks an exploding-gradients experiment exercise against the student's widget state. (A function, not a call at load, so that a page that imports only the settings leaves the checker out of its bundle.) */
export function checkExplodingExperiment(spec: ExperimentSpec, state: Readonly<Record<string, unknown>>): Promise<CheckResult> {
  return checkTrainingExperiment(explodingWidget, spec, state);
}
