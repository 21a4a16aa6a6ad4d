/**
 * Experiment exercises on the page: each widget's URL fields (to read the widget's current
 * settings from the address bar and to make the link that sets it up), and the check, run in a
 * worker of its own (it re-trains the widget's network from the student's settings).
 */
import { defaultsOf, parseState, writeState, type Schema, type ValuesOf } from '../../lib/common';
import type { ExperimentCheckParams } from '../../lib/course/experiment-check';
import type { CheckResult, ExperimentSpec } from '../../lib/course/exercises';
import { raceSchema } from '../../lib/course/backpropagation';
import { dropoutSchema } from '../../lib/course/dropout';
import { explodingSchema } from '../../lib/course/exploding-gradients';
import { searchRaceSchema } from '../../lib/course/hyperparameter-search';
import { vanishingSchema } from '../../lib/course/vanishing-gradients';
import { JobRunner } from '../../lib/runtime';

/** A widget that experiments use: its URL fields, and the id of the lesson section that holds it. */
interface ExperimentWidget {
  readonly schema: Schema;
  readonly section: string;
}

const WIDGETS: Readonly<Record<string, ExperimentWidget>> = {
  'vanishing-gradients': { schema: vanishingSchema, section: 'the-experiment' },
  'loss-race': { schema: raceSchema, section: 'the-same-network-with-each-loss-from-a-bad-start' },
  'exploding-gradients': { schema: explodingSchema, section: 'the-experiment' },
  'dropout-training': { schema: dropoutSchema, section: 'two-runs-side-by-side' },
  'hyperparameter-search': { schema: searchRaceSchema, section: 'the-race' },
};

/** The widget of an experiment exercise; throws (expected vs got) for a widget the page does not know. */
function widgetOf(spec: ExperimentSpec): ExperimentWidget {
  const widget = WIDGETS[spec.widget];
  if (!widget) throw new Error(`${spec.id}: expected a widget among ${Object.keys(WIDGETS).join(', ')}, got "${spec.widget}"`);
  return widget;
}

/** The widget's settings as the page's address holds them now (the widget writes them there as they change). */
export function currentWidgetState(spec: ExperimentSpec): Record<string, unknown> {
  return { ...parseState(widgetOf(spec).schema, new URLSearchParams(location.search)).values };
}

/** A link (relative: this page) with the widget set up at the exercise's start. */
export function setUpLink(spec: ExperimentSpec): string {
  const { schema, section } = widgetOf(spec);
  const params = new URLSearchParams();
  writeState(schema, { ...defaultsOf(schema), ...spec.start } as ValuesOf<Schema>, params);
  return `?${params.toString()}#${section}`;
}

/** The settings that differ from the exercise's start, as "name: value" ("ainit: xavier"). */
export function changesFromStart(spec: ExperimentSpec, state: Readonly<Record<string, unknown>>): string[] {
  const start: Record<string, unknown> = { ...defaultsOf(widgetOf(spec).schema), ...spec.start };
  return Object.entries(state)
    .filter(([name, value]) => name !== 'speed' && JSON.stringify(value) !== JSON.stringify(start[name]))
    .map(([name, value]) => `${name}: ${String(value)}`);
}

let runner: JobRunner<ExperimentCheckParams, never, CheckResult> | undefined;

/** Checks an experiment's answer in the experiments' worker (one check at a time). */
export function runExperimentCheck(spec: ExperimentSpec, state: Readonly<Record<string, unknown>>): Promise<CheckResult> {
  runner ??= new JobRunner(() => new Worker(new URL('./experiment.worker.ts', import.meta.url), { type: 'module' }));
  return runner.start({ id: spec.id, state }).result;
}
