/**
 * The worker runtime: jobs are plain DOM-free async functions; `runJob` runs one in-process,
 * `exposeJob` serves one from a worker entry, `JobScheduler` runs a view's requests under a named
 * policy (over `JobRunner` / `WorkerPool`), `Lockstep` plays runs in step, and the page's
 * `CpuBudget` shares the cores among every job on the page.
 */
export type { Job, JobContext, JobHandle, StartOptions } from './job';
export { JobCancelledError, JobError, WorkerCrashedError } from './errors';
export { runJob } from './run-job';
export { DEFAULT_JOB, exposeJob, exposeJobs, type AnyJob, type WorkerEndpoint } from './expose-job';
export { JobRunner } from './job-runner';
export { WorkerPool, defaultPoolSize, type PoolOptions } from './worker-pool';
export {
  JobScheduler,
  type JobPhase,
  type JobPolicy,
  type JobState,
  type RequestOptions,
  type SchedulerChange,
  type SchedulerOptions,
} from './job-scheduler';
export { CHUNK_SECONDS, Lockstep, chunkFor, type LockstepOptions, type SteppedRun } from './lockstep';
export type { WorkerLike } from './worker-slot';
export { PROGRESS_INTERVAL_MS } from './progress-coalescer';
export { TRANSFER_MIN_BYTES } from './transferables';
export * from './cpu-budget';
export * from './pacing';
