/** Between the browser's progress records and a hand-in file's answers, both ways. */
import type { HandIn, HandInInput } from '../exercises';
import type { ProgressRecord } from './record';

/** The hand-in answers for the saved records (every answer, checked or not). */
export function handInAnswers(records: ReadonlyMap<string, ProgressRecord>): HandInInput['answers'] {
  return Object.fromEntries(
    [...records].map(([id, r]) => [id, { answer: r.answer, attempts: r.attempts, contentHash: r.contentHash, updatedAt: r.updatedAt, ...(r.result ? { pageResult: r.result } : {}) }]),
  );
}

/** The records an imported hand-in restores (hints revealed are not in the file: none). */
export function recordsFromHandIn(handIn: HandIn): Map<string, ProgressRecord> {
  return new Map(
    Object.entries(handIn.answers).map(([id, a]) => [id, { answer: a.answer, attempts: a.attempts, result: a.pageResult ?? null, contentHash: a.contentHash, updatedAt: a.updatedAt, revealedHints: 0 }]),
  );
}

/** The course a hand-in from the site's own progress page is for: every exercise of every lesson. */
export const SITE_COURSE_ID = 'neural-notebook';
