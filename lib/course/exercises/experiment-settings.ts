/** Reading an experiment exercise's answer: a widget's URL state, checked against the exercise's start and what may change. */
import { defaultsOf, type Schema } from '../../common';
import type { CheckResult, ExperimentSpec } from './types';

/** One line of a check's details. */
export type CheckDetail = NonNullable<CheckResult['details']>[number];

const show = (v: unknown): string => JSON.stringify(v);

/**
 * The state's settings on top of the exercise's start (itself on top of the schema's defaults), or
 * what is wrong with the state: an unknown name, a value the schema refuses, or a change to a setting
 * outside `spec.mayChange` (settings in `viewOnly`, such as the speed, may always change). The caller
 * asserts the result's type: the schema has parsed every value.
 */
export function readExperimentSettings<T>(
  schema: Schema,
  spec: ExperimentSpec,
  state: Readonly<Record<string, unknown>>,
  viewOnly: ReadonlySet<string> = new Set(),
): { ok: true; settings: T } | { ok: false; detail: CheckDetail } {
  const fields: Record<string, { expected: string; parse(raw: string): unknown }> = schema;
  const start: Record<string, unknown> = { ...defaultsOf(schema), ...spec.start };
  const changed: string[] = [];
  for (const [name, value] of Object.entries(state)) {
    const field = fields[name];
    if (!field) return { ok: false, detail: { name: 'settings', passed: false, message: `Expected settings among ${Object.keys(fields).join(', ')}; got "${name}".` } };
    if (field.parse(String(value)) !== value) return { ok: false, detail: { name: 'settings', passed: false, message: `Expected ${name} to be ${field.expected}; got ${show(value)}.` } };
    if (value !== start[name] && !viewOnly.has(name) && !spec.mayChange.includes(name)) changed.push(`${name} from ${show(start[name])} to ${show(value)}`);
  }
  if (changed.length > 0) {
    return { ok: false, detail: { name: 'only allowed settings changed', passed: false, message: `Only ${spec.mayChange.join(', ')} may change; you changed ${changed.join(' and ')}.` } };
  }
  return { ok: true, settings: { ...start, ...state } as T };
}

/** Where an experiment's checker reads the site's data files (`public/<path>`): fetched in the page's worker, read from the grader's bundle. */
export interface SiteFiles {
  read(path: string): Promise<Uint8Array>;
}

/** No files: a checker that needs one says so. */
export const NO_SITE_FILES: SiteFiles = {
  read: (path) => Promise.reject(new Error(`expected a way to read the site's file ${path}, got none here`)),
};
