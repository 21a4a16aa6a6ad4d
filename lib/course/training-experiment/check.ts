/**
 * Experiment exercises on a two-run training widget (vanishing gradients, exploding gradients, the
 * loss race): the student's widget state must differ from the exercise's start only in the
 * settings it may change, and then the widget's own training job (trainJob, with the page's
 * evaluation cadence) is re-run from that state for the goal's number of steps. Seeded, so the
 * page's worker and the teacher's grader get the same numbers.
 */
import { z } from 'zod';
import type { Schema } from '../../common';
import { trainJob, type TrainConfig, type TrainSnapshot } from '../../ml/training';
import { runJob } from '../../runtime';
import { readExperimentSettings, type CheckDetail, type CheckResult, type ExperimentSpec } from '../exercises';

/** A two-run training widget as its experiments see it: its URL fields, its runs' configs and its evaluation cadence. */
export interface TrainingWidget<S> {
  readonly schema: Schema;
  runConfig(settings: S, run: 'a' | 'b'): TrainConfig;
  /** The page's evaluation interval (its trainJob's evalEvery), so that the numbers are the page's. */
  readonly evalEvery: number;
}

const METRICS = {
  testAccuracy: 'test accuracy',
  trainAccuracy: 'training accuracy',
  trainLoss: 'training loss',
  testLoss: 'test loss',
} as const;

/**
 * What an experiment must reach: run A's or B's metric at least `atLeast` (accuracies) or at most
 * `atMost` (losses) after `steps` updates, without diverging.
 */
export const trainingGoalSchema = z.union([
  z.strictObject({ run: z.enum(['a', 'b']), metric: z.enum(['testAccuracy', 'trainAccuracy']), atLeast: z.number().min(0).max(1), steps: z.number().int().positive().max(4000) }),
  z.strictObject({ run: z.enum(['a', 'b']), metric: z.enum(['trainLoss', 'testLoss']), atMost: z.number().positive(), steps: z.number().int().positive().max(4000) }),
]);

/** The goal of a training experiment. */
export type TrainingGoal = z.infer<typeof trainingGoalSchema>;

/** Settings that change how the page looks or paces, not the run. */
const VIEW_ONLY = new Set(['speed']);

const percent = (x: number): string => `${(100 * x).toFixed(1)} %`;
const show = (v: unknown): string => JSON.stringify(v);
const loss = (x: number): string => (Number.isFinite(x) ? String(Number(x.toPrecision(3))) : String(x));

/** The state's settings on top of the start's, or what is wrong with the state (an unknown name, a bad value, a forbidden change). */
export function experimentSettings<S>(widget: TrainingWidget<S>, spec: ExperimentSpec, state: Readonly<Record<string, unknown>>): { ok: true; settings: S } | { ok: false; detail: CheckDetail } {
  return readExperimentSettings<S>(widget.schema, spec, state, VIEW_ONLY);
}

/** Re-runs the widget's run for `goal.steps` updates from `settings`, as the page's worker does, and returns its last snapshot. */
export function rerunExperiment<S>(widget: TrainingWidget<S>, settings: S, goal: Pick<TrainingGoal, 'run' | 'steps'>): Promise<TrainSnapshot> {
  const params = { config: widget.runConfig(settings, goal.run), maxSteps: goal.steps, evalEvery: widget.evalEvery, boundaryResolution: 0, boundaryExtent: 1.6, activationHistograms: false };
  return runJob(trainJob, params).result;
}

/** The goal of `spec`, checked against the widget's cadence; throws (expected vs got) for a malformed one, an author's mistake. */
function goalOf(widget: TrainingWidget<unknown>, spec: ExperimentSpec): TrainingGoal {
  const goal = trainingGoalSchema.safeParse(spec.goal);
  if (!goal.success) throw new Error(`${spec.id}: expected a goal { run, metric, atLeast or atMost, steps }; got ${show(spec.goal)} (${goal.error.issues[0]?.message ?? ''})`);
  if (goal.data.steps % widget.evalEvery !== 0) throw new Error(`${spec.id}: expected steps to be a multiple of ${widget.evalEvery}, the page's evaluation interval; got ${goal.data.steps}`);
  return goal.data;
}

/** Whether the goal was reached by a run that did not diverge, in words. */
function judge(goal: TrainingGoal, snapshot: TrainSnapshot): { passed: boolean; message: string } {
  const label = `Run ${goal.run.toUpperCase()}`;
  const what = METRICS[goal.metric];
  const target = 'atLeast' in goal ? `${what} ≥ ${percent(goal.atLeast)}` : `${what} ≤ ${loss(goal.atMost)}`;
  if (snapshot.status === 'diverged') {
    return { passed: false, message: `${label} diverged at step ${snapshot.diverged?.step ?? '?'} (the loss or the gradient became infinite); the goal is ${target} after ${goal.steps} steps.` };
  }
  const reached = snapshot.evaluation[goal.metric];
  const atSteps = snapshot.evaluation.step === goal.steps;
  if ('atLeast' in goal) {
    return { passed: atSteps && reached >= goal.atLeast, message: `${label} reached ${percent(reached)} ${what} after ${snapshot.evaluation.step} steps; the goal is at least ${percent(goal.atLeast)}.` };
  }
  return { passed: atSteps && reached <= goal.atMost, message: `${label} reached ${what} ${loss(reached)} after ${snapshot.evaluation.step} steps; the goal is at most ${loss(goal.atMost)}.` };
}

/** Checks an experiment on a training widget: refuses forbidden changes, re-runs the seeded run and judges the goal. */
export async function checkTrainingExperiment<S>(widget: TrainingWidget<S>, spec: ExperimentSpec, state: Readonly<Record<string, unknown>>): Promise<CheckResult> {
  const goal = goalOf(widget as TrainingWidget<unknown>, spec);
  const read = experimentSettings(widget, spec, state);
  if (!read.ok) return { correct: false, score: 0, feedback: read.detail.message, details: [read.detail] };
  const allowed: CheckDetail = { name: 'only allowed settings changed', passed: true, message: `Only ${spec.mayChange.join(', ')} changed.` };
  const { passed, message } = judge(goal, await rerunExperiment(widget, read.settings, goal));
  return { correct: passed, score: passed ? 1 : 0, feedback: passed ? `Goal reached: ${message}` : message, details: [allowed, { name: 'goal', passed, message }] };
}
