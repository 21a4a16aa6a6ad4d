/** lib/course/exploding-gradients: the widget's settings and runs, the lesson's exercises and their experiment checker. */
export * from './widget-settings';
export * from './exercises';
export { EXPLODING_EVAL_EVERY, checkExplodingExperiment, explodingWidget } from './experiment';
