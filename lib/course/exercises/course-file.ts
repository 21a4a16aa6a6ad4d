/**
 * The teacher's course file (YAML, or JSON which is YAML too): the course's id and title, and its
 * assignments, each with a due date, exercises (with optional points) and a solution policy.
 * Validated with zod; every error points at its place in the file, as `course.yaml:12:5: ...`.
 */
import { LineCounter, parseDocument, isNode, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import { formatPath } from './issue-path';

const ID = /^[a-z0-9][a-z0-9-]*$/;
const isoDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: 'expected an ISO date such as 2026-12-15 or 2026-12-15T23:59:00Z' });

/** The course file's schema (zod). */
export const courseSchema = z.strictObject({
  id: z.string().regex(ID, 'expected lowercase letters, digits and dashes, such as ml-2026'),
  title: z.string().min(1),
  assignments: z
    .array(
      z.strictObject({
        id: z.string().regex(ID, 'expected lowercase letters, digits and dashes, such as week-1'),
        title: z.string().min(1),
        due: isoDate,
        solutions: z.enum(['always', 'after-correct', 'after-due', 'never']),
        exercises: z.array(z.strictObject({ id: z.string().min(1), points: z.number().positive().optional() })).min(1),
      }),
    )
    .min(1),
});

/** A course, as its file describes it. */
export type Course = z.infer<typeof courseSchema>;
/** One assignment of a course. */
export type Assignment = Course['assignments'][number];

/** A course read, or every problem found in its file, each starting `file:line:column:`. */
export type ReadCourse = { readonly ok: true; readonly course: Course } | { readonly ok: false; readonly errors: readonly string[] };

/** Options of readCourseFile(). */
export interface CourseFileOptions {
  /** The name errors start with. */
  readonly fileName?: string;
  /** The exercise ids that exist (the catalogue's): any other is refused. */
  readonly exerciseIds?: ReadonlySet<string>;
}

/** Reads and validates a course file's text. */
export function readCourseFile(text: string, options: CourseFileOptions = {}): ReadCourse {
  const fileName = options.fileName ?? 'course.yaml';
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const at = (offset: number): string => {
    const { line, col } = lines.linePos(offset);
    return `${fileName}:${line}:${col}`;
  };
  if (doc.errors.length > 0) return { ok: false, errors: doc.errors.map((e) => `${at(e.pos[0])}: ${e.message.split('\n')[0] ?? ''}`) };
  // The place of a path: its node, or the nearest parent that exists (a missing key is reported at its map).
  const place = (path: readonly PropertyKey[]): string => {
    for (let n = path.length; n >= 0; n--) {
      const node: unknown = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return at((node as YamlNode).range?.[0] ?? 0);
    }
    return `${fileName}:1:1`;
  };
  const data: unknown = doc.toJS();
  const parsed = courseSchema.safeParse(data);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `${place(i.path)}: ${formatPath(i.path)}: ${i.message}`) };
  }
  const errors = referenceErrors(parsed.data, options.exerciseIds).map(({ path, message }) => `${place(path)}: ${formatPath(path)}: ${message}`);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, course: parsed.data };
}

/** Duplicate ids, and exercise ids the catalogue does not have. */
function referenceErrors(course: Course, known: ReadonlySet<string> | undefined): { path: PropertyKey[]; message: string }[] {
  const errors: { path: PropertyKey[]; message: string }[] = [];
  const assignments = new Set<string>();
  course.assignments.forEach((assignment, a) => {
    if (assignments.has(assignment.id)) errors.push({ path: ['assignments', a, 'id'], message: `assignment id "${assignment.id}" is used twice; expected each once` });
    assignments.add(assignment.id);
    const seen = new Set<string>();
    assignment.exercises.forEach((exercise, e) => {
      const path = ['assignments', a, 'exercises', e, 'id'];
      if (seen.has(exercise.id)) errors.push({ path, message: `exercise "${exercise.id}" is listed twice in this assignment` });
      seen.add(exercise.id);
      if (known && !known.has(exercise.id)) errors.push({ path, message: unknownExercise(exercise.id, known) });
    });
  });
  return errors;
}

/** "expected an exercise id of the catalogue; got ..." with the same lesson's ids as suggestions. */
function unknownExercise(id: string, known: ReadonlySet<string>): string {
  const lesson = id.split('/')[0] ?? '';
  const sameLesson = [...known].filter((k) => k.startsWith(`${lesson}/`)).sort();
  const hint = sameLesson.length > 0 ? `; ${lesson} has ${sameLesson.join(', ')}` : `; the lessons with exercises are ${[...new Set([...known].map((k) => k.split('/')[0]))].sort().join(', ')}`;
  return `expected an exercise id of the catalogue; got "${id}", which is none${hint}`;
}
