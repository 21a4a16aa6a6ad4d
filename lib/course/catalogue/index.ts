/**
 * lib/course/catalogue: every exercise of every lesson, by id, and the runners that check
 * experiments by widget. Each lesson package exports its `exercises` (data); add a lesson here
 * when it gets some. The page's Exercise block and the teacher's grader both look exercises up here.
 */
import { exercises as activationFunctions } from '../activations';
import { checkRaceExperiment, exercises as backpropagation } from '../backpropagation';
import { exercises as cnnSizes } from '../cnn-sizes';
import { exercises as convolution } from '../convolution';
import { checkDropoutExperiment, exercises as overfittingAndDropout } from '../dropout';
import { checkExplodingExperiment, exercises as explodingGradients } from '../exploding-gradients';
import { type CheckResult, type ExerciseSpec, type ExperimentSpec, NO_SITE_FILES, type SiteFiles } from '../exercises';
import { checkSearchExperiment, exercises as hyperparameterSearch } from '../hyperparameter-search';
import { exercises as pooling } from '../pooling';
import { exercises as rnnShapes } from '../rnn-shapes';
import { checkVanishingExperiment, exercises as vanishingGradients } from '../vanishing-gradients';

/** Each lesson's exercises, in course order. */
const LESSONS: readonly (readonly ExerciseSpec[])[] = [activationFunctions, backpropagation, vanishingGradients, explodingGradients, convolution, pooling, cnnSizes, overfittingAndDropout, rnnShapes, hyperparameterSearch];

/** Checks an experiment from the student's widget state (re-running the widget's seeded job), reading the site's data files from `files`. */
export type ExperimentChecker = (spec: ExperimentSpec, state: Readonly<Record<string, unknown>>, files: SiteFiles) => Promise<CheckResult>;

/** The experiment checker of each widget that has experiment exercises. */
export const experimentCheckers: Readonly<Record<string, ExperimentChecker>> = {
  'vanishing-gradients': checkVanishingExperiment,
  'loss-race': checkRaceExperiment,
  'exploding-gradients': checkExplodingExperiment,
  'dropout-training': checkDropoutExperiment,
  'hyperparameter-search': checkSearchExperiment,
};

/** Every exercise, lesson by lesson, in each lesson's order. */
export const allExercises: readonly ExerciseSpec[] = LESSONS.flat();

const byId = new Map<string, ExerciseSpec>();
for (const spec of allExercises) {
  if (byId.has(spec.id)) throw new Error(`catalogue: expected each exercise id once; got "${spec.id}" twice`);
  byId.set(spec.id, spec);
}

/** The exercise with this id, or undefined. */
export function exerciseById(id: string): ExerciseSpec | undefined {
  return byId.get(id);
}

/** Checks an experiment exercise with its widget's checker (reading data files from `files`); throws if the widget has none. */
export function checkExperiment(spec: ExperimentSpec, state: Readonly<Record<string, unknown>>, files: SiteFiles = NO_SITE_FILES): Promise<CheckResult> {
  const checker = experimentCheckers[spec.widget];
  if (!checker) throw new Error(`${spec.id}: expected a widget among ${Object.keys(experimentCheckers).join(', ')}; got "${spec.widget}"`);
  return checker(spec, state, files);
}

/** The lesson an exercise id belongs to: the part before the slash ("pooling/alexnet-pool" → "pooling"). */
export function lessonOfExercise(id: string): string {
  return id.slice(0, id.indexOf('/'));
}
