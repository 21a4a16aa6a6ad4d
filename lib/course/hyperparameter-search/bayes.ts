/**
 * Bayesian optimisation: a few random trials (the first points random search draws for the same seed), then at each step a Gaussian process fitted to every
 * trial so far and the point of largest expected improvement, found among random candidates and
 * polished by Nelder–Mead.
 */
import { Rng } from '../../engine';
import { expectedImprovement } from './acquisition';
import { fitGp, type FittedGp } from './gp';
import type { Proposal, SearchMethod, Trial } from './method';
import { nelderMead } from './nelder-mead';
import { randomPoint } from './simple-methods';

/** Random trials before the first surrogate. */
export const INITIAL_TRIALS = 4;
/** Random candidates scored by expected improvement at each step. */
const CANDIDATES = 400;

/** A seed for the stream `salt` of a race's seed. */
export function streamSeed(seed: number, salt: number): number {
  return (Math.imul(seed, 0x9e3779b1) + Math.imul(salt + 1, 0x85ebca6b)) >>> 0;
}

const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));

/** The next point of BO and the surrogate it was chosen with (none during the random start). */
export function bayesStep(history: readonly Trial[], budget: number, seed: number): { proposal: Proposal | null; surrogate: FittedGp | null } {
  const surrogate = history.length === 0 ? null : fitGp(history.map((t) => t.x), history.map((t) => t.value), new Rng(streamSeed(seed, history.length)));
  if (history.length + 1 > budget) return { proposal: null, surrogate };
  if (history.length < Math.min(INITIAL_TRIALS, budget) || !surrogate) return { proposal: { x: randomPoint(seed, history.length), fidelity: 1 }, surrogate };
  const best = Math.min(...history.map((t) => t.value));
  const ei = (x: readonly number[]): number => {
    const { mean, variance } = surrogate.predict(x);
    return expectedImprovement(mean, Math.sqrt(variance), best);
  };
  const rng = new Rng(streamSeed(seed, 1000 + history.length));
  const incumbent = history.find((t) => t.value === best)!.x;
  let top = { x: [0.5, 0.5], score: -Infinity };
  for (let i = 0; i < CANDIDATES; i++) {
    const x = i % 10 === 0 ? incumbent.map((c) => clamp01(c + rng.normal(0, 0.05))) : [rng.random(), rng.random()];
    const score = ei(x);
    if (score > top.score) top = { x, score };
  }
  const polished = nelderMead((x) => -ei(x.map(clamp01)), top.x, 0.03, 40);
  const x = -polished.value > top.score ? polished.x.map(clamp01) : top.x;
  return { proposal: { x, fidelity: 1 }, surrogate };
}

/** Bayesian optimisation with a Matérn 5/2 GP and expected improvement. */
export const bayesianOptimisation: SearchMethod = {
  id: 'bayes',
  label: 'Bayesian',
  extendable: true,
  propose: (history, budget, seed) => bayesStep(history, budget, seed).proposal,
};
