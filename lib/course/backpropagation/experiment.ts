/** The loss race's experiment exercises, checked by the training widgets' shared checker (lib/course/training-experiment). */
import { checkTrainingExperiment, type TrainingWidget } from '../training-experiment';
import type { CheckResult, ExperimentSpec } from '../exercises';
import { RACE_EVAL_EVERY, raceConfig, raceSchema, type RaceSettings } from './loss-race';

/** The loss race as its experiments see it. */
export const raceWidget: TrainingWidget<RaceSettings> = { schema: raceSchema, runConfig: raceConfig, evalEvery: RACE_EVAL_EVERY };

/** Checks a loss-race experiment exercise against the student's widget state. (A function, not a call at load, so that a page that imports only the settings leaves the checker out of its bundle.) */
export function checkRaceExperiment(spec: ExperimentSpec, state: Readonly<Record<string, unknown>>): Promise<CheckResult> {
  return checkTrainingExperiment(raceWidget, spec, state);
}
