/** What a search minimises: a function of the unit square, at a fidelity. */
import type { Hyperparameter } from './space';

/** A function of the unit square to minimise, at a fidelity (the share of a full trial's training). */
export interface Objective {
  readonly id: ObjectiveId;
  readonly label: string;
  /** Its hyperparameters, in order: x[i] is the unit coordinate of params[i]. */
  readonly params: readonly [Hyperparameter, Hyperparameter];
  /** What a value means ("validation loss"). */
  readonly valueName: string;
  /** The value at unit coordinates x after `fidelity` ∈ (0, 1] of a full trial (1: the whole trial). */
  evaluate(x: readonly number[], fidelity: number): number;
}

/** The objectives by name. */
export type ObjectiveId = 'real' | 'toy';
