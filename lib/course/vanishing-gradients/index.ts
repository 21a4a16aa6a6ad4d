/** lib/course/vanishing-gradients: the widget's settings and runs, its exercises and their experiment checker. */
export * from './widget-settings';
export { exercises } from './exercises';
export { EVAL_EVERY, checkVanishingExperiment, rerun, vanishingWidget } from './experiment';
