import { restAfter } from './cpu-budget';

/**
 * Turns: when the jobs that compute share no more than one core between them (two training runs
 * on 2 cores get 0.45 each), they take turns on it rather than computing at the same moments, so
 * the page's thread keeps the other core. Each period of TURN_MS on the clock every thread shares
 * holds one turn per job, `share` of the period long; a job computes only in its own turn.
 */

/** One round of turns, in milliseconds: long enough for several steps of a training run. */
export const TURN_MS = 100;

/** The clock every thread of the page reads alike: milliseconds since the epoch, below 1 ms apart. */
export function sharedClock(): number {
  return (performance.timeOrigin || 0) + performance.now();
}

/** Where a job stands when it asks whether it may go on computing. */
export interface TurnState {
  /** Now, on `sharedClock()`. */
  readonly clock: number;
  /** Where its turn opens, a fraction of the period. */
  readonly turn: number;
  /** Its share of a core: its turn lasts this fraction of the period. */
  readonly share: number;
  /** How long it has computed since it last rested. */
  readonly workedMs: number;
  /** How long it expects its next piece of work (up to its next rest) to take: its steps' average. */
  readonly stepMs: number;
}

/**
 * How long the job must wait before it computes again: 0 while it is in its turn and either the
 * next step fits in what is left of it or it has not done one since it woke (so a step longer than
 * the whole turn still runs, from the turn's start); otherwise until its next turn opens. A job
 * that computed for longer than its turn first rests long enough to keep its share on average,
 * then starts where that leaves it if the next step fits in the rest of its turn there.
 */
export function untilTurn({ clock, turn, share, workedMs, stepMs }: TurnState, period = TURN_MS): number {
  const length = share * period;
  const owed = workedMs > length ? restAfter(workedMs, share) : 0;
  const into = mod(clock + owed - turn * period, period);
  const fits = into + stepMs <= length;
  if (into < length && (fits || (owed === 0 && workedMs < stepMs))) return owed;
  return owed + period - into;
}

function mod(x: number, m: number): number {
  return ((x % m) + m) % m;
}
