/**
 * The toy objective, Bergstra and Bengio's (2012) case of one parameter that matters and one that
 * barely does. A file of its own, with no imports at run time, so that the lesson's cell library
 * (cell-library.ts) does not bundle the network that the real objective trains.
 */
import type { Objective } from './objective';

/** Where the toy objective's narrow valley lies along its important parameter. */
export const TOY_OPTIMUM = 0.62;

/**
 * f(u, v) = 1 − exp(−(u − 0.62)²/(2 · 0.06²)) + 0.02 v: a narrow valley along u, and v nearly
 * irrelevant. Below a full trial it adds a non-negative term that shrinks as 1/fidelity − 1, a
 * stand-in for an unfinished learning curve.
 */
export function toyValue(u: number, v: number, fidelity: number): number {
  const full = 1 - Math.exp(-((u - TOY_OPTIMUM) ** 2) / (2 * 0.06 ** 2)) + 0.02 * v;
  return full + 0.04 * (1 / fidelity - 1) * (1 + Math.sin(9 * u + 5 * v));
}

/** The toy objective, on the unit square. */
export const toyObjective: Objective = {
  id: 'toy',
  label: 'Toy: one parameter matters',
  params: [
    { name: 'important parameter', symbol: 'u', low: 0, high: 1, log: false },
    { name: 'unimportant parameter', symbol: 'v', low: 0, high: 1, log: false },
  ],
  valueName: 'value',
  evaluate: ([u = 0, v = 0], fidelity) => toyValue(u, v, fidelity),
};
