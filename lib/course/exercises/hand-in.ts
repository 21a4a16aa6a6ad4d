/**
 * The hand-in file: one JSON file a student exports with every answer, and the grader (or another
 * browser) reads back. Not a security boundary: the grader ignores `pageResult` and re-checks
 * everything. readHandIn() refuses, with a message saying what was expected and what was found
 * (and where), a file that is too big, not JSON, not a hand-in, from a newer version, or of another course.
 */
import { z } from 'zod';
import { formatPath } from './issue-path';
import type { Answer, CheckResult } from './types';

/** The `format` every hand-in carries. */
export const HAND_IN_FORMAT = 'neural-notebook/hand-in';
/** The hand-in schema version this code writes and the newest it reads. */
export const HAND_IN_VERSION = 1;
/** The largest hand-in file read, in bytes (UTF-16 code units of the text): a course's answers fit in far less. */
export const MAX_HAND_IN_BYTES = 5_000_000;

const MAX_CODE = 100_000;
const text = (max: number) => z.string().max(max);
const primitive = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);
/** A widget's URL-state object: names to values, or to short lists of values. */
const record = z.record(z.string().max(100), z.union([primitive, z.array(primitive).max(1000)]));

const answerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('numeric'), text: text(1000) }),
  z.object({ kind: z.literal('shape'), text: text(1000) }),
  z.object({ kind: z.literal('choice'), chosen: z.array(text(200)).max(100) }),
  z.object({ kind: z.literal('code'), code: text(MAX_CODE) }),
  z.object({ kind: z.literal('experiment'), state: record }),
]);

const resultSchema = z.object({
  correct: z.boolean(),
  score: z.number().min(0).max(1),
  feedback: text(10_000),
  details: z.array(z.object({ name: text(1000), passed: z.boolean(), message: text(10_000) })).max(1000).optional(),
});

const entrySchema = z
  .object({
    kind: z.enum(['numeric', 'shape', 'choice', 'code', 'experiment']),
    answer: answerSchema,
    attempts: z.number().int().min(0),
    contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits (a SHA-256)'),
    updatedAt: z.iso.datetime({ offset: true }),
    pageResult: resultSchema.optional(),
  })
  .refine((e) => e.kind === e.answer.kind, { message: 'expected kind to match answer.kind', path: ['kind'] });

/** The hand-in file's schema (zod), version 1. */
export const handInSchema = z.object({
  format: z.literal(HAND_IN_FORMAT),
  version: z.literal(HAND_IN_VERSION),
  course: z.object({ id: text(200), title: text(1000), hash: text(200) }),
  student: z.object({ name: text(200), id: text(200) }),
  createdAt: z.iso.datetime({ offset: true }),
  app: z.object({ version: text(100) }),
  answers: z.record(text(200), entrySchema).refine((a) => Object.keys(a).length <= 2000, 'expected at most 2000 answers'),
});

/** One exercise's answer in a hand-in. */
export interface HandInAnswer {
  readonly kind: Answer['kind'];
  readonly answer: Answer;
  readonly attempts: number;
  /** contentHash() of the spec the student answered. */
  readonly contentHash: string;
  /** ISO date and time of the last change. */
  readonly updatedAt: string;
  /** What the page's checker said (ignored by the grader). */
  readonly pageResult?: CheckResult;
}

/** A hand-in file's content. */
export interface HandIn {
  readonly format: typeof HAND_IN_FORMAT;
  readonly version: typeof HAND_IN_VERSION;
  readonly course: { readonly id: string; readonly title: string; readonly hash: string };
  readonly student: { readonly name: string; readonly id: string };
  readonly createdAt: string;
  readonly app: { readonly version: string };
  readonly answers: Readonly<Record<string, HandInAnswer>>;
}

/** What makeHandIn() needs. */
export interface HandInInput {
  readonly course: HandIn['course'];
  readonly student: HandIn['student'];
  readonly appVersion: string;
  readonly answers: Readonly<Record<string, Omit<HandInAnswer, 'kind'>>>;
  /** The time written as createdAt (passed in so that tests are deterministic). */
  readonly now: Date;
}

/** A hand-in from a student's answers (each entry's kind taken from its answer). */
export function makeHandIn(input: HandInInput): HandIn {
  const answers = Object.fromEntries(Object.entries(input.answers).map(([id, a]) => [id, { kind: a.answer.kind, ...a }]));
  return { format: HAND_IN_FORMAT, version: HAND_IN_VERSION, course: input.course, student: input.student, createdAt: input.now.toISOString(), app: { version: input.appVersion }, answers };
}

/** A hand-in as the text of its file. */
export function writeHandIn(handIn: HandIn): string {
  return `${JSON.stringify(handIn, null, 2)}\n`;
}

/** A hand-in read, or why it was refused. */
export type ReadHandIn = { readonly ok: true; readonly handIn: HandIn } | { readonly ok: false; readonly message: string };

const describe = (value: unknown): string => (value === undefined ? 'nothing' : JSON.stringify(value)?.slice(0, 80) ?? String(value));
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a hand-in file's text for course `courseId`; refuses (with a message) anything else. */
export function readHandIn(text: string, options: { readonly courseId: string; readonly maxBytes?: number }): ReadHandIn {
  const refuse = (message: string): ReadHandIn => ({ ok: false, message });
  const max = options.maxBytes ?? MAX_HAND_IN_BYTES;
  if (text.length > max) return refuse(`Expected a hand-in file of at most ${max.toLocaleString('en-US')} bytes; got ${text.length.toLocaleString('en-US')}.`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (thrown) {
    return refuse(`Expected a hand-in file (JSON); got text that is not JSON: ${thrown instanceof Error ? thrown.message : String(thrown)}.`);
  }
  if (!isRecord(data)) return refuse(`Expected a hand-in file (a JSON object); got ${Array.isArray(data) ? 'an array' : describe(data)}.`);
  if (data['format'] !== HAND_IN_FORMAT) return refuse(`Expected format "${HAND_IN_FORMAT}"; got ${describe(data['format'])} at format: this is not a Neural Notebook hand-in.`);
  const version = data['version'];
  if (typeof version === 'number' && version > HAND_IN_VERSION) {
    return refuse(`Expected a hand-in of version ${HAND_IN_VERSION} or older; got version ${version}, written by a newer Neural Notebook. Open it in the current site.`);
  }
  const courseId = isRecord(data['course']) ? data['course']['id'] : undefined;
  if (courseId !== options.courseId) return refuse(`Expected a hand-in for course "${options.courseId}"; got one for ${courseId === undefined ? 'no course' : `course ${describe(courseId)}`} at course.id.`);
  const parsed = handInSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = formatPath(issue?.path ?? []);
    const found = valueAt(data, issue?.path ?? []);
    return refuse(`The hand-in is damaged at ${at}: ${issue?.message ?? 'invalid'}; found ${describe(found)}.`);
  }
  return { ok: true, handIn: parsed.data as HandIn };
}

/** The value at `path` in `data`, or undefined. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) value = isRecord(value) || Array.isArray(value) ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}
