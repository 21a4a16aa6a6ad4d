/**
 * Experiment exercises on the page: each widget's URL fields (to read the widget's current
 * settings from the address bar and to make the link that sets it up), and the check, run in a
 * worker of its own (it re-trains the widget's network from the student's settings).
 *
 * A widget's URL fields live in its lesson's package, which is imported only when an exercise on
 * that widget shows: a page loads no other lesson's code (on the widget's own page the package
 * is already loaded by the widget).
 */
import { defaultsOf, parseState, writeState, type Schema, type ValuesOf } from '../../lib/common';
import type { ExperimentCheckParams } from '../../lib/course/experiment-check';
import type { CheckResult, ExperimentSpec } from '../../lib/course/exercises';
import { JobRunner } from '../../lib/runtime';

/** A widget that experiments use: its URL fields, and the id of the lesson section that holds it. */
export interface ExperimentWidget {
  readonly schema: Schema;
  readonly section: string;
}

/** A widget's lesson section, and a loader of its URL fields from its lesson's package. */
interface WidgetEntry {
  readonly section: string;
  schema(): Promise<Schema>;
}

const WIDGETS: Readonly<Record<string, WidgetEntry>> = {
  'vanishing-gradients': {
    section: 'the-experiment',
    schema: async () => (await import('../../lib/course/vanishing-gradients')).vanishingSchema,
  },
  'loss-race': {
    section: 'the-same-network-with-each-loss-from-a-bad-start',
    schema: async () => (await import('../../lib/course/backpropagation')).raceSchema,
  },
  'exploding-gradients': {
    section: 'the-experiment',
    schema: async () => (await import('../../lib/course/exploding-gradients')).explodingSchema,
  },
  'dropout-training': {
    section: 'two-runs-side-by-side',
    schema: async () => (await import('../../lib/course/dropout')).dropoutSchema,
  },
  'hyperparameter-search': {
    section: 'the-race',
    schema: async () => (await import('../../lib/course/hyperparameter-search')).searchRaceSchema,
  },
};

/** The entry of an experiment exercise's widget; throws (expected vs got) for a widget the page does not know. */
function entryOf(spec: ExperimentSpec): WidgetEntry {
  const entry = WIDGETS[spec.widget];
  if (!entry) throw new Error(`${spec.id}: expected a widget among ${Object.keys(WIDGETS).join(', ')}, got "${spec.widget}"`);
  return entry;
}

/** Loads the widget of an experiment exercise (its lesson's package); rejects (expected vs got) for a widget the page does not know. */
export async function loadExperimentWidget(spec: ExperimentSpec): Promise<ExperimentWidget> {
  const entry = entryOf(spec);
  return { schema: await entry.schema(), section: entry.section };
}

/** The widget's settings as the page's address holds them now (the widget writes them there as they change). */
export function currentWidgetState(widget: ExperimentWidget): Record<string, unknown> {
  return { ...parseState(widget.schema, new URLSearchParams(location.search)).values };
}

/** A link (relative: this page) with the widget set up at the exercise's start. */
export function setUpLink(spec: ExperimentSpec, { schema, section }: ExperimentWidget): string {
  const params = new URLSearchParams();
  writeState(schema, { ...defaultsOf(schema), ...spec.start } as ValuesOf<Schema>, params);
  return `?${params.toString()}#${section}`;
}

/** The settings that differ from the exercise's start, as "name: value" ("ainit: xavier"). */
export function changesFromStart(spec: ExperimentSpec, widget: ExperimentWidget, state: Readonly<Record<string, unknown>>): string[] {
  const start: Record<string, unknown> = { ...defaultsOf(widget.schema), ...spec.start };
  return Object.entries(state)
    .filter(([name, value]) => name !== 'speed' && JSON.stringify(value) !== JSON.stringify(start[name]))
    .map(([name, value]) => `${name}: ${String(value)}`);
}

let runner: JobRunner<ExperimentCheckParams, never, CheckResult> | undefined;

/**
 * Checks an experiment's answer in the experiments' worker (one check at a time). The worker holds
 * every lesson's checker (lib/course/catalogue); it loads only when a student presses Check, and one
 * worker for all five widgets adds 305 KB to what the offline cache holds where one per widget
 * added 1,156 KB.
 */
export function runExperimentCheck(spec: ExperimentSpec, state: Readonly<Record<string, unknown>>): Promise<CheckResult> {
  runner ??= new JobRunner(() => new Worker(new URL('./experiment.worker.ts', import.meta.url), { type: 'module' }));
  return runner.start({ id: spec.id, state }).result;
}
