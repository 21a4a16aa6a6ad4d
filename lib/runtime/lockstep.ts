import type { JobPhase } from './job-scheduler';
import { FIRST_CHUNK, nextChunk, pace, type PaceState } from './pacing';

/** What `Lockstep` needs of a run: a `JobScheduler` with the `run-pair` policy satisfies it. */
export interface SteppedRun<E> {
  readonly state: { readonly phase: JobPhase; readonly progress: E | undefined };
  /** Steps asked of the run since it (re)started. */
  readonly stepsAsked: number;
  advance(steps: number): void;
  setRate(stepsPerSecond: number): void;
  subscribe(listener: () => void): () => void;
}

/** How `Lockstep` reads a run's progress, and hears that it stopped playing. */
export interface LockstepOptions<E> {
  /** The updates the run has done, as of this progress value. */
  stepOf(progress: E): number;
  /** The run will take no more steps (diverged, finished). */
  stopped(progress: E): boolean;
  /** Called when playing starts or stops (Pause, or every run stopped). */
  onPlayingChange?(playing: boolean): void;
}

/** How long one chunk of steps lasts at a set speed: a few progress reports (100 ms apart). */
export const CHUNK_SECONDS = 0.2;

/** The chunk of steps asked at a time at `stepsPerSecond` (0: as fast as possible, growing from FIRST_CHUNK). */
export function chunkFor(stepsPerSecond: number): number {
  return stepsPerSecond > 0 ? Math.max(1, Math.round(stepsPerSecond * CHUNK_SECONDS)) : FIRST_CHUNK;
}

/**
 * Plays several `run-pair` runs in step (the two runs of a side-by-side experiment): each worker
 * paces itself at the steps per second asked for (`setRate`: the page sends no message per step),
 * and the page raises every run's allowance of steps to one common target, a chunk at a time, as
 * their progress comes in (see `pace`). So no run is more than two chunks ahead of another, and
 * after Pause they all finish the steps already asked of them and rest at the same step. Driven by
 * the runs' own progress events: no timer, no animation frame.
 */
export class Lockstep<E> {
  private playing = false;
  private speed = 0;
  private chunk = FIRST_CHUNK;
  private readonly unsubscribe: (() => void)[];

  /** Starts listening to `runs` (paused). */
  constructor(
    private readonly runs: readonly SteppedRun<E>[],
    private readonly options: LockstepOptions<E>,
  ) {
    this.unsubscribe = runs.map((run) => run.subscribe(() => this.tick()));
  }

  /** Whether Play was pressed and neither Pause nor the end of every run has come since. */
  get isPlaying(): boolean {
    return this.playing;
  }

  /** Every run has stopped (diverged, finished or failed): only a restart moves them. */
  get stopped(): boolean {
    return this.runs.every((run) => this.paceState(run).stopped);
  }

  /** Where a run is, as pacing sees it. */
  paceState(run: SteppedRun<E>): PaceState {
    const { phase, progress } = run.state;
    return {
      done: progress === undefined ? 0 : this.options.stepOf(progress),
      requested: run.stepsAsked,
      stopped: phase === 'failed' || (progress !== undefined && this.options.stopped(progress)),
    };
  }

  /** Plays at `stepsPerSecond` (0: as fast as the slowest run goes); false if every run has stopped. */
  play(stepsPerSecond: number): boolean {
    if (this.stopped) return false;
    this.setSpeed(stepsPerSecond);
    this.chunk = chunkFor(stepsPerSecond);
    this.setPlaying(true);
    this.tick();
    return true;
  }

  /** Asks for no more steps: the runs finish those already asked and rest at the same step. */
  pause(): void {
    this.setPlaying(false);
  }

  /**
   * Pauses, then more steps for each run that can take one: exactly one, or `stepsFor(asked)` for
   * a run asked `asked` steps so far (a widget whose Step is an epoch asks up to the epoch's end).
   */
  step(stepsFor: (asked: number) => number = () => 1): void {
    this.pause();
    for (const run of this.runs) if (!this.paceState(run).stopped) run.advance(stepsFor(run.stepsAsked));
  }

  /** Changes the speed, now if playing and for the next Play otherwise. */
  setSpeed(stepsPerSecond: number): void {
    if (stepsPerSecond !== this.speed) this.chunk = chunkFor(stepsPerSecond);
    this.speed = stepsPerSecond;
    for (const run of this.runs) run.setRate(stepsPerSecond);
  }

  /** Stops listening to the runs. */
  dispose(): void {
    this.playing = false;
    for (const stop of this.unsubscribe) stop();
  }

  /** One pacing decision, taken whenever a run reports progress or changes state while playing. */
  private tick(): void {
    if (!this.playing) return;
    const states = this.runs.map((run) => this.paceState(run));
    if (states.every((s) => s.stopped)) return this.setPlaying(false);
    const { requests, starved } = pace(states, this.chunk);
    this.runs.forEach((run, i) => run.advance(requests[i] ?? 0));
    if (this.speed === 0) this.chunk = nextChunk(this.chunk, starved);
  }

  private setPlaying(playing: boolean): void {
    if (playing === this.playing) return;
    this.playing = playing;
    this.options.onPlayingChange?.(playing);
  }
}
