/**
 * What the page keeps of one exercise in the browser's 'progress' store (key: the exercise id):
 * the answer as typed, the attempts, the last check's result, the hash of the spec answered, the
 * time of the last change and how many hints were revealed. Stored data is input: it is validated
 * when read, and a damaged record reads as absent.
 */
import { z } from 'zod';
import type { Answer, CheckResult } from '../exercises';

/** One exercise's saved progress. */
export interface ProgressRecord {
  /** The answer as the student last typed or chose it (saved before any check). */
  readonly answer: Answer;
  /** Checks made so far. */
  readonly attempts: number;
  /** The last check's verdict, or null if the current answer has not been checked. */
  readonly result: CheckResult | null;
  /** contentHash() of the spec when the answer was last changed. */
  readonly contentHash: string;
  /** ISO date and time of the last change. */
  readonly updatedAt: string;
  /** Hints shown so far (they are revealed in order). */
  readonly revealedHints: number;
}

const answerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('numeric'), text: z.string() }),
  z.object({ kind: z.literal('shape'), text: z.string() }),
  z.object({ kind: z.literal('choice'), chosen: z.array(z.string()) }),
  z.object({ kind: z.literal('code'), code: z.string() }),
  z.object({ kind: z.literal('experiment'), state: z.record(z.string(), z.unknown()) }),
]);

const resultSchema = z.object({
  correct: z.boolean(),
  score: z.number().min(0).max(1),
  feedback: z.string(),
  details: z.array(z.object({ name: z.string(), passed: z.boolean(), message: z.string() })).optional(),
});

const recordSchema = z.object({
  answer: answerSchema,
  attempts: z.number().int().min(0),
  result: resultSchema.nullable(),
  contentHash: z.string(),
  updatedAt: z.string(),
  revealedHints: z.number().int().min(0),
});

/** A stored value as a progress record, or undefined if it is not one. */
export function parseProgressRecord(value: unknown): ProgressRecord | undefined {
  const parsed = recordSchema.safeParse(value);
  return parsed.success ? (parsed.data as ProgressRecord) : undefined;
}

/** The record after the student changed the answer: kept as typed, the last verdict cleared. */
export function withAnswer(previous: ProgressRecord | undefined, answer: Answer, contentHash: string, now: Date): ProgressRecord {
  return { attempts: 0, revealedHints: 0, ...previous, answer, result: null, contentHash, updatedAt: now.toISOString() };
}

/** The record after a check: one more attempt, and its verdict. */
export function withResult(record: ProgressRecord, result: CheckResult, now: Date): ProgressRecord {
  return { ...record, attempts: record.attempts + 1, result, updatedAt: now.toISOString() };
}
