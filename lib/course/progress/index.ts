/** lib/course/progress: a student's saved progress on the exercises, its summary, solution policy and hand-in. */
export * from './record';
export * from './summary';
export * from './policy';
export * from './hand-in';
export * from './joined-course';
