import { type AnyJob, exposeJobs } from './expose-job';
import type { WorkerLike } from './worker-slot';

/**
 * Test double of a Worker: the page side and the worker side (`exposeJobs` on a MessagePort) live
 * in one process and speak the real protocol over a real MessageChannel, so messages are cloned
 * and transferred as between threads.
 */
export class FakeWorker extends EventTarget implements WorkerLike {
  /** Every message the page posted, with its transfer list, in order. */
  readonly posted: { message: unknown; transfer: Transferable[] }[] = [];
  /** The worker's end of the channel, for tests that poke the worker side. */
  readonly workerPort: MessagePort;
  private readonly pagePort: MessagePort;
  private readonly stopWorkerSide: () => void;
  private isTerminated = false;

  /** Creates a worker serving `jobs`, as a worker entry calling `exposeJobs(jobs)` would. */
  constructor(jobs: Record<string, AnyJob>) {
    super();
    const { port1, port2 } = new MessageChannel();
    this.pagePort = port1;
    this.workerPort = port2;
    port1.onmessage = (event) =>
      this.dispatchEvent(new MessageEvent('message', { data: event.data }));
    port1.onmessageerror = () => this.dispatchEvent(new Event('messageerror'));
    port2.start();
    this.stopWorkerSide = exposeJobs(jobs, port2);
  }

  /** Whether `terminate()` was called. */
  get terminated(): boolean {
    return this.isTerminated;
  }

  /** Sends a message to the worker side, as `Worker.postMessage` does. */
  postMessage(message: unknown, transfer: Transferable[]): void {
    this.posted.push({ message, transfer });
    this.pagePort.postMessage(message, transfer);
  }

  /** Stops the worker side (abandoning its job, as a killed thread would) and closes the channel. */
  terminate(): void {
    this.isTerminated = true;
    this.stopWorkerSide();
    this.pagePort.close();
  }

  /** Fires the `error` event a browser fires when a worker throws outside any job. */
  crash(message: string): void {
    const event = new Event('error', { cancelable: true });
    Object.defineProperties(event, {
      message: { value: message },
      filename: { value: 'train.worker.ts' },
      lineno: { value: 12 },
    });
    this.dispatchEvent(event);
  }
}

/** Test helper: a worker factory that builds FakeWorkers serving `jobs` and keeps them all. */
export function fakeWorkers(jobs: Record<string, AnyJob>): {
  create: () => FakeWorker;
  spawned: FakeWorker[];
} {
  const spawned: FakeWorker[] = [];
  return {
    spawned,
    create: () => {
      const worker = new FakeWorker(jobs);
      spawned.push(worker);
      return worker;
    },
  };
}
