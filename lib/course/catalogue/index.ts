/**
 * lib/course/catalogue: every exercise of every lesson, by id, and the runners that check
 * experiments by widget. Each lesson package exports its `exercises` (data); add a lesson here
 * when it gets some. The page's Exercise block and the teacher's grader both look exercises up here.
 */
import { type CheckResult, type ExerciseSpec, type ExperimentSpec } from '../exercises';
import { checkVanishingExperiment, exercises as vanishingGradients } from '../vanishing-gradients';

const LESSONS: readonly (readonly ExerciseSpec[])[] = [vanishingGradients];

/** Checks an experiment from the student's widget state (re-running the widget's seeded job). */
export type ExperimentChecker = (spec: ExperimentSpec, state: Readonly<Record<string, unknown>>) => Promise<CheckResult>;

/** The experiment checker of each widget that has experiment exercises. */
export const experimentCheckers: Readonly<Record<string, ExperimentChecker>> = {
  'vanishing-gradients': checkVanishingExperiment,
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

/** Checks an experiment exercise with its widget's checker; throws if the widget has none. */
export function checkExperiment(spec: ExperimentSpec, state: Readonly<Record<string, unknown>>): Promise<CheckResult> {
  const checker = experimentCheckers[spec.widget];
  if (!checker) throw new Error(`${spec.id}: expected a widget among ${Object.keys(experimentCheckers).join(', ')}; got "${spec.widget}"`);
  return checker(spec, state);
}
