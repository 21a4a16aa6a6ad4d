/** The experiment checker as a worker job: the page re-runs the widget's seeded training off the main thread. */
import type { Job } from '../../runtime';
import type { CheckResult } from '../exercises';
import { checkExperiment, exerciseById } from '../catalogue';

/** Which experiment exercise, and the widget state the student gives as the answer. */
export interface ExperimentCheckParams {
  readonly id: string;
  readonly state: Readonly<Record<string, unknown>>;
}

/** Checks an experiment exercise's answer (re-runs the widget's job from the state, as the grader does). */
export const experimentCheckJob: Job<ExperimentCheckParams, never, CheckResult> = async ({ id, state }) => {
  const spec = exerciseById(id);
  if (!spec || spec.kind !== 'experiment') throw new Error(`experimentCheckJob: expected the id of an experiment exercise, got "${id}"`);
  return checkExperiment(spec, state);
};
