import { describe, expect, it } from 'vitest';
import { contentHash, makeHandIn, readHandIn, writeHandIn, type ExerciseSpec } from '../exercises';
import { handInAnswers, recordsFromHandIn } from './hand-in';
import { solutionHiddenReason, solutionVisible } from './policy';
import { parseProgressRecord, withAnswer, withResult, type ProgressRecord } from './record';
import { formatPoints, progressSummary } from './summary';

const numeric: ExerciseSpec = { id: 'l/n', kind: 'numeric', points: 2, answer: 105, hints: [], solution: '' };
const choice: ExerciseSpec = { id: 'l/c', kind: 'choice', points: 1, multiple: true, hints: [], solution: '', options: [] };
const code: ExerciseSpec = { id: 'l/k', kind: 'code', points: 3, starter: '', checks: '', hints: [], solution: '' };
const t0 = new Date('2026-12-01T10:00:00Z');
const t1 = new Date('2026-12-01T10:05:00Z');

describe('progress records', () => {
  it('withAnswer() keeps the answer as typed and clears the verdict; withResult() counts the attempt', async () => {
    const hash = await contentHash(numeric);
    const typed = withAnswer(undefined, { kind: 'numeric', text: '1,05 params' }, hash, t0);
    expect(typed).toEqual({ answer: { kind: 'numeric', text: '1,05 params' }, attempts: 0, revealedHints: 0, result: null, contentHash: hash, updatedAt: t0.toISOString() });
    const checked = withResult(typed, { correct: false, score: 0, feedback: 'too small' }, t1);
    expect([checked.attempts, checked.result?.feedback, checked.updatedAt]).toEqual([1, 'too small', t1.toISOString()]);
    const retyped = withAnswer({ ...checked, revealedHints: 2 }, { kind: 'numeric', text: '105' }, hash, t1);
    expect([retyped.attempts, retyped.revealedHints, retyped.result]).toEqual([1, 2, null]);
  });

  it('parseProgressRecord() reads a record back and refuses damaged ones', () => {
    const good: ProgressRecord = { answer: { kind: 'choice', chosen: ['a'] }, attempts: 2, result: null, contentHash: 'h', updatedAt: t0.toISOString(), revealedHints: 1 };
    expect(parseProgressRecord(structuredClone(good))).toEqual(good);
    expect(parseProgressRecord({ ...good, attempts: -1 })).toBeUndefined();
    expect(parseProgressRecord({ ...good, answer: { kind: 'numeric' } })).toBeUndefined();
    expect(parseProgressRecord('text')).toBeUndefined();
  });
});

describe('progressSummary()', () => {
  it('gives each exercise its status and earned points, and the totals', () => {
    const records = new Map<string, ProgressRecord>([
      ['l/n', { answer: { kind: 'numeric', text: '105' }, attempts: 3, result: { correct: true, score: 1, feedback: '' }, contentHash: 'h', updatedAt: '', revealedHints: 0 }],
      ['l/c', { answer: { kind: 'choice', chosen: ['a'] }, attempts: 1, result: { correct: false, score: 0.5, feedback: '' }, contentHash: 'h', updatedAt: '', revealedHints: 0 }],
    ]);
    const summary = progressSummary([numeric, choice, code], records);
    expect(summary.standings.map((s) => [s.id, s.status, s.earned, s.attempts])).toEqual([
      ['l/n', 'correct', 2, 3],
      ['l/c', 'partial', 0.5, 1],
      ['l/k', 'not-started', 0, 0],
    ]);
    expect([summary.earned, summary.points, summary.correct]).toEqual([2.5, 6, 1]);
    expect([formatPoints(2.5), formatPoints(2 / 3), formatPoints(6)]).toEqual(['2.5', '0.67', '6']);
  });
});

describe('solution policy', () => {
  it('always, after-correct, after-due and never', () => {
    const now = new Date('2026-12-10T00:00:00Z');
    expect(solutionVisible('always', { correct: false, now })).toBe(true);
    expect([solutionVisible('after-correct', { correct: false, now }), solutionVisible('after-correct', { correct: true, now })]).toEqual([false, true]);
    expect([solutionVisible('after-due', { correct: true, due: '2026-12-11', now }), solutionVisible('after-due', { correct: false, due: '2026-12-09', now })]).toEqual([false, true]);
    expect(solutionVisible('never', { correct: true, now })).toBe(false);
    expect(solutionHiddenReason('after-due', { correct: true, due: '2026-12-11T00:00:00Z', now })).toBe('The solution shows after the due date, 2026-12-11.');
  });
});

describe('hand-in', () => {
  it('records → makeHandIn → file text → readHandIn → records gives the records back (hints revealed excepted)', async () => {
    const hash = await contentHash(numeric);
    const records = new Map<string, ProgressRecord>([
      ['l/n', { answer: { kind: 'numeric', text: '105 parameters' }, attempts: 2, result: { correct: true, score: 1, feedback: 'Correct' }, contentHash: hash, updatedAt: t0.toISOString(), revealedHints: 0 }],
      ['l/k', { answer: { kind: 'code', code: 'const x = 1;' }, attempts: 0, result: null, contentHash: hash, updatedAt: t1.toISOString(), revealedHints: 0 }],
    ]);
    const course = { id: 'c', title: 'C', hash: 'h' };
    const text = writeHandIn(makeHandIn({ course, student: { name: 'Ada', id: '42' }, appVersion: '0.1.0', answers: handInAnswers(records), now: t1 }));
    const read = readHandIn(text, { courseId: 'c' });
    if (!read.ok) throw new Error(read.message);
    expect(recordsFromHandIn(read.handIn)).toEqual(records);
  });
});
