/**
 * The dropout widget's speed: seconds an epoch, not updates a second. The lesson's CNN trains at
 * roughly 10 to 70 updates a second on a laptop's core, so the shared control's 60 to 1,200 updates
 * a second would all mean "as fast as it can"; an epoch is what the charts draw, so the reader
 * chooses how long one takes. The workers keep the rate (lib/runtime's pacing); the URL holds it.
 */
import { enumField } from '../../lib/common';
import type { SpeedOption } from '../training/TrainingControls';

/** The speeds offered, as the URL spells them: seconds an epoch, '0' for as fast as the CPU allows (the default, so links from before keep their speed). */
export const PACE_OPTIONS = [
  { value: '0', label: 'As fast as the CPU allows' },
  { value: '1', label: '1 s an epoch' },
  { value: '2', label: '2 s an epoch' },
  { value: '5', label: '5 s an epoch' },
  { value: '10', label: '10 s an epoch' },
  { value: '30', label: '30 s an epoch' },
] as const satisfies readonly SpeedOption[];

/** A speed as the URL holds it. */
export type Pace = (typeof PACE_OPTIONS)[number]['value'];

/** The speed's URL field (its own schema: the experiment exercises read the widget's settings, and the speed is none of theirs). */
export const paceSchema = {
  pace: enumField(
    PACE_OPTIONS.map((o) => o.value),
    '0',
  ),
};

/** Seconds an epoch at `pace` (undefined: no limit). */
export function secondsPerEpoch(pace: Pace): number | undefined {
  const seconds = Number(pace);
  return seconds > 0 ? seconds : undefined;
}

/** The updates a second each run's worker keeps so that an epoch of `stepsPerEpoch` updates takes `pace`'s seconds (0: no limit). */
export function paceStepsPerSecond(pace: Pace, stepsPerEpoch: number): number {
  if (!(Number.isInteger(stepsPerEpoch) && stepsPerEpoch >= 1)) throw new RangeError(`paceStepsPerSecond: expected a whole number of updates an epoch ≥ 1, got ${stepsPerEpoch}`);
  const seconds = secondsPerEpoch(pace);
  return seconds === undefined ? 0 : stepsPerEpoch / seconds;
}
