import type { EngineCheck } from '../../lib/ml/layer-stack';
import type { WorkerLike } from '../../lib/runtime';
import type { CheckProgress, CheckRequest } from '../../lib/course/cnn-sizes';
import { useJob } from '../widget-kit/useJob';

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
 * Runs the engine check in a worker for the latest stack (`cancel-previous`): a new stack cancels
 * the check that is running (its worker is terminated) and starts a fresh one once edits pause
 * for SETTLE_MS, so a result on screen always belongs to the stack on screen.
 */
export function useEngineCheck(createWorker: () => WorkerLike, request: CheckRequest, key: string): EngineCheckState {
  const job = useJob<CheckRequest, CheckProgress, EngineCheck>(createWorker, 'cancel-previous', {
    settleMs: SETTLE_MS,
    // Progress only moves a counter in words: a few updates a second are plenty, and each redraws the widget.
    progressIntervalMs: 200,
    request: { params: request, key },
  });
  return {
    phase: job.phase === 'idle' ? 'waiting' : job.phase,
    progress: job.progress ?? null,
    result: job.result ?? null,
    error: job.error ?? null,
    retry: job.retry,
  };
}
