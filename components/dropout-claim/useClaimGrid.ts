import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage, useJobBatch } from '../widget-kit/useJobBatch';
import { claimTasks, type ClaimGrid, type ClaimRun, type ClaimRunParams, type ClaimRunProgress, type ClaimTask, type DigitSet } from '../../lib/course/dropout';

/** Where the grid is: not started, running, stopped by the reader, or every run finished (or one failed). */
export type GridPhase = 'idle' | 'running' | 'stopped' | 'done';

/** A run in progress: its task and the epochs it has done. */
export interface RunningTask {
  readonly task: ClaimTask;
  readonly progress: ClaimRunProgress;
}

/** The grid as the view sees it. */
export interface GridRuns {
  phase: GridPhase;
  /** Finished runs, in the order they finished. */
  runs: readonly ClaimRun[];
  /** Runs the grid has in all. */
  total: number;
  /** Runs that have started and not finished, with their progress. */
  running: readonly RunningTask[];
  /** The first error a run raised, if any. */
  error: string | undefined;
  /** Wall-clock milliseconds from Run to the last run's end (or to Stop). */
  elapsedMs: number;
  run(): void;
  /** Cancels every run not yet finished; the finished ones stay. */
  stop(): void;
}

function createClaimWorker(): Worker {
  return new Worker(new URL('./claim.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Runs the grid's runs on a pool of workers (one per core but the page's, under the page's CPU
 * budget), each run a task, so rows arrive as runs end. A change of grid clears the results.
 */
export function useClaimGrid(grid: ClaimGrid, digits: DigitSet | undefined): GridRuns {
  const batch = useJobBatch<ClaimRunParams, ClaimRunProgress, ClaimRun>(createClaimWorker);
  const started = useRef(0);
  const [phase, setPhase] = useState<GridPhase>('idle');
  const [runs, setRuns] = useState<readonly ClaimRun[]>([]);
  const [running, setRunning] = useState<ReadonlyMap<number, RunningTask>>(new Map());
  const [error, setError] = useState<string>();
  const [elapsedMs, setElapsedMs] = useState(0);
  const tasks = claimTasks(grid);
  const key = JSON.stringify(grid);

  const cancelAll = (): void => {
    batch.cancel();
    setRunning(new Map());
  };
  const clear = (): void => {
    cancelAll();
    setRuns([]);
    setError(undefined);
    setPhase('idle');
    setElapsedMs(0);
  };

  useEffect(clear, [key]);

  const run = (): void => {
    if (!digits || phase === 'running') return;
    cancelAll();
    setRuns([]);
    setError(undefined);
    setElapsedMs(0);
    started.current = performance.now();
    const update = (index: number, entry: RunningTask | undefined): void =>
      setRunning((all) => {
        const next = new Map(all);
        if (entry) next.set(index, entry);
        else next.delete(index);
        return next;
      });
    batch.start(
      tasks.map((task) => ({ ...task, digits })),
      {
        onProgress: (index, progress) => update(index, { task: tasks[index]!, progress }),
        onResult: (index, result) => {
          update(index, undefined);
          setRuns((all) => [...all, result]);
        },
        onError: (index, e) => {
          const { settings, arm } = tasks[index]!;
          update(index, undefined);
          setError((first) => first ?? `${settings.trainSize} digits, seed ${settings.seed}, run ${arm.toUpperCase()}: ${errorMessage(e)}`);
        },
        onDone: () => {
          setElapsedMs(performance.now() - started.current);
          setPhase('done');
        },
      },
      { progressIntervalMs: 250 },
    );
    setPhase('running');
  };

  return {
    phase,
    runs,
    total: tasks.length,
    running: [...running.values()],
    error,
    elapsedMs,
    run,
    stop() {
      if (phase !== 'running') return;
      cancelAll();
      setElapsedMs(performance.now() - started.current);
      setPhase('stopped');
    },
  };
}
