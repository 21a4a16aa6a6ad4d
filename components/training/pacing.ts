/**
 * Keeping two (or more) training runs in step: neither may run ahead of the other by more than two
 * chunks of updates, and once no more are asked for they rest at the same step, so that they are
 * compared at the same step. Pure, so it is unit-tested; the
 * page calls it every animation frame while playing (see useRunPair).
 */

/** What the page knows about one run. */
export interface PaceState {
  /** Updates the run reports done. */
  done: number;
  /** Updates asked of it so far (done plus those still in flight). */
  requested: number;
  /** It diverged or finished: it takes no more steps and holds no one back. */
  stopped: boolean;
}

/**
 * One pacing decision: how many more updates to ask of each run. All running runs are asked up to
 * one common target: a run behind it (it was restarted, say) is asked to catch up at once; when
 * every run has been asked up to the target and the slowest is within `chunk` of it, the target
 * moves on by `chunk` for all (so the next chunk is queued before the slowest runs dry). So a run
 * is never more than two chunks ahead of another, and once no more are asked for (Pause) they all
 * come to rest at the same step.
 */
export function pace(runs: readonly PaceState[], chunk: number): number[] {
  const running = runs.filter((r) => !r.stopped);
  if (running.length === 0) return runs.map(() => 0);
  const target = Math.max(...running.map((r) => r.requested));
  const slowest = Math.min(...running.map((r) => r.done));
  const inStep = running.every((r) => r.requested === target);
  const advance = inStep && slowest > target - chunk ? chunk : 0;
  return runs.map((r) => (r.stopped ? 0 : target - r.requested + advance));
}

/**
 * Seconds of the slower run's work asked for at a time at full speed: longer than the 0.1 s between
 * two progress reports, so the runs never wait for the page, and short enough that after Pause they
 * settle (level) within a fraction of a second.
 */
export const CHUNK_SECONDS = 0.2;

/** The smallest and largest chunk at full speed. */
export const MIN_CHUNK = 2;
export const MAX_CHUNK = 256;

/** The chunk at full speed when the slower run does `stepsPerSecond` updates a second (MIN_CHUNK until it is measured). */
export function chunkFor(stepsPerSecond: number): number {
  if (!Number.isFinite(stepsPerSecond)) return MIN_CHUNK;
  return Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, Math.round(stepsPerSecond * CHUNK_SECONDS)));
}

/**
 * How fast a count grows (updates per second), measured over windows of at least `windowMs`;
 * NaN until the first window has passed. Mutates itself on each sample().
 */
export class RateMeter {
  #since = NaN;
  #from = 0;
  #rate = NaN;

  constructor(readonly windowMs = 500) {}

  /** Records that the count is `count` at `timeMs`, and returns the latest rate. */
  sample(timeMs: number, count: number): number {
    if (Number.isNaN(this.#since) || count < this.#from) {
      this.#since = timeMs;
      this.#from = count;
    } else if (timeMs - this.#since >= this.windowMs) {
      this.#rate = ((count - this.#from) * 1000) / (timeMs - this.#since);
      this.#since = timeMs;
      this.#from = count;
    }
    return this.#rate;
  }
}
