/**
 * The lesson's library for its code cells: in a cell that asks for it
 * (`<CodeCell library="hyperparameter-search">`), these exports are the namespace `search`.
 * Bundled for the kernel by site/build/cell-libraries.mjs; the editor's completions of `search.`
 * come from these exports and their docs.
 */
export { gridSearch, randomSearch, randomPoint, gridSide } from './simple-methods';
export { bayesianOptimisation } from './bayes';
export { successiveHalving } from './halving';
export { costOf, trialsWithin, type Proposal, type SearchMethod, type Trial } from './method';
export { toyObjective, toyValue, TOY_OPTIMUM } from './toy-objective';
export type { Objective } from './objective';
export { METHODS, bestSoFar, bestWithin, raceTrials, runRace } from './race';
export { quantile } from '../../common';
