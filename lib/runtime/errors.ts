/** The job was cancelled before it settled. */
export class JobCancelledError extends Error {
  override readonly name = 'JobCancelledError';

  /** Creates the error; `what` names the job in the message. */
  constructor(what: string) {
    super(`${what} was cancelled`);
  }
}

/** A job running in a worker threw: `name`, `message` and `stack` are the job's own. */
export class JobError extends Error {
  /** Rebuilds the job's error on the page side from its serialised form. */
  constructor({ name, message, stack }: SerializedError) {
    super(message);
    this.name = name;
    if (stack !== undefined) this.stack = stack;
  }
}

/** The worker died (an `error` event) or a message could not be read (`messageerror`). */
export class WorkerCrashedError extends Error {
  override readonly name = 'WorkerCrashedError';
}

/** An error as it crosses the worker boundary: structured clone drops custom names. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
}

/** Reduces anything thrown to name, message and stack so the page can rebuild it. */
export function serializeError(thrown: unknown): SerializedError {
  if (thrown instanceof Error) {
    return thrown.stack === undefined
      ? { name: thrown.name, message: thrown.message }
      : { name: thrown.name, message: thrown.message, stack: thrown.stack };
  }
  return { name: 'Error', message: String(thrown) };
}

/** A new Error saying `context: reason`, keeping the original's name (DataCloneError) and cause. */
export function explained(context: string, error: unknown): Error {
  const reason = error instanceof Error ? error.message : String(error);
  const result = new Error(`${context}: ${reason}`, { cause: error });
  result.name = error instanceof Error ? error.name : 'Error';
  return result;
}
