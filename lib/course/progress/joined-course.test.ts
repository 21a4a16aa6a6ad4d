import { describe, expect, it } from 'vitest';
import type { Course } from '../exercises';
import { assignmentOf, courseExerciseIds, dueText, parseJoinedCourse, policyText } from './joined-course';
import { solutionVisible } from './policy';

const course: Course = {
  id: 'ml-2026',
  title: 'Machine learning 2026',
  assignments: [
    { id: 'week-1', title: 'Week 1', due: '2026-12-15', solutions: 'after-due', exercises: [{ id: 'pooling/a' }, { id: 'pooling/b', points: 3 }] },
    { id: 'week-2', title: 'Week 2', due: '2026-12-22T12:00:00Z', solutions: 'never', exercises: [{ id: 'pooling/b' }, { id: 'rnn-shapes/c' }] },
  ],
};

describe('the joined course', () => {
  it('reads back what was stored, and refuses a damaged record', () => {
    expect(parseJoinedCourse({ course, joinedAt: '2026-12-01T10:00:00Z' })).toEqual({ course, joinedAt: '2026-12-01T10:00:00Z' });
    expect(parseJoinedCourse({ course: { ...course, id: 'Not An Id' }, joinedAt: '2026-12-01' })).toBeUndefined();
    expect(parseJoinedCourse({ course })).toBeUndefined();
    expect(parseJoinedCourse('ml-2026')).toBeUndefined();
  });

  it("finds an exercise's first assignment, and lists each exercise once in course order", () => {
    expect(assignmentOf(course, 'pooling/b')?.id).toBe('week-1');
    expect(assignmentOf(course, 'rnn-shapes/c')?.id).toBe('week-2');
    expect(assignmentOf(course, 'cnn-sizes/x')).toBeUndefined();
    expect(courseExerciseIds(course)).toEqual(['pooling/a', 'pooling/b', 'rnn-shapes/c']);
  });

  it('a date without a time is due at the end of that day (UTC), for the text and for the after-due policy alike', () => {
    const lastMinute = new Date('2026-12-15T23:59:00Z');
    const nextDay = new Date('2026-12-16T00:00:01Z');
    expect(dueText('2026-12-15', lastMinute)).toBe('Due Tuesday 15 December 2026');
    expect(dueText('2026-12-15', nextDay)).toBe('Was due Tuesday 15 December 2026');
    expect(solutionVisible('after-due', { correct: false, due: '2026-12-15', now: lastMinute })).toBe(false);
    expect(solutionVisible('after-due', { correct: false, due: '2026-12-15', now: nextDay })).toBe(true);
    expect(dueText('2026-12-22T12:00:00Z', lastMinute)).toBe('Due Tuesday 22 December 2026, 12:00 UTC');
  });

  it('says what each solution policy means', () => {
    expect(policyText('after-due')).toBe('Solutions show after the due date.');
    expect(policyText('never')).toBe('This course does not show solutions.');
  });
});
