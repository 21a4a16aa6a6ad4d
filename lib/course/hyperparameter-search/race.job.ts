/**
 * The worker job of the race widget: one method's whole race on one objective, trial by trial,
 * streaming every trial (and, for Bayesian optimisation, the surrogate over the grid) as it comes.
 */
import type { Job } from '../../runtime';
import { bayesStep } from './bayes';
import type { FittedGp } from './gp';
import { trialsWithin, type MethodId, type Proposal, type Trial } from './method';
import { objectiveOf, type ObjectiveId } from './objectives';
import { METHODS, methodOf } from './race';
import { SURFACE_SIDE } from './surface';

/** One method's race. */
export interface RaceParams {
  objective: ObjectiveId;
  method: MethodId;
  /** In full trials. */
  budget: number;
  seed: number;
  /**
   * An earlier race of the same extendable method, objective and seed at another budget, to extend
   * or trim instead of starting again (its trials within the new budget are kept).
   */
  from?: { trials: Trial[]; trialMs: number[] };
}

/** The surrogate's mean and standard deviation on the SURFACE_SIDE² grid, row by row (as the surfaces). */
export interface SurrogateGrid {
  mean: number[];
  sd: number[];
  /** How many trials it was fitted to. */
  trials: number;
}

/** What the race has done so far. */
export interface RaceProgress {
  trials: Trial[];
  /** Bayesian optimisation only: the surrogate fitted to every trial so far. */
  surrogate: SurrogateGrid | null;
  /** How long each trial took to evaluate, in milliseconds (the proposal excluded). */
  trialMs: number[];
}

/** The fitted surrogate on the grid. */
export function surrogateGrid(gp: FittedGp, trials: number, side = SURFACE_SIDE): SurrogateGrid {
  const mean: number[] = [];
  const sd: number[] = [];
  for (let j = 0; j < side; j++) {
    for (let i = 0; i < side; i++) {
      const p = gp.predict([i / (side - 1), j / (side - 1)]);
      mean.push(p.mean);
      sd.push(Math.sqrt(p.variance));
    }
  }
  return { mean, sd, trials };
}

/** Runs the race, emitting progress after every trial and after every surrogate fit; returns it complete. */
export const raceJob: Job<RaceParams, RaceProgress, RaceProgress> = async ({ objective: objectiveId, method: methodId, budget, seed, from }, ctx) => {
  const objective = objectiveOf(objectiveId);
  const method = methodOf(methodId);
  if (from && !method.extendable) throw new Error(`raceJob: expected a method whose race can be extended (${METHODS.filter((m) => m.extendable).map((m) => m.id).join(', ')}) to continue from earlier trials, got ${method.id}`);
  const kept = trialsWithin(from?.trials ?? [], budget);
  const state: RaceProgress = { trials: kept, surrogate: null, trialMs: (from?.trialMs ?? []).slice(0, kept.length) };
  const snapshot = (): RaceProgress => ({ trials: [...state.trials], surrogate: state.surrogate, trialMs: [...state.trialMs] });
  for (;;) {
    await ctx.checkpoint();
    let proposal: Proposal | null;
    if (method.id === 'bayes') {
      const step = bayesStep(state.trials, budget, seed);
      if (step.surrogate) state.surrogate = surrogateGrid(step.surrogate, state.trials.length);
      proposal = step.proposal;
      ctx.emit(snapshot());
    } else {
      proposal = method.propose(state.trials, budget, seed);
    }
    if (!proposal) return snapshot();
    await ctx.rest();
    const started = performance.now();
    const value = objective.evaluate(proposal.x, proposal.fidelity);
    state.trialMs.push(performance.now() - started);
    state.trials.push({ x: proposal.x, fidelity: proposal.fidelity, value });
    ctx.emit(snapshot());
  }
};
