/** lib/course/exercises: exercise specs, answers, checkers and hand-ins, for the page and the grader. */
export * from './types';
export * from './spec-testing';
export * from './parse-answer';
export * from './hash';
export * from './check-answer';
export { checkNumeric, withinTolerance } from './checkers/numeric';
export { checkShape } from './checkers/shape';
export { checkChoice } from './checkers/choice';
export * from './hand-in';
export * from './course-file';
export * from './code-runner';
export * from './course-link';
export * from './anchor';
export * from './experiment-settings';
