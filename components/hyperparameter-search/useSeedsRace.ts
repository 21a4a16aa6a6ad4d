import { useEffect, useRef, useState } from 'preact/hooks';
import { JobCancelledError, WorkerPool, type JobHandle } from '../../lib/runtime';
import { bestsBySeed, summariseSeeds, type SeedRaceParams, type SeedRaceResult, type VerdictRow } from '../../lib/course/hyperparameter-search';

/** The race over seeds as the view sees it. */
export interface SeedsRace {
  phase: 'idle' | 'running' | 'done' | 'stopped';
  /** How many seeds were asked for. */
  seeds: number;
  /** The seeds finished so far, in the order they finished. */
  results: readonly SeedRaceResult[];
  /** Each method's median and quartiles over the finished seeds (empty before the first). */
  rows: VerdictRow[];
  error: string | undefined;
  /** Races seeds 1 to `seeds`. */
  start(): void;
  /** Cancels the seeds not yet finished (the finished ones stay in the table). */
  stop(): void;
}

function createSeedsWorker(): Worker {
  return new Worker(new URL('./seeds.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Races seeds 1 to `seeds` at the widget's objective and budget, one job per seed on a pool of as
 * many workers as the page's CPU budget allows (one core kept for the page), and summarises the
 * seeds as they finish. Any change of the settings clears it.
 */
export function useSeedsRace(settings: Omit<SeedRaceParams, 'seed'>, seeds: number): SeedsRace {
  const pool = useRef<WorkerPool<SeedRaceParams, never, SeedRaceResult>>();
  const handles = useRef<JobHandle<SeedRaceResult>[]>([]);
  const generation = useRef(0);
  const [phase, setPhase] = useState<SeedsRace['phase']>('idle');
  const [results, setResults] = useState<readonly SeedRaceResult[]>([]);
  const [error, setError] = useState<string>();

  const cancel = (): void => {
    generation.current++;
    for (const h of handles.current) h.cancel();
    handles.current = [];
  };
  useEffect(() => () => {
    cancel();
    pool.current?.dispose();
  }, []);
  useEffect(() => {
    cancel();
    setResults([]);
    setError(undefined);
    setPhase('idle');
  }, [settings.objective, settings.budget, seeds]);

  const start = (): void => {
    cancel();
    pool.current ??= new WorkerPool(createSeedsWorker);
    const run = generation.current;
    setResults([]);
    setError(undefined);
    let remaining = seeds;
    handles.current = Array.from({ length: seeds }, (_, i) => {
      const handle = pool.current!.start({ ...settings, seed: i + 1 });
      handle.result.then(
        (r) => run === generation.current && setResults((all) => [...all, r]),
        (e: unknown) => {
          if (run !== generation.current || e instanceof JobCancelledError) return;
          setError(`Seed ${i + 1}: ${e instanceof Error ? e.message : String(e)}`);
        },
      ).finally(() => {
        if (run === generation.current && --remaining === 0) setPhase('done');
      });
      return handle;
    });
    setPhase('running');
  };

  return {
    phase,
    seeds,
    results,
    rows: results.length > 0 ? summariseSeeds(bestsBySeed(results), settings.budget) : [],
    error,
    start,
    stop() {
      if (phase !== 'running') return;
      cancel();
      setPhase('stopped');
    },
  };
}
