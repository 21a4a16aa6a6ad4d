import { useEffect, useRef, useState } from 'preact/hooks';
import { JobCancelledError, WorkerPool, type JobHandle } from '../../lib/runtime';
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
  const pool = useRef<WorkerPool<ClaimRunParams, ClaimRunProgress, ClaimRun>>();
  const handles = useRef<JobHandle<ClaimRun>[]>([]);
  const generation = useRef(0);
  const started = useRef(0);
  const [phase, setPhase] = useState<GridPhase>('idle');
  const [runs, setRuns] = useState<readonly ClaimRun[]>([]);
  const [running, setRunning] = useState<ReadonlyMap<number, RunningTask>>(new Map());
  const [error, setError] = useState<string>();
  const [elapsedMs, setElapsedMs] = useState(0);
  const tasks = claimTasks(grid);
  const key = JSON.stringify(grid);

  const cancelAll = (): void => {
    generation.current++;
    for (const h of handles.current) h.cancel();
    handles.current = [];
    setRunning(new Map());
  };
  const clear = (): void => {
    cancelAll();
    setRuns([]);
    setError(undefined);
    setPhase('idle');
    setElapsedMs(0);
  };

  useEffect(() => () => {
    for (const h of handles.current) h.cancel();
    pool.current?.dispose();
  }, []);
  useEffect(clear, [key]);

  const run = (): void => {
    if (!digits || phase === 'running') return;
    cancelAll();
    setRuns([]);
    setError(undefined);
    setElapsedMs(0);
    pool.current ??= new WorkerPool(createClaimWorker);
    const current = generation.current;
    const mine = (): boolean => current === generation.current;
    let remaining = tasks.length;
    started.current = performance.now();
    const update = (index: number, entry: RunningTask | undefined): void =>
      setRunning((all) => {
        const next = new Map(all);
        if (entry) next.set(index, entry);
        else next.delete(index);
        return next;
      });
    handles.current = tasks.map((task, index) => {
      const handle = pool.current!.start({ ...task, digits }, { progressIntervalMs: 250, onProgress: (progress) => mine() && update(index, { task, progress }) });
      handle.result
        .then(
          (result) => {
            if (!mine()) return;
            update(index, undefined);
            setRuns((all) => [...all, result]);
          },
          (e: unknown) => {
            if (!mine() || e instanceof JobCancelledError) return;
            update(index, undefined);
            setError((first) => first ?? `${task.settings.trainSize} digits, seed ${task.settings.seed}, run ${task.arm.toUpperCase()}: ${e instanceof Error ? e.message : String(e)}`);
          },
        )
        .finally(() => {
          if (mine() && --remaining === 0) {
            setElapsedMs(performance.now() - started.current);
            setPhase('done');
          }
        });
      return handle;
    });
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
