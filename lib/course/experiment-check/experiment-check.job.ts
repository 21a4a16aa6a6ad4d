/** The experiment checker as a worker job: the page re-runs the widget's seeded training off the main thread. */
import type { Job } from '../../runtime';
import { type CheckResult, NO_SITE_FILES, type SiteFiles } from '../exercises';
import { checkExperiment, exerciseById } from '../catalogue';

/** Which experiment exercise, and the widget state the student gives as the answer. */
export interface ExperimentCheckParams {
  readonly id: string;
  readonly state: Readonly<Record<string, unknown>>;
}

/** The job that checks an experiment exercise's answer (re-runs the widget's job from the state, as the grader does), reading data files from `files`. */
export function experimentCheckJobReading(files: SiteFiles): Job<ExperimentCheckParams, never, CheckResult> {
  return async ({ id, state }) => {
    const spec = exerciseById(id);
    if (!spec || spec.kind !== 'experiment') throw new Error(`experimentCheckJob: expected the id of an experiment exercise, got "${id}"`);
    return checkExperiment(spec, state, files);
  };
}

/** Checks an experiment exercise's answer without data files (widgets whose checks need none). */
export const experimentCheckJob = experimentCheckJobReading(NO_SITE_FILES);
