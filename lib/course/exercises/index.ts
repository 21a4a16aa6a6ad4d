/** lib/course/exercises: exercise specs, answers, checkers and hand-ins, for the page and the grader. */
export * from './types';
export * from './spec-testing';
