/** The exploding-gradients widget's experiment exercises, checked by the training widgets' shared checker (lib/course/training-experiment). */
import { trainingExperimentChecker, type TrainingWidget } from '../training-experiment';
import { explodingSchema, runConfig, type ExplodingSettings } from './widget-settings';

/** The page's evaluation cadence (ExplodingGradients.tsx's evalEvery), so that the numbers are the page's. */
export const EXPLODING_EVAL_EVERY = 25;

/** The exploding-gradients widget as its experiments see it. */
export const explodingWidget: TrainingWidget<ExplodingSettings> = { schema: explodingSchema, runConfig, evalEvery: EXPLODING_EVAL_EVERY };

/** Checks an exploding-gradients experiment exercise against the student's widget state. */
export const checkExplodingExperiment = trainingExperimentChecker(explodingWidget);
