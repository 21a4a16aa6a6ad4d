/**
 * The vanishing-gradients widget's experiment exercises, checked by the training widgets' shared
 * checker (lib/course/training-experiment): only the allowed settings may change, and the widget's
 * own run is re-run from the student's state.
 */
import { rerunExperiment, checkTrainingExperiment, type TrainingGoal, type TrainingWidget } from '../training-experiment';
import type { CheckResult, ExperimentSpec } from '../exercises';
import type { TrainSnapshot } from '../../ml/training';
import { runConfig, vanishingSchema, type VanishingSettings } from './widget-settings';

/** The page's evaluation cadence (VanishingGradients.tsx's evalEvery), so that the numbers are the page's. */
export const EVAL_EVERY = 25;

/** The widget as its experiments see it. */
export const vanishingWidget: TrainingWidget<VanishingSettings> = { schema: vanishingSchema, runConfig, evalEvery: EVAL_EVERY };

/** Re-runs the widget's run for `goal.steps` updates from `settings`, as the page's worker does, and returns its last snapshot. */
export function rerun(settings: VanishingSettings, goal: Pick<TrainingGoal, 'run' | 'steps'>): Promise<TrainSnapshot> {
  return rerunExperiment(vanishingWidget, settings, goal);
}

/** Checks a vanishing-gradients experiment exercise against the student's widget state. (A function, not a call at load, so that a page that imports only the settings leaves the checker out of its bundle.) */
export function checkVanishingExperiment(spec: ExperimentSpec, state: Readonly<Record<string, unknown>>): Promise<CheckResult> {
  return checkTrainingExperiment(vanishingWidget, spec, state);
}
