/**
 * The worker runtime: jobs are plain DOM-free async functions; `runJob` runs one in-process,
 * `exposeJob` serves one from a worker entry, and `JobRunner` / `WorkerPool` start it from a page.
 */
export type { Job, JobContext, JobHandle, StartOptions } from './job';
export { JobCancelledError, JobError, WorkerCrashedError } from './errors';
export { runJob } from './run-job';
export { DEFAULT_JOB, exposeJob, exposeJobs, type AnyJob, type WorkerEndpoint } from './expose-job';
export { JobRunner } from './job-runner';
export { WorkerPool, defaultPoolSize, type PoolOptions } from './worker-pool';
export type { WorkerLike } from './worker-slot';
export { PROGRESS_INTERVAL_MS } from './progress-coalescer';
export { TRANSFER_MIN_BYTES } from './transferables';
export * from './cpu-budget';
export * from './pacing';
