/**
 * Successive halving (the core of Hyperband): many random configurations trained briefly, the best
 * third of them trained three times as long, and so on up to full trials.
 */
import type { Proposal, SearchMethod, Trial } from './method';
import { randomPoint } from './simple-methods';

/** Each rung keeps the best 1/η of the one before and trains it η times as long. */
export const ETA = 3;
/** Rungs below the full trial: fidelities 1/9, 1/3, then 1. */
export const RUNGS = 2;

/** How many configurations the first rung starts: n with n/η^R per rung costing n·(R + 1)/η^R ≤ budget. */
export function firstRungSize(budget: number): number {
  return Math.max(1, Math.floor((budget * ETA ** RUNGS) / (RUNGS + 1)));
}

/** The trials of rung r, in order, given the whole history (rungs run one after another). */
function planned(history: readonly Trial[], budget: number, seed: number): Proposal[] {
  let configs = Array.from({ length: firstRungSize(budget) }, (_, i) => randomPoint(seed, i));
  const plan: Proposal[] = [];
  for (let r = 0; r <= RUNGS; r++) {
    const fidelity = ETA ** (r - RUNGS);
    const start = plan.length;
    plan.push(...configs.map((x) => ({ x, fidelity })));
    const results = history.slice(start, plan.length);
    if (results.length < configs.length) return plan;
    const keep = Math.max(1, Math.floor(configs.length / ETA));
    configs = results
      .map((t, i) => ({ t, i }))
      .sort((a, b) => a.t.value - b.t.value || a.i - b.i)
      .slice(0, keep)
      .map(({ t }) => [...t.x]);
  }
  return plan;
}

/** Successive halving with η = 3 over three rungs (1/9, 1/3 and a full trial). */
export const successiveHalving: SearchMethod = {
  id: 'halving',
  label: 'Successive halving',
  extendable: false,
  propose(history, budget, seed) {
    const next = planned(history, budget, seed)[history.length];
    if (!next) return null;
    const spent = history.reduce((sum, t) => sum + t.fidelity, 0);
    return spent + next.fidelity > budget + 1e-9 ? null : next;
  },
};
