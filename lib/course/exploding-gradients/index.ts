/** lib/course/exploding-gradients: the lesson's exercises. */
export * from './exercises';
