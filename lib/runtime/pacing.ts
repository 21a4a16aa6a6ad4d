/**
 * Keeping two (or more) training runs in step: neither may run ahead of the other by more than two
 * chunks of updates, and once no more are asked for they rest at the same step, so that they are
 * compared at the same step. Pure, so it is unit-tested; `Lockstep` (lockstep.ts) calls it
 * whenever a run reports progress while playing.
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

/** Updates to ask of each run now, and whether the slowest run had been left with nothing to do. */
export interface PaceDecision {
  requests: number[];
  starved: boolean;
}

/**
 * One pacing decision: how many more updates to ask of each run. All running runs are asked up to
 * one common target: a run behind it (it was restarted, say) is asked to catch up at once; when
 * every run has been asked up to the target and the slowest is within `chunk` of it, the target
 * moves on by `chunk` for all (so the next chunk is queued before the slowest runs dry). So a run
 * is never more than two chunks ahead of another, and once no more are asked for (Pause) they all
 * come to rest at the same step. `starved` says the slowest had already done all it was asked.
 */
export function pace(runs: readonly PaceState[], chunk: number): PaceDecision {
  const running = runs.filter((r) => !r.stopped);
  if (running.length === 0) return { requests: runs.map(() => 0), starved: false };
  const target = Math.max(...running.map((r) => r.requested));
  const slowest = Math.min(...running.map((r) => r.done));
  const inStep = running.every((r) => r.requested === target);
  const advance = inStep && slowest > target - chunk ? chunk : 0;
  return {
    requests: runs.map((r) => (r.stopped ? 0 : target - r.requested + advance)),
    starved: advance > 0 && slowest >= target,
  };
}

/** The chunk at full speed starts at FIRST_CHUNK and grows up to MAX_CHUNK (see nextChunk). */
export const FIRST_CHUNK = 4;
export const MAX_CHUNK = 256;

/**
 * The chunk to use at full speed next: doubled (up to MAX_CHUNK) when the slowest run had run dry,
 * else unchanged. It stops growing once a chunk outlasts the 0.1 s between two progress reports,
 * so the slower run is never idle, and stays small enough that after Pause the runs settle (level)
 * within a fraction of a second.
 */
export function nextChunk(chunk: number, starved: boolean): number {
  return starved ? Math.min(MAX_CHUNK, chunk * 2) : chunk;
}
