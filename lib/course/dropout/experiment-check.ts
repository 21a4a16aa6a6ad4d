/**
 * The dropout widget's experiment exercises, checked: the student's widget state may differ from
 * the exercise's start only in the settings it may change; then the widget's own job (dropoutJob)
 * re-runs the goal's run from that state on the site's digits. Seeded, so the page's worker and the
 * teacher's grader get the numbers the widget showed.
 */
import { z } from 'zod';
import { runJob } from '../../runtime';
import { type CheckResult, type ExperimentSpec, readExperimentSettings, type SiteFiles } from '../exercises';
import { decodeDigits, DIGITS_PATH, type DigitSet } from './digits';
import { dropoutJob, type DropoutSnapshot } from './dropout.job';
import { dropoutSchema, runSettings, type DropoutWidgetSettings } from './widget-settings';

/** What an experiment must reach: run A's or B's validation loss at most, or validation accuracy at least, `target` after `epochs` epochs. */
export const dropoutGoalSchema = z.strictObject({
  run: z.enum(['a', 'b']),
  metric: z.enum(['validationLoss', 'validationAccuracy']),
  target: z.number().nonnegative(),
  epochs: z.number().int().min(1).max(60),
});

/** The goal of a dropout experiment. */
export type DropoutGoal = z.infer<typeof dropoutGoalSchema>;

const show = (v: unknown): string => JSON.stringify(v);

/** Re-runs the goal's run for `goal.epochs` epochs from `settings`, with the page's job, and returns its last snapshot. */
export function rerunDropout(settings: DropoutWidgetSettings, goal: DropoutGoal, digits: DigitSet): Promise<DropoutSnapshot> {
  return runJob(dropoutJob, { settings: { ...runSettings(settings, goal.run), epochs: goal.epochs }, digits }).result;
}

/** Checks a dropout experiment exercise against the student's widget state, reading the digits from `files`. */
export async function checkDropoutExperiment(spec: ExperimentSpec, state: Readonly<Record<string, unknown>>, files: SiteFiles): Promise<CheckResult> {
  const goal = dropoutGoalSchema.safeParse(spec.goal);
  if (!goal.success) throw new Error(`${spec.id}: expected a goal { run, metric, target, epochs }; got ${show(spec.goal)} (${goal.error.issues[0]?.message ?? ''})`);
  const { run, metric, target, epochs } = goal.data;
  const read = readExperimentSettings<DropoutWidgetSettings>(dropoutSchema, spec, state);
  if (!read.ok) return { correct: false, score: 0, feedback: read.detail.message, details: [read.detail] };
  const digits = decodeDigits(await files.read(DIGITS_PATH));
  const snapshot = await rerunDropout(read.settings, goal.data, digits);
  const last = snapshot.history.at(-1);
  const value = last?.[metric] ?? NaN;
  const loss = metric === 'validationLoss';
  const passed = last?.epoch === epochs && (loss ? value <= target : value >= target);
  const shown = (v: number): string => (loss ? v.toFixed(3) : `${(100 * v).toFixed(1)} %`);
  const message = `Run ${run.toUpperCase()} reached a validation ${loss ? 'loss' : 'accuracy'} of ${shown(value)} after ${last?.epoch ?? 0} epochs; the goal is ${loss ? 'at most' : 'at least'} ${shown(target)}.`;
  const allowed = { name: 'only allowed settings changed', passed: true, message: `Only ${spec.mayChange.join(', ')} changed.` };
  return { correct: passed, score: passed ? 1 : 0, feedback: passed ? `Goal reached: ${message}` : message, details: [allowed, { name: 'goal', passed, message }] };
}
