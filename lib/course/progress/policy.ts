/** When an exercise's solution may be shown, by the course's policy. */
import type { SolutionPolicy } from '../exercises';

/** The moment `due` (an ISO date or date-time) passes, in ms: a date without a time is due at the end of that day, UTC. */
export function dueTime(due: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(due) ? Date.parse(`${due}T23:59:59.999Z`) : Date.parse(due);
}

/** Whether the solution shows: always; after a correct answer; after the due date (ISO); or never. */
export function solutionVisible(policy: SolutionPolicy, { correct, due, now }: { correct: boolean; due?: string | undefined; now: Date }): boolean {
  switch (policy) {
    case 'always':
      return true;
    case 'after-correct':
      return correct;
    case 'after-due':
      return due !== undefined && now.getTime() > dueTime(due);
    case 'never':
      return false;
  }
}

/** Why the solution is hidden, for the student, or null if it is shown. */
export function solutionHiddenReason(policy: SolutionPolicy, { correct, due, now }: { correct: boolean; due?: string | undefined; now: Date }): string | null {
  if (solutionVisible(policy, { correct, due, now })) return null;
  if (policy === 'after-correct') return 'The solution shows once your answer is correct.';
  if (policy === 'after-due') return due === undefined ? 'The solution shows after the due date.' : `The solution shows after the due date, ${due.slice(0, 10)}.`;
  return 'This course does not show solutions.';
}
