/** lib/course/training-experiment: experiment exercises on the two-run training widgets, checked by re-running their seeded jobs. */
export * from './check';
