/**
 * The vanishing-gradients widget's experiment exercises, checked: the student's widget state must
 * differ from the exercise's start only in the settings it may change, and then the widget's own
 * training job (trainJob, with the page's evaluation cadence) is re-run from that state for the
 * goal's number of steps. Seeded, so the page's worker and the teacher's grader get the same numbers.
 */
import { z } from 'zod';
import { trainJob, type TrainSnapshot } from '../../ml/training';
import { runJob } from '../../runtime';
import { type CheckDetail, type CheckResult, type ExperimentSpec, readExperimentSettings } from '../exercises';
import { runConfig, vanishingSchema, type VanishingSettings } from './widget-settings';

/** What an experiment must reach: run A's or B's metric at least `atLeast` after `steps` updates. */
export const vanishingGoalSchema = z.strictObject({
  run: z.enum(['a', 'b']),
  metric: z.enum(['testAccuracy', 'trainAccuracy']),
  atLeast: z.number().min(0).max(1),
  steps: z.number().int().positive().max(3000).multipleOf(25, 'expected a multiple of 25, the page\'s evaluation interval'),
});

/** The goal of a vanishing-gradients experiment. */
export type VanishingGoal = z.infer<typeof vanishingGoalSchema>;

/** The page's evaluation cadence (VanishingGradients.tsx's evalEvery), so that the numbers are the page's. */
export const EVAL_EVERY = 25;
/** Settings that change how the page looks or paces, not the run. */
const VIEW_ONLY = new Set(['speed']);

type Detail = CheckDetail;
const percent = (x: number): string => `${(100 * x).toFixed(1)} %`;
const show = (v: unknown): string => JSON.stringify(v);

/** The state's settings on top of the start's, or what is wrong with the state (an unknown name, a bad value, a forbidden change). */
export function experimentSettings(spec: ExperimentSpec, state: Readonly<Record<string, unknown>>): { ok: true; settings: VanishingSettings } | { ok: false; detail: Detail } {
  return readExperimentSettings<VanishingSettings>(vanishingSchema, spec, state, VIEW_ONLY);
}

/** Re-runs the widget's run for `goal.steps` updates from `settings`, as the page's worker does, and returns its last snapshot. */
export function rerun(settings: VanishingSettings, goal: VanishingGoal): Promise<TrainSnapshot> {
  const params = { config: runConfig(settings, goal.run), maxSteps: goal.steps, evalEvery: EVAL_EVERY, boundaryResolution: 0, boundaryExtent: 1.6, activationHistograms: false };
  return runJob(trainJob, params).result;
}

/** Checks a vanishing-gradients experiment exercise against the student's widget state. */
export async function checkVanishingExperiment(spec: ExperimentSpec, state: Readonly<Record<string, unknown>>): Promise<CheckResult> {
  const goal = vanishingGoalSchema.safeParse(spec.goal);
  if (!goal.success) throw new Error(`${spec.id}: expected a goal { run, metric, atLeast, steps }; got ${show(spec.goal)} (${goal.error.issues[0]?.message ?? ''})`);
  const { run, metric, atLeast, steps } = goal.data;
  const read = experimentSettings(spec, state);
  if (!read.ok) return { correct: false, score: 0, feedback: read.detail.message, details: [read.detail] };
  const allowed: Detail = { name: 'only allowed settings changed', passed: true, message: `Only ${spec.mayChange.join(', ')} changed.` };
  const snapshot = await rerun(read.settings, goal.data);
  const label = `Run ${run.toUpperCase()}`;
  const what = metric === 'testAccuracy' ? 'test accuracy' : 'training accuracy';
  if (snapshot.status === 'diverged') {
    const message = `${label} diverged at step ${snapshot.diverged?.step ?? '?'} (the loss or the gradient became infinite); the goal is ${what} ≥ ${percent(atLeast)} after ${steps} steps.`;
    return { correct: false, score: 0, feedback: message, details: [allowed, { name: 'goal', passed: false, message }] };
  }
  const reached = snapshot.evaluation[metric];
  const passed = snapshot.evaluation.step === steps && reached >= atLeast;
  const message = `${label} reached ${percent(reached)} ${what} after ${snapshot.evaluation.step} steps; the goal is at least ${percent(atLeast)}.`;
  return { correct: passed, score: passed ? 1 : 0, feedback: passed ? `Goal reached: ${message}` : message, details: [allowed, { name: 'goal', passed, message }] };
}
