/** The loss race's experiment exercises, checked by the training widgets' shared checker (lib/course/training-experiment). */
import { trainingExperimentChecker, type TrainingWidget } from '../training-experiment';
import { RACE_EVAL_EVERY, raceConfig, raceSchema, type RaceSettings } from './loss-race';

/** The loss race as its experiments see it. */
export const raceWidget: TrainingWidget<RaceSettings> = { schema: raceSchema, runConfig: raceConfig, evalEvery: RACE_EVAL_EVERY };

/** Checks a loss-race experiment exercise against the student's widget state. */
export const checkRaceExperiment = trainingExperimentChecker(raceWidget);
