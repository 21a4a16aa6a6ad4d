/** Looking up a lesson's exercises by id and kind, for the tests that recompute their answers. */
import type { ExerciseSpec } from './types';

/** The exercise `id` of `exercises`, which must be of `kind`; throws (expected vs got) otherwise. */
export function specOf<K extends ExerciseSpec['kind']>(exercises: readonly ExerciseSpec[], id: string, kind: K): Extract<ExerciseSpec, { kind: K }> {
  const spec = exercises.find((e) => e.id === id);
  if (!spec) throw new Error(`specOf: expected an exercise "${id}", got only ${exercises.map((e) => e.id).join(', ')}`);
  if (spec.kind !== kind) throw new Error(`specOf: expected "${id}" to be ${kind}, got ${spec.kind}`);
  return spec as Extract<ExerciseSpec, { kind: K }>;
}

/** Problems with a lesson's exercise list: ids not "<lesson>/<name>" or repeated, choices with no right option. */
export function exerciseListProblems(lesson: string, exercises: readonly ExerciseSpec[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const e of exercises) {
    if (!new RegExp(`^${lesson}/[a-z0-9]+(-[a-z0-9]+)*$`).test(e.id)) problems.push(`expected an id "${lesson}/<name>", got "${e.id}"`);
    if (seen.has(e.id)) problems.push(`expected unique ids, got "${e.id}" twice`);
    seen.add(e.id);
    if (e.kind === 'choice' && !e.options.some((o) => o.correct)) problems.push(`${e.id}: expected a correct option, got none`);
    if (!(e.points > 0)) problems.push(`${e.id}: expected points > 0, got ${e.points}`);
  }
  if (!exercises.some((e) => e.kind === 'code')) problems.push(`${lesson}: expected a code exercise, got none`);
  if (exercises.length < 3) problems.push(`${lesson}: expected at least 3 exercises, got ${exercises.length}`);
  return problems;
}
