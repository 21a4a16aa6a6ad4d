/** The hyperparameter-search race widget: its URL fields, the methods' colours and marks, and the true surfaces it draws. */
import { numberField } from '../../lib/common';
import { REAL_SURFACE, searchRaceSchema, SURFACE_SIDE, surfaceGrid, toyObjective, valueOf, type MethodId, type Objective, type ObjectiveId } from '../../lib/course/hyperparameter-search';

/** URL fields of the race widget: the race's settings (which the lesson's experiments read) and how many seeds the race over seeds runs. */
export const raceViewSchema = {
  ...searchRaceSchema,
  seeds: numberField({ default: 20, min: 2, max: 50, integer: true }),
};

/** The objectives as the select offers them. */
export const OBJECTIVE_OPTIONS: readonly { value: ObjectiveId; label: string }[] = [
  { value: 'real', label: 'Network: learning rate × weight decay' },
  { value: 'toy', label: 'Toy: one parameter matters' },
];

/** Each method's colour and the mark its samples get on the map. */
export const METHOD_STYLE: Readonly<Record<MethodId, { color: string; mark: 'square' | 'circle' | 'diamond' | 'triangle' }>> = {
  grid: { color: 'var(--chart-6)', mark: 'square' },
  random: { color: 'var(--chart-4)', mark: 'circle' },
  bayes: { color: 'var(--chart-1)', mark: 'diamond' },
  halving: { color: 'var(--chart-3)', mark: 'triangle' },
};

let toySurface: readonly number[] | undefined;

/** The objective's full-trial values on the SURFACE_SIDE² grid (the real one precomputed by npm run data:hps, the toy one computed here). */
export function trueSurface(id: ObjectiveId): readonly number[] {
  if (id === 'real') return REAL_SURFACE;
  toySurface ??= surfaceGrid(toyObjective, SURFACE_SIDE);
  return toySurface;
}

/** A hyperparameter's value for display: 3 significant digits, powers of ten written as 1e-3. */
export function formatParam(value: number): string {
  if (value === 0 || (value >= 0.01 && value < 1000)) return String(Number(value.toPrecision(3)));
  return value.toExponential(1).replace('.0e', 'e').replace('e-', 'e−');
}

/** A point of the unit square as the objective's hyperparameters ("learning rate 0.0316, weight decay 1e−4"; by symbol "η = 0.0316, λ = 1e−4"). */
export function describePoint(objective: Objective, x: readonly number[], by: 'name' | 'symbol' = 'name'): string {
  return objective.params.map((p, i) => (by === 'name' ? `${p.name} ${formatParam(valueOf(p, x[i] ?? 0))}` : `${p.symbol} = ${formatParam(valueOf(p, x[i] ?? 0))}`)).join(', ');
}
