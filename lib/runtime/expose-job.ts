import { explained, serializeError } from './errors';
import type { Job } from './job';
import { JobControl } from './job-control';
import { launchJob, type Launched } from './launch-job';
import { type PageMessage, type WorkerMessage, isPageMessage } from './protocol';
import { largeBuffers } from './transferables';

/** The name `exposeJob` registers its job under, and the one `JobRunner` asks for by default. */
export const DEFAULT_JOB = 'default';

/** The worker's side of the channel: a dedicated worker's global scope, or a MessagePort in tests. */
export interface WorkerEndpoint {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message' | 'messageerror', listener: (event: MessageEvent) => void): void;
  removeEventListener(
    type: 'message' | 'messageerror',
    listener: (event: MessageEvent) => void,
  ): void;
}

/**
 * A job of any params, progress and result, as a registry holds it: `never` params accept every
 * job (parameters are contravariant), `unknown` would accept none. Params arrive untyped from the
 * page; the type parameters of the `JobRunner` that starts the job are the contract.
 */
export type AnyJob = Job<never, never, unknown>;

/** Serves one job from this worker under the default name: the whole of a typical worker entry. */
export function exposeJob(job: AnyJob, endpoint: WorkerEndpoint = workerScope()): () => void {
  return exposeJobs({ [DEFAULT_JOB]: job }, endpoint);
}

/**
 * Serves several jobs from this worker, by name, one at a time. Returns a function that stops
 * listening and abandons the running job (tests use it to stand in for `terminate()`).
 */
export function exposeJobs(
  jobs: Record<string, AnyJob>,
  endpoint: WorkerEndpoint = workerScope(),
): () => void {
  let running: { id: number; control: JobControl; launched: Launched } | undefined;

  const send = (message: WorkerMessage, transfer: Transferable[] = []): void =>
    endpoint.postMessage(message, transfer);
  const sendError = (id: number | null, error: unknown): void =>
    send({ type: 'error', id, error: serializeError(error) });
  /** Posts a value the job produced; a value that cannot be cloned fails the job, named. */
  const sendValue = (type: 'progress' | 'result', id: number, value: unknown): void => {
    try {
      send({ type, id, value }, largeBuffers(value));
    } catch (error) {
      const what = type === 'result' ? 'result' : 'progress value';
      abandon();
      sendError(id, explained(`the job's ${what} could not be sent to the page`, error));
    }
  };
  const abandon = (): void => {
    running?.launched.stop();
    running?.control.cancel();
    running = undefined;
  };

  const start = (message: Extract<PageMessage, { type: 'start' }>): void => {
    const { id } = message;
    const job = Object.hasOwn(jobs, message.job) ? jobs[message.job] : undefined;
    if (job === undefined) {
      const known = Object.keys(jobs).join(', ');
      return sendError(
        id,
        new Error(`this worker has no job named '${message.job}'; it has: ${known}`),
      );
    }
    if (running !== undefined) {
      return sendError(
        id,
        new Error(`this worker is still running job #${running.id}; it runs one at a time`),
      );
    }
    const control = new JobControl(message.control, (idle) => send({ type: 'idle', id, idle }));
    // The cast is the trust boundary: params were typed on the page, by the JobRunner's P.
    const run = job as Job<unknown, unknown, unknown>;
    const launched = launchJob(
      run,
      message.params,
      control,
      (value) => sendValue('progress', id, value),
      (outcome) => {
        running = undefined;
        if (outcome.ok) sendValue('result', id, outcome.value);
        else sendError(id, outcome.error);
      },
      message.progressIntervalMs,
    );
    running = { id, control, launched };
  };

  const onMessage = (event: MessageEvent): void => {
    const message: unknown = event.data;
    if (!isPageMessage(message)) return;
    if (message.type === 'start') return start(message);
    if (running?.id === message.id) running.control.apply(message.action);
  };
  const onMessageError = (): void => {
    const message = 'the worker could not read a message from the page (messageerror)';
    send({ type: 'error', id: running?.id ?? null, error: { name: 'DataCloneError', message } });
  };

  endpoint.addEventListener('message', onMessage);
  endpoint.addEventListener('messageerror', onMessageError);
  return () => {
    endpoint.removeEventListener('message', onMessage);
    endpoint.removeEventListener('messageerror', onMessageError);
    abandon();
  };
}

/** A dedicated worker's global scope, typed loosely so checks under the DOM lib pass too. */
function workerScope(): WorkerEndpoint {
  return globalThis as unknown as WorkerEndpoint;
}
