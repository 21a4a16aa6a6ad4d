import { useEffect, useRef, useState } from 'preact/hooks';
import type { EngineCheck } from '../../lib/ml/layer-stack';
import { JobCancelledError, JobRunner, type JobHandle, type WorkerLike } from '../../lib/runtime';
import type { CheckProgress, CheckRequest } from '../../lib/course/cnn-sizes';

/** Where the engine check of the current stack is. */
export interface EngineCheckState {
  /** `waiting` for edits to settle, `running`, `done` (result is set) or `failed` (error is set). */
  readonly phase: 'waiting' | 'running' | 'done' | 'failed';
  readonly progress: CheckProgress | null;
  readonly result: EngineCheck | null;
  readonly error: Error | null;
  /** Runs the check again after a failure. */
  retry(): void;
}

/** How long edits must pause before a check starts (typing "128" should not start three). */
const SETTLE_MS = 350;

/**
 * Runs the engine check in a worker for the latest stack. A new stack cancels the check that is
 * running (its worker is terminated) and starts a fresh one once edits pause, so a result on
 * screen always belongs to the stack on screen. The worker is terminated on unmount.
 */
export function useEngineCheck(createWorker: () => WorkerLike, request: CheckRequest, key: string): EngineCheckState {
  const runner = useRef<JobRunner<CheckRequest, CheckProgress, EngineCheck>>();
  const [state, setState] = useState<Omit<EngineCheckState, 'retry'>>({ phase: 'waiting', progress: null, result: null, error: null });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => () => runner.current?.dispose(), []);

  useEffect(() => {
    let live = true;
    let handle: JobHandle<EngineCheck> | undefined;
    setState({ phase: 'waiting', progress: null, result: null, error: null });
    const timer = window.setTimeout(() => {
      runner.current ??= new JobRunner<CheckRequest, CheckProgress, EngineCheck>(createWorker);
      setState((s) => ({ ...s, phase: 'running' }));
      // Progress only moves a counter in words: a few updates a second are plenty, and each redraws the widget.
      handle = runner.current.start(request, { progressIntervalMs: 200, onProgress: (progress) => live && setState((s) => ({ ...s, progress })) });
      handle.result.then(
        (result) => live && setState({ phase: 'done', progress: null, result, error: null }),
        (error: unknown) => {
          if (!live || error instanceof JobCancelledError) return;
          setState({ phase: 'failed', progress: null, result: null, error: error instanceof Error ? error : new Error(String(error)) });
        },
      );
    }, SETTLE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
      handle?.cancel();
    };
    // createWorker is a stable factory and `key` identifies the request.
  }, [key, attempt]);

  return { ...state, retry: () => setAttempt((a) => a + 1) };
}
