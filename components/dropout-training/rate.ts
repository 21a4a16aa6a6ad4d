/** Training speed measured live: updates a second and epochs a minute over the last few seconds of progress. */

/** One reading: the time (ms) a run was seen at a step. */
export interface RateSample {
  readonly time: number;
  readonly steps: number;
}

/** How far back the speed is measured. */
export const RATE_WINDOW_MS = 3000;

/**
 * Adds a reading and drops those older than the window (keeping one from before it, so the window
 * is spanned); a step count lower than the last (a restart) starts the readings again. Returns a new array.
 */
export function addSample(samples: readonly RateSample[], sample: RateSample): RateSample[] {
  const last = samples.at(-1);
  if (last !== undefined && sample.steps < last.steps) return [sample];
  const kept = [...samples, sample];
  while (kept.length > 2 && (kept[1]?.time ?? Infinity) <= sample.time - RATE_WINDOW_MS) kept.shift();
  return kept;
}

/** Updates a second and epochs a minute over the readings, or undefined with less than 0.5 s of them or no progress. */
export function measureRate(samples: readonly RateSample[], stepsPerEpoch: number): { stepsPerSecond: number; epochsPerMinute: number } | undefined {
  const first = samples[0];
  const last = samples.at(-1);
  if (first === undefined || last === undefined || last.time - first.time < 500 || last.steps === first.steps) return undefined;
  const stepsPerSecond = ((last.steps - first.steps) * 1000) / (last.time - first.time);
  return { stepsPerSecond, epochsPerMinute: (60 * stepsPerSecond) / stepsPerEpoch };
}

/** How much slower than asked a run may go and still be said to keep the pace (progress comes in steps, so the measure is coarse). */
export const PACE_TOLERANCE = 1.25;

/** Whether the measured seconds an epoch keep to the `asked` ones (within PACE_TOLERANCE); a run faster than asked cannot be, the workers hold it back. */
export function keepsPace(measuredSecondsPerEpoch: number, asked: number): boolean {
  return measuredSecondsPerEpoch <= PACE_TOLERANCE * asked;
}
