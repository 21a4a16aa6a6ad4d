/** lib/course/vanishing-gradients: the lesson's exercises. */
export * from './exercises';
