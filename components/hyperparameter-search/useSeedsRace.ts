import { useEffect, useState } from 'preact/hooks';
import { errorMessage, useJobBatch } from '../widget-kit/useJobBatch';
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
  const batch = useJobBatch<SeedRaceParams, never, SeedRaceResult>(createSeedsWorker);
  const [phase, setPhase] = useState<SeedsRace['phase']>('idle');
  const [results, setResults] = useState<readonly SeedRaceResult[]>([]);
  const [error, setError] = useState<string>();

  useEffect(() => {
    batch.cancel();
    setResults([]);
    setError(undefined);
    setPhase('idle');
  }, [settings.objective, settings.budget, seeds]);

  const start = (): void => {
    setResults([]);
    setError(undefined);
    batch.start(
      Array.from({ length: seeds }, (_, i) => ({ ...settings, seed: i + 1 })),
      {
        onResult: (_, r) => setResults((all) => [...all, r]),
        onError: (i, e) => setError(`Seed ${i + 1}: ${errorMessage(e)}`),
        onDone: () => setPhase('done'),
      },
    );
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
      batch.cancel();
      setPhase('stopped');
    },
  };
}
