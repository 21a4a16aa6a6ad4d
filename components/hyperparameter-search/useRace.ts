import { useEffect, useRef, useState } from 'preact/hooks';
import { JobCancelledError, WorkerPool, type JobHandle } from '../../lib/runtime';
import { METHODS, type MethodId, type RaceParams, type RaceProgress } from '../../lib/course/hyperparameter-search';

/** Where the race is: not started, running, paused, or every method done (or failed). */
export type RacePhase = 'idle' | 'running' | 'paused' | 'done';

/** The race as the view sees it. */
export interface Race {
  phase: RacePhase;
  /** Each method's progress so far (absent before its first trial). */
  progress: Partial<Record<MethodId, RaceProgress>>;
  /** The first error a method's job raised, if any. */
  error: string | undefined;
  /** Wall-clock milliseconds the race has run (pauses excluded), measured when it stops or ends. */
  elapsedMs: number;
  play(): void;
  pause(): void;
  /** Stops every run and clears the race. */
  clear(): void;
}

function createRaceWorker(): Worker {
  return new Worker(new URL('./race.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Runs the four methods' races at once, one worker each: a race needs them to advance together, so
 * the pool has a worker per method and the page's CPU budget shares the spare cores among them.
 * Any change of `settings` clears the race.
 */
export function useRace(settings: Omit<RaceParams, 'method'>): Race {
  const pool = useRef<WorkerPool<RaceParams, RaceProgress, RaceProgress>>();
  const handles = useRef<JobHandle<RaceProgress>[]>([]);
  const [phase, setPhase] = useState<RacePhase>('idle');
  const [progress, setProgress] = useState<Partial<Record<MethodId, RaceProgress>>>({});
  const [error, setError] = useState<string>();
  const generation = useRef(0);
  // Time run so far: `ran` before the current stretch, which began at `since` (undefined while stopped).
  const clock = useRef<{ ran: number; since: number | undefined }>({ ran: 0, since: undefined });
  const [elapsedMs, setElapsedMs] = useState(0);
  const stopClock = (): void => {
    const c = clock.current;
    if (c.since !== undefined) c.ran += performance.now() - c.since;
    c.since = undefined;
    setElapsedMs(c.ran);
  };

  const clear = (): void => {
    generation.current++;
    for (const h of handles.current) h.cancel();
    handles.current = [];
    setProgress({});
    setError(undefined);
    setPhase('idle');
    clock.current = { ran: 0, since: undefined };
    setElapsedMs(0);
  };

  useEffect(() => () => {
    for (const h of handles.current) h.cancel();
    pool.current?.dispose();
  }, []);
  useEffect(clear, [settings.objective, settings.budget, settings.seed]);

  const start = (): void => {
    pool.current ??= new WorkerPool(createRaceWorker, { size: METHODS.length });
    const run = generation.current;
    let remaining = METHODS.length;
    handles.current = METHODS.map((m) => {
      const handle = pool.current!.start(
        { ...settings, method: m.id },
        { progressIntervalMs: 100, onProgress: (p) => run === generation.current && setProgress((all) => ({ ...all, [m.id]: p })) },
      );
      handle.result.then(
        (p) => run === generation.current && setProgress((all) => ({ ...all, [m.id]: p })),
        (e: unknown) => {
          if (run !== generation.current || e instanceof JobCancelledError) return;
          setError(`${m.label}: ${e instanceof Error ? e.message : String(e)}`);
        },
      ).finally(() => {
        if (run === generation.current && --remaining === 0) {
          stopClock();
          setPhase('done');
        }
      });
      return handle;
    });
    clock.current.since = performance.now();
    setPhase('running');
  };

  return {
    phase,
    progress,
    error,
    elapsedMs,
    play() {
      if (phase === 'idle' || phase === 'done') {
        if (phase === 'done') clear();
        start();
      } else if (phase === 'paused') {
        for (const h of handles.current) h.resume();
        clock.current.since = performance.now();
        setPhase('running');
      }
    },
    pause() {
      if (phase !== 'running') return;
      for (const h of handles.current) h.pause();
      stopClock();
      setPhase('paused');
    },
    clear,
  };
}
