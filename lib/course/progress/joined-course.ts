/**
 * The course a student has joined by opening its link (/course/#c=...): kept in the browser's
 * 'courses' store, it sets each of its exercises' solution policy and due date, and the course
 * id that a hand-in from the course page carries (the teacher's grader refuses other courses).
 */
import { courseSchema, type Assignment, type Course } from '../exercises';
import { dueTime } from './policy';

/** The key of the joined course in the 'courses' store. */
export const JOINED_COURSE_KEY = 'joined';

/** A course joined in this browser, and when. */
export interface JoinedCourse {
  readonly course: Course;
  /** ISO time the student joined it. */
  readonly joinedAt: string;
}

/** The joined course stored in the browser, validated; undefined if absent or damaged (stored data is input). */
export function parseJoinedCourse(value: unknown): JoinedCourse | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { course, joinedAt } = value as Partial<Record<keyof JoinedCourse, unknown>>;
  const parsed = courseSchema.safeParse(course);
  return parsed.success && typeof joinedAt === 'string' ? { course: parsed.data, joinedAt } : undefined;
}

/** The first assignment of `course` that has the exercise `exerciseId`, or undefined. */
export function assignmentOf(course: Course, exerciseId: string): Assignment | undefined {
  return course.assignments.find((a) => a.exercises.some((e) => e.id === exerciseId));
}

/** Every exercise id of the course, each once, in the course's order. */
export function courseExerciseIds(course: Course): string[] {
  return [...new Set(course.assignments.flatMap((a) => a.exercises.map((e) => e.id)))];
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Due Tuesday 15 December 2026", or "Was due ..." once `now` is past it (see dueTime). */
export function dueText(due: string, now: Date): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(due);
  const end = dueTime(due);
  const d = new Date(end);
  // Spelled out here, not by toLocaleDateString, whose wording differs between browsers and Node.
  const when = `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  const time = dateOnly ? '' : `, ${new Date(end).toISOString().slice(11, 16)} UTC`;
  return `${now.getTime() > end ? 'Was due' : 'Due'} ${when}${time}`;
}

/** What a solution policy means, for the student. */
export function policyText(policy: Assignment['solutions']): string {
  switch (policy) {
    case 'always':
      return 'Solutions are shown from the start.';
    case 'after-correct':
      return 'A solution shows once your answer is correct.';
    case 'after-due':
      return 'Solutions show after the due date.';
    case 'never':
      return 'This course does not show solutions.';
  }
}
