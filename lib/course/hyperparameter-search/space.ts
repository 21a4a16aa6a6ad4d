/**
 * Search spaces: each hyperparameter has a range, on a log scale when it is a scale (a learning
 * rate, a weight decay). Methods work in the unit cube; valueOf() maps a unit coordinate back.
 */

/** One hyperparameter and its range. */
export interface Hyperparameter {
  /** Its name in prose ("learning rate"). */
  readonly name: string;
  /** Its symbol in formulas and tables ("η"). */
  readonly symbol: string;
  readonly low: number;
  readonly high: number;
  /** Searched on a log scale: the unit coordinate is spread evenly over log(low) … log(high). */
  readonly log: boolean;
}

/** The hyperparameter at unit coordinate u ∈ [0, 1]. */
export function valueOf(param: Hyperparameter, u: number): number {
  return param.log ? Math.exp(Math.log(param.low) + u * (Math.log(param.high) - Math.log(param.low))) : param.low + u * (param.high - param.low);
}

/** The unit coordinate of a value (the inverse of valueOf). */
export function unitOf(param: Hyperparameter, value: number): number {
  return param.log ? Math.log(value / param.low) / Math.log(param.high / param.low) : (value - param.low) / (param.high - param.low);
}
