import { afterEach, describe, expect, it } from 'vitest';
import { deferred } from './deferred';
import { type AnyJob, exposeJob } from './expose-job';
import type { Job } from './job';
import { RUNNING as running } from './job-control';
import { PROGRESS_INTERVAL_MS } from './progress-coalescer';
import type { PageMessage, WorkerMessage } from './protocol';
import { until } from './test-helpers';

/** Speaks the protocol by hand to a job exposed on one end of a MessageChannel. */
function exposed(job: AnyJob) {
  const { port1: page, port2: worker } = new MessageChannel();
  worker.start();
  const stop = exposeJob(job, worker);
  const received: WorkerMessage[] = [];
  page.onmessage = (event: MessageEvent<WorkerMessage>) => received.push(event.data);
  const send = (message: PageMessage | string): void => page.postMessage(message);
  cleanups.push(() => {
    stop();
    page.close();
  });
  return { send, received };
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('exposeJob()', () => {
  it('exposeJob() answers a start message with the result under the same id', async () => {
    const double: Job<number, never, number> = async (n) => 2 * n;
    const { send, received } = exposed(double);
    send('not a protocol message');
    send({ type: 'start', id: 7, job: 'default', params: 21, control: running, progressIntervalMs: PROGRESS_INTERVAL_MS });
    await until(() => received.length > 0);
    expect(received).toEqual([{ type: 'result', id: 7, value: 42 }]);
  });

  it('exposeJob() refuses a second start while a job runs', async () => {
    const release = deferred<void>();
    const waiting: Job<null, never, string> = async () => {
      await release.promise;
      return 'first';
    };
    const { send, received } = exposed(waiting);
    send({ type: 'start', id: 1, job: 'default', params: null, control: running, progressIntervalMs: PROGRESS_INTERVAL_MS });
    send({ type: 'start', id: 2, job: 'default', params: null, control: running, progressIntervalMs: PROGRESS_INTERVAL_MS });
    await until(() => received.length > 0);
    expect(received[0]).toMatchObject({
      type: 'error',
      id: 2,
      error: { message: 'this worker is still running job #1; it runs one at a time' },
    });
    release.resolve();
    await until(() => received.length > 1);
    expect(received[1]).toEqual({ type: 'result', id: 1, value: 'first' });
  });

  it('exposeJob() ignores control messages for another job id', async () => {
    let steps = 0;
    const counting: Job<null, never, number> = async (_params, ctx) => {
      while (steps < 50) {
        await ctx.checkpoint();
        steps += 1;
      }
      return steps;
    };
    const { send, received } = exposed(counting);
    send({ type: 'start', id: 1, job: 'default', params: null, control: running, progressIntervalMs: PROGRESS_INTERVAL_MS });
    send({ type: 'control', id: 99, action: { kind: 'pause' } });
    await until(() => received.length > 0);
    expect(received).toEqual([{ type: 'result', id: 1, value: 50 }]);
  });
});
