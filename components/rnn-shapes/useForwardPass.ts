import type { ForwardOutcome, ForwardRequest } from '../../lib/course/rnn-shapes';
import { useJob } from '../widget-kit/useJob';

/** The forward pass for the current setting: its outcome once known, and whether one is on its way. */
export interface ForwardPass {
  /** The outcome for the current key, or undefined while it runs or when it is not run. */
  outcome: ForwardOutcome | undefined;
  /** The worker failed (not the RNN: the engine's own errors are part of the outcome). */
  error: Error | undefined;
  busy: boolean;
}

function createForwardWorker(): Worker {
  return new Worker(new URL('./forward.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Runs the engine's forward pass in a worker for the latest setting. A short pass in progress is
 * let finish and only the newest setting waits behind it (`latest-wins`: no queue builds up while
 * a slider moves); a long one (`cancellable`) is cancelled at once when the setting changes
 * (`cancel-previous`), which terminates its worker. `request` undefined means do not run (and
 * cancels a long pass); `key` identifies the request.
 */
export function useForwardPass(request: ForwardRequest | undefined, key: string, cancellable: boolean): ForwardPass {
  const job = useJob<ForwardRequest, never, ForwardOutcome>(createForwardWorker, 'latest-wins', {
    request: request === undefined ? null : { params: request, key, policy: cancellable ? 'cancel-previous' : 'latest-wins' },
  });
  return { outcome: job.result, error: job.error, busy: job.busy };
}
