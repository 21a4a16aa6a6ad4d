import { useEffect, useRef, useState } from 'preact/hooks';
import { type JobPhase, type JobPolicy, JobScheduler, type JobState, type SchedulerOptions, type WorkerLike } from '../../lib/runtime';

/** Options of `useJob`: the scheduler's, and how the view follows its requests and progress. */
export interface UseJobOptions<P, E> extends SchedulerOptions {
  /**
   * The request to keep computed: requested whenever its key changes (an equal key is not
   * recomputed); `null` wants nothing now (JobScheduler.clear). Leave it out to call `request()`
   * yourself.
   */
  request?: { params: P; key: string; policy?: JobPolicy } | null;
  /**
   * Receives progress instead of the view: the component is not re-rendered for progress, and
   * decides itself when to draw it (training runs take turns on a draw clock).
   */
  onProgress?: (progress: E) => void;
}

/** A job as a view sees it: the newest request's state, and what to call. */
export interface JobView<P, E, R> extends JobState<E, R> {
  /** The newest request is waiting or running. */
  readonly busy: boolean;
  /** The scheduler's state object itself: a new one after every change. */
  readonly state: JobState<E, R>;
  /** The scheduler, for controls (`advance`, `setRate`) and for `Lockstep`. */
  readonly scheduler: JobScheduler<P, E, R>;
  /** Asks for a result (see JobScheduler.request). */
  request(params: P, key: string): Promise<R>;
  /** Runs the newest request again (after a failure; a `run-pair` run from the start). */
  retry(): void;
}

/**
 * Runs a view's jobs in a worker of its own under a named policy (`latest-wins`,
 * `queue`, `cancel-previous`, `run-pair`; see JobPolicy), spawning the worker on the first request,
 * terminating it on unmount, and re-rendering the component when the state changes. While the
 * requested key is newer than the state (the render before the request is made), the view says
 * `waiting` and shows no result, so a stale result is never shown for the new key. The policy and
 * the scheduler's options are read once; `request` and `onProgress` are followed.
 */
export function useJob<P, E, R>(createWorker: () => WorkerLike, policy: JobPolicy, options: UseJobOptions<P, E> = {}): JobView<P, E, R> {
  const made = useRef<JobScheduler<P, E, R>>();
  // No worker is spawned here (nor during server rendering): only a request spawns one.
  made.current ??= new JobScheduler<P, E, R>(createWorker, { ...options, policy });
  const scheduler = made.current;
  const [state, setState] = useState(scheduler.state);
  const onProgress = useRef(options.onProgress);
  onProgress.current = options.onProgress;

  useEffect(() => {
    const stop = scheduler.subscribe((change) => {
      const progress = scheduler.state.progress;
      if (change === 'progress' && onProgress.current && progress !== undefined) onProgress.current(progress);
      else setState(scheduler.state);
    });
    return () => {
      stop();
      scheduler.dispose();
    };
  }, []);

  const { request } = options;
  const wanted = request === undefined ? state.key : (request?.key ?? undefined);
  useEffect(() => {
    if (request === undefined) return;
    if (request === null) scheduler.clear();
    else void scheduler.request(request.params, request.key, request.policy === undefined ? {} : { policy: request.policy });
    // The key identifies the request.
  }, [request === undefined, wanted]);

  const inStep = state.key === wanted;
  const phase: JobPhase = inStep ? state.phase : wanted === undefined ? 'idle' : 'waiting';
  return {
    key: wanted,
    phase,
    busy: phase === 'waiting' || phase === 'running',
    progress: inStep ? state.progress : undefined,
    result: inStep ? state.result : undefined,
    error: inStep ? state.error : undefined,
    last: state.last,
    state,
    scheduler,
    request: (params, key) => scheduler.request(params, key),
    retry: () => scheduler.retry(),
  };
}
