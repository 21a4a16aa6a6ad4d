import type { WorkerLike } from './worker-slot';
import { type PoolOptions, WorkerPool } from './worker-pool';

/**
 * Runs jobs one at a time in one worker. `start()` while a job runs queues the new job behind it
 * (first in, first out) rather than rejecting it; to replace a running job, `cancel()` its handle
 * first, which terminates the worker at once.
 */
export class JobRunner<P, E, R> extends WorkerPool<P, E, R> {
  /** Creates the runner; `createWorker` is called lazily, and again after a cancel or crash. */
  constructor(createWorker: () => WorkerLike, options: Omit<PoolOptions, 'size'> = {}) {
    super(createWorker, { ...options, size: 1 });
  }
}
