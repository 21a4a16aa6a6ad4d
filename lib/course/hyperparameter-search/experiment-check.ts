/**
 * The race widget's experiment exercises, checked: the student's widget state may differ from the
 * exercise's start only in the settings it may change; then the widget's own job (raceJob) re-runs
 * the goal's methods from that state. Seeded, so the page's worker and the teacher's grader get the
 * numbers the widget showed.
 */
import { z } from 'zod';
import { runJob } from '../../runtime';
import { type CheckResult, type ExperimentSpec, readExperimentSettings } from '../exercises';
import type { MethodId, Trial } from './method';
import { objectiveOf, type Objective } from './objectives';
import { valueOf } from './space';
import { bestWithin } from './race';
import { raceJob } from './race.job';
import { METHOD_NAMES } from './ranking';
import { gridSide } from './simple-methods';
import { searchRaceSchema, type SearchRaceSettings } from './widget-settings';

const methodId = z.enum(['grid', 'random', 'bayes', 'halving']);

/** What an experiment must reach: `method`'s best value within the budget at most `atMost`, and/or below `beats`'s. */
export const searchGoalSchema = z
  .strictObject({ method: methodId, atMost: z.number().optional(), beats: methodId.optional() })
  .refine((g) => g.atMost !== undefined || g.beats !== undefined, 'expected atMost or beats');

/** The goal of a race experiment. */
export type SearchGoal = z.infer<typeof searchGoalSchema>;

/** `method`'s trials, re-run with the widget's job from `settings`. */
export async function rerunRace(settings: SearchRaceSettings, method: MethodId): Promise<Trial[]> {
  return (await runJob(raceJob, { objective: settings.objective, method, budget: settings.budget, seed: settings.seed }).result).trials;
}

/** Where a grid search's trials put the first (the important) hyperparameter: "u = 0.167, 0.5, 0.833". */
function gridColumns(objective: Objective, trials: readonly Trial[]): string {
  const param = objective.params[0];
  const columns = [...new Set(trials.map((t) => t.x[0]!))].sort((a, b) => a - b);
  return `${param.symbol} = ${columns.map((u) => Number(valueOf(param, u).toPrecision(3))).join(', ')}`;
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Checks a race experiment exercise against the student's widget state (the race needs no data files). */
export async function checkSearchExperiment(spec: ExperimentSpec, state: Readonly<Record<string, unknown>>): Promise<CheckResult> {
  const goal = searchGoalSchema.safeParse(spec.goal);
  if (!goal.success) throw new Error(`${spec.id}: expected a goal { method, atMost?, beats? }; got ${JSON.stringify(spec.goal)} (${goal.error.issues[0]?.message ?? ''})`);
  const { method, atMost, beats } = goal.data;
  const read = readExperimentSettings<SearchRaceSettings>(searchRaceSchema, spec, state);
  if (!read.ok) return { correct: false, score: 0, feedback: read.detail.message, details: [read.detail] };
  const s = read.settings;
  const objective = objectiveOf(s.objective);
  const trials = await rerunRace(s, method);
  const best = bestWithin(trials, s.budget);
  const setting = `on the ${s.objective === 'real' ? 'network' : 'toy objective'} with a budget of ${s.budget} and seed ${s.seed}`;
  const details = [{ name: 'only allowed settings changed', passed: true, message: `Only ${spec.mayChange.join(', ')} changed.` }];
  const said: string[] = [];
  if (atMost !== undefined) {
    const passed = best <= atMost;
    const where = method === 'grid' ? ` (its ${gridSide(s.budget)} × ${gridSide(s.budget)} grid tries ${gridColumns(objective, trials)})` : '';
    const message = `${capital(METHOD_NAMES[method])}'s best ${objective.valueName} ${setting} is ${best.toFixed(3)}${where}; the goal is at most ${atMost.toFixed(3)}.`;
    details.push({ name: 'best value', passed, message });
    said.push(message);
  }
  if (beats !== undefined) {
    const other = bestWithin(await rerunRace(s, beats), s.budget);
    const passed = best < other;
    const message = `${capital(METHOD_NAMES[method])}'s best ${objective.valueName} ${setting} is ${best.toFixed(4)}, ${METHOD_NAMES[beats]}'s ${other.toFixed(4)}; the goal is ${METHOD_NAMES[method]} below ${METHOD_NAMES[beats]}.`;
    details.push({ name: `${method} below ${beats}`, passed, message });
    said.push(message);
  }
  const correct = details.every((d) => d.passed);
  return { correct, score: correct ? 1 : 0, feedback: `${correct ? 'Goal reached: ' : ''}${said.join(' ')}`, details };
}
