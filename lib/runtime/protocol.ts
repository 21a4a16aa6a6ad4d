/**
 * The messages between a page and a job worker. One job runs per worker at a time; `id` names it,
 * so a message about an earlier job is never mistaken for one about the current job.
 *
 *   page → worker  start    {id, job, params, control, progressIntervalMs}   run jobs[job](params)
 *   page → worker  control  {id, action}     pause | resume | step n | share of a core and turn | steps per second
 *   worker → page  progress {id, value}      coalesced, at most every progressIntervalMs
 *   worker → page  idle     {id, idle}       the job started or stopped waiting at a paused checkpoint
 *   worker → page  result   {id, value}      after the last progress
 *   worker → page  error    {id, error}      the job threw, or a message failed
 *
 * There is no cancel message: cancelling terminates the worker.
 */
import type { SerializedError } from './errors';
import type { ControlAction, ControlState } from './job-control';

export type { ControlAction };

/** A message from the page to the worker. */
export type PageMessage =
  | { type: 'start'; id: number; job: string; params: unknown; control: ControlState; progressIntervalMs: number }
  | { type: 'control'; id: number; action: ControlAction };

/** A message from the worker to the page; an `error` with `id: null` concerns whatever job runs. */
export type WorkerMessage =
  | { type: 'progress'; id: number; value: unknown }
  | { type: 'idle'; id: number; idle: boolean }
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number | null; error: SerializedError };

/** Narrows what arrived on the worker side; anything else is not ours and is ignored. */
export function isPageMessage(data: unknown): data is PageMessage {
  return hasType(data, ['start', 'control']) && typeof data.id === 'number';
}

/** Narrows what arrived on the page side; anything else is not ours and is ignored. */
export function isWorkerMessage(data: unknown): data is WorkerMessage {
  return (
    hasType(data, ['progress', 'idle', 'result', 'error']) &&
    (typeof data.id === 'number' || data.id === null)
  );
}

function hasType(data: unknown, types: string[]): data is { type: string; id: unknown } {
  return (
    typeof data === 'object' &&
    data !== null &&
    'type' in data &&
    typeof data.type === 'string' &&
    types.includes(data.type) &&
    'id' in data
  );
}
