/** The worker job behind the pooling widget: the engine's pooling forward pass and backward(). */
import { poolForwardBackward, type PoolRequest, type PoolResult } from './forward-backward';
import type { Job } from '../../runtime';

/** A pooling run, tagged with the key of the settings it belongs to. */
export interface PoolParams extends PoolRequest {
  readonly key: string;
}

/** The engine's output and input gradient, tagged with the same key. */
export interface PoolJobResult extends PoolResult {
  readonly key: string;
}

/** Runs y = pool(x) and y.backward(dL/dy) for one request (microseconds; runs in a worker). */
export const poolJob: Job<PoolParams, never, PoolJobResult> = async (params) => ({ key: params.key, ...poolForwardBackward(params) });
