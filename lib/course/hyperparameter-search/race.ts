/**
 * A race: one method against one objective on a budget, trial after trial; best-so-far curves; and
 * the verdict over many seeds (the median and quartiles of the best value found within a budget).
 */
import { quantile } from '../../common';
import { bayesianOptimisation } from './bayes';
import { successiveHalving } from './halving';
import type { MethodId, SearchMethod, Trial } from './method';
import type { Objective } from './objectives';
import { gridSearch, randomSearch } from './simple-methods';

/** The four methods, in the order the lesson introduces them. */
export const METHODS: readonly SearchMethod[] = [gridSearch, randomSearch, bayesianOptimisation, successiveHalving];

/** The method with this id. */
export function methodOf(id: MethodId): SearchMethod {
  const method = METHODS.find((m) => m.id === id);
  if (!method) throw new RangeError(`methodOf: expected one of ${METHODS.map((m) => m.id).join(', ')}, got "${String(id)}"`);
  return method;
}

/** The trials of `method` on `objective` after `history`, one at a time until it stops proposing (each yielded with every trial so far). */
export function* raceTrials(method: SearchMethod, objective: Objective, budget: number, seed: number, history: readonly Trial[] = []): Generator<readonly Trial[], Trial[]> {
  const trials = [...history];
  for (let proposal = method.propose(trials, budget, seed); proposal; proposal = method.propose(trials, budget, seed)) {
    trials.push({ x: proposal.x, fidelity: proposal.fidelity, value: objective.evaluate(proposal.x, proposal.fidelity) });
    yield trials;
  }
  return trials;
}

/** Runs `method` on `objective` until it stops proposing, calling onTrial after each trial. Continues from `history`. */
export function runRace(method: SearchMethod, objective: Objective, budget: number, seed: number, onTrial?: (trials: readonly Trial[]) => void, history: readonly Trial[] = []): Trial[] {
  const run = raceTrials(method, objective, budget, seed, history);
  for (let step = run.next(); ; step = run.next()) {
    if (step.done) return step.value;
    onTrial?.(step.value);
  }
}

/** One point of a best-so-far curve: after `cost` full trials, the best value seen. */
export interface BestPoint {
  cost: number;
  best: number;
}

/** The best value seen after each trial, against the cost spent so far (in full trials). */
export function bestSoFar(trials: readonly Trial[]): BestPoint[] {
  let cost = 0;
  let best = Infinity;
  return trials.map((t) => {
    cost += t.fidelity;
    best = Math.min(best, t.value);
    return { cost, best };
  });
}

/** The best value seen within `cost` full trials (Infinity before the first trial ends). */
export function bestWithin(trials: readonly Trial[], cost: number): number {
  let best = Infinity;
  for (const point of bestSoFar(trials)) if (point.cost <= cost + 1e-9) best = point.best;
  return best;
}

/** One method's result over many seeds at one budget. */
export interface VerdictRow {
  method: MethodId;
  budget: number;
  median: number;
  lowerQuartile: number;
  upperQuartile: number;
  /** In how many seeds of all it found a lower best value than random search did (ties count half). */
  beatsRandom: number;
}

/** Races every method at this budget for each seed and summarises the best values found. */
export function verdict(objective: Objective, budget: number, seeds: readonly number[], methods: readonly SearchMethod[] = METHODS): VerdictRow[] {
  const bests = new Map<MethodId, number[]>(methods.map((m) => [m.id, seeds.map((seed) => bestWithin(runRace(m, objective, budget, seed), budget))]));
  if (!bests.has('random')) bests.set('random', seeds.map((seed) => bestWithin(runRace(randomSearch, objective, budget, seed), budget)));
  return summariseSeeds(bests, budget).filter((row) => methods.some((m) => m.id === row.method));
}

/**
 * Each method's median, quartiles and wins over random search, from its best value within the
 * budget seed by seed (every method's list in the same seed order; random search's is needed for
 * the wins). In METHODS order; methods absent from `bests` are left out.
 */
export function summariseSeeds(bests: ReadonlyMap<MethodId, readonly number[]>, budget: number): VerdictRow[] {
  const random = bests.get('random');
  if (!random) throw new RangeError(`summariseSeeds: expected random search's best values among ${[...bests.keys()].join(', ')}, got none`);
  return METHODS.filter((m) => bests.has(m.id)).map((m) => {
    const values = bests.get(m.id)!;
    if (values.length !== random.length) throw new RangeError(`summariseSeeds: expected ${random.length} seeds for ${m.id}, as for random search; got ${values.length}`);
    const beatsRandom = values.reduce((n, v, i) => n + (v < random[i]! ? 1 : v === random[i]! ? 0.5 : 0), 0);
    return { method: m.id, budget, median: quantile(values, 0.5), lowerQuartile: quantile(values, 0.25), upperQuartile: quantile(values, 0.75), beatsRandom };
  });
}
