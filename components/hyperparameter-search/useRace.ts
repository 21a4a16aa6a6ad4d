import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage, useJobBatch } from '../widget-kit/useJobBatch';
import { METHODS, trialsWithin, type MethodId, type RaceParams, type RaceProgress } from '../../lib/course/hyperparameter-search';

/** Where the race is: not started, running, paused, or every method done (or failed). */
export type RacePhase = 'idle' | 'running' | 'paused' | 'done';

/** The race as the view sees it. */
export interface Race {
  phase: RacePhase;
  /** Each method's progress so far (absent before its first trial). */
  progress: Partial<Record<MethodId, RaceProgress>>;
  /** The first error a method's job raised, if any. */
  error: string | undefined;
  /** What the last change of budget did to a started race (kept, trimmed or restarted methods), if it changed. */
  budgetNote: string | undefined;
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
 * A change of objective or seed clears the race; a change of budget extends or trims the race of
 * each method that allows it (random search, Bayesian optimisation) and restarts the others.
 */
export function useRace(settings: Omit<RaceParams, 'method'>): Race {
  const batch = useJobBatch<RaceParams, RaceProgress, RaceProgress>(createRaceWorker, { size: METHODS.length });
  const [phase, setPhase] = useState<RacePhase>('idle');
  const [progress, setProgress] = useState<Partial<Record<MethodId, RaceProgress>>>({});
  const [error, setError] = useState<string>();
  const [budgetNote, setBudgetNote] = useState<string>();
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
    batch.cancel();
    setProgress({});
    setError(undefined);
    setBudgetNote(undefined);
    setPhase('idle');
    clock.current = { ran: 0, since: undefined };
    setElapsedMs(0);
  };

  /** Starts every method's job, continuing each method from `from` where given (paused if asked). */
  const start = (from: Partial<Record<MethodId, RaceProgress>> = {}, paused = false): void => {
    const setMethod = (index: number, p: RaceProgress): void => setProgress((all) => ({ ...all, [METHODS[index]!.id]: p }));
    batch.start(
      METHODS.map((m) => {
        const earlier = from[m.id];
        return { ...settings, method: m.id, ...(earlier ? { from: { trials: earlier.trials, trialMs: earlier.trialMs } } : {}) };
      }),
      {
        onProgress: setMethod,
        onResult: setMethod,
        onError: (index, e) => setError(`${METHODS[index]!.label}: ${errorMessage(e)}`),
        onDone: () => {
          stopClock();
          setPhase('done');
        },
      },
      { paused, progressIntervalMs: 100 },
    );
    if (!paused) clock.current.since ??= performance.now();
    setPhase(paused ? 'paused' : 'running');
  };

  /** A started race at a new budget: extendable methods keep their trials within it and continue; the others start again. */
  const rebudget = (from: number): void => {
    batch.cancel();
    const kept: Partial<Record<MethodId, RaceProgress>> = {};
    const keptNames: string[] = [];
    for (const m of METHODS) {
      const p = progress[m.id];
      if (!m.extendable || !p) continue;
      const trials = trialsWithin(p.trials, settings.budget);
      kept[m.id] = { trials, trialMs: p.trialMs.slice(0, trials.length), surrogate: trials.length === p.trials.length ? p.surrogate : null };
      keptNames.push(`${m.label} ${trials.length < p.trials.length ? `keeps ${trials.length} of its ${p.trials.length}` : `continues from its ${trials.length}`} trial${trials.length === 1 ? '' : 's'}`);
    }
    setProgress(kept);
    setError(undefined);
    const restarted = METHODS.filter((m) => !m.extendable).map((m) => m.label);
    setBudgetNote(`Budget ${from} → ${settings.budget}: ${keptNames.length > 0 ? `${keptNames.join('; ')}; ` : ''}${restarted.join(' and ')} start again, since their trials depend on the budget.`);
    start(kept, phase === 'paused');
  };

  const last = useRef(settings);
  useEffect(() => {
    const before = last.current;
    last.current = settings;
    const onlyBudget = before.objective === settings.objective && before.seed === settings.seed && before.budget !== settings.budget;
    if (onlyBudget && phase !== 'idle') rebudget(before.budget);
    else clear();
  }, [settings.objective, settings.budget, settings.seed]);

  return {
    phase,
    progress,
    error,
    budgetNote,
    elapsedMs,
    play() {
      if (phase === 'idle' || phase === 'done') {
        if (phase === 'done') clear();
        start();
      } else if (phase === 'paused') {
        batch.resume();
        clock.current.since = performance.now();
        setPhase('running');
      }
    },
    pause() {
      if (phase !== 'running') return;
      batch.pause();
      stopClock();
      setPhase('paused');
    },
    clear,
  };
}
