/**
 * The page's side of the kernel: starts the sandbox when a cell first needs it, runs cells one at
 * a time with a time limit, and stops (terminate and restart) a run that takes too long or that
 * the reader stops. Every message from the sandbox is validated (parseKernelMessage) before use.
 */
import { parseKernelMessage, type KernelMessage, type LibraryCode, type RunMessage } from '../../lib/notebook';
import type { CheckRecord, Output } from '../../lib/notebook';
import { createSandboxFrame } from './sandbox';

/** How a run ended: ran (ok or with an error), or was cut short. */
export type RunStatus = 'ok' | 'error' | 'timeout' | 'stopped' | 'crashed' | 'cancelled';

/** The end of a run: its status, its execution count and how long it took. */
export interface RunResult {
  readonly status: RunStatus;
  readonly count: number;
  readonly ms: number;
  /** For timeout, stopped and crashed: what happened, in a sentence for the cell's output. */
  readonly message?: string;
}

/** What a cell asks the kernel to do. */
export interface RunRequest {
  /** The code, or a promise of it (the run keeps its place in the queue while it settles). */
  readonly code: string | PromiseLike<string>;
  /** Milliseconds after which the run is stopped and the kernel restarted. */
  readonly timeLimitMs: number;
  /** Called when the run starts, with its execution count. */
  onStart(count: number): void;
  /** Called with each output, as it comes (also after the run, from timers the cell started). */
  onOutput(output: Output): void;
  /** Called with each check's result while the run lasts (an exercise's verdict is made of them). */
  onCheck?(result: CheckRecord): void;
  /** Lesson libraries the cell asks for (lib/notebook/libraries.ts): their code goes to the kernel once, and their globals are set before each run. */
  readonly libraries?: readonly string[];
}

/** Things every cell hears about: the kernel's state, and restarts (earlier outputs are stale). */
export type HostEvent = { readonly type: 'state'; readonly state: KernelState; readonly busy: boolean } | { readonly type: 'restarted' };

/** Whether the sandbox is off, starting, or ready. */
export type KernelState = 'off' | 'starting' | 'ready';

interface Queued {
  readonly request: RunRequest;
  readonly resolve: (result: RunResult) => void;
}

interface Active extends Queued {
  readonly id: number;
  readonly count: number;
  /** When the run was sent to the kernel (after the kernel had started). */
  started: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(1))} s`;
const GONE = 'the kernel was restarted; variables from earlier cells are gone';

/**
 * The page-wide kernel host. `loadSource` fetches the kernel's code, and `loadLibrary` a lesson
 * library's (dynamic imports).
 */
export class KernelHost {
  readonly #loadSource: () => Promise<string>;
  readonly #loadLibrary: (name: string) => Promise<string>;
  // Libraries sent to the running kernel (a restart empties it).
  readonly #provided = new Set<string>();
  readonly #listeners = new Set<(event: HostEvent) => void>();
  #frame: HTMLIFrameElement | null = null;
  #ready: Promise<void> | null = null;
  #readyResolve: (() => void) | null = null;
  #readyReject: ((e: Error) => void) | null = null;
  #state: KernelState = 'off';
  #queue: Queued[] = [];
  #active: Active | null = null;
  #nextId = 1;
  #count = 0;
  // Outputs that arrive after a run has finished (timers) still go to its cell; the last few runs are remembered.
  readonly #finished = new Map<number, (output: Output) => void>();

  constructor(loadSource: () => Promise<string>, loadLibrary: (name: string) => Promise<string> = (name) => Promise.reject(new Error(`no library "${name}" on this page`))) {
    this.#loadSource = loadSource;
    this.#loadLibrary = loadLibrary;
  }

  /** Subscribes to state changes and restarts; returns the unsubscribe function. */
  subscribe(listener: (event: HostEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Whether the sandbox is off (never started, or stopped), starting or ready. */
  get state(): KernelState {
    return this.#state;
  }

  /** Whether a run is in progress or queued. */
  get busy(): boolean {
    return this.#active !== null || this.#queue.length > 0;
  }

  /** Starts the sandbox now, so that the first run does not wait for it (e.g. when a cell gets focus). */
  warm(): void {
    void this.#start().catch(() => undefined);
  }

  /** Queues a run; resolves when it has finished, failed or been stopped. */
  run(request: RunRequest): Promise<RunResult> {
    return new Promise((resolve) => {
      this.#queue.push({ request, resolve });
      this.#emitState();
      void this.#pump();
    });
  }

  /** Stops the running cell (terminates the kernel and starts a fresh one) and cancels the queue. */
  stop(): void {
    if (!this.busy) return;
    this.#kill('stopped', `Stopped: ${GONE}.`);
  }

  /** A fresh kernel: cancels the queue, resets the execution count, marks every output stale. */
  restart(): void {
    this.#kill('stopped', `Stopped by Restart: ${GONE}.`);
  }

  #emit(event: HostEvent): void {
    for (const listener of this.#listeners) listener(event);
  }

  #emitState(): void {
    this.#emit({ type: 'state', state: this.#state, busy: this.busy });
  }

  #setState(state: KernelState): void {
    this.#state = state;
    this.#emitState();
  }

  #start(): Promise<void> {
    if (this.#ready) return this.#ready;
    this.#setState('starting');
    const ready = new Promise<void>((resolve, reject) => {
      this.#readyResolve = resolve;
      this.#readyReject = reject;
    });
    this.#ready = ready;
    // Marks for the bench (bench/notebook-cells.mjs): what the first run waits for.
    performance.mark('notebook-kernel:start');
    void this.#loadSource().then(
      (source) => {
        performance.mark('notebook-kernel:source');
        if (this.#ready !== ready) return; // restarted meanwhile
        const frame = createSandboxFrame(location.origin);
        this.#frame = frame;
        frame.addEventListener('load', () => frame.contentWindow?.postMessage({ kind: 'boot', source }, '*'), { once: true });
      },
      (e: unknown) => this.#readyReject?.(new Error(`the kernel could not be loaded (${e instanceof Error ? e.message : String(e)})`)),
    );
    return ready;
  }

  /** Receives the sandbox's messages: only from our frame, only well-formed ones. */
  readonly #onMessage = (event: MessageEvent): void => {
    if (!this.#frame || event.source !== this.#frame.contentWindow) return;
    const message = parseKernelMessage(event.data);
    if (message) this.#handle(message);
  };

  #handle(message: KernelMessage): void {
    switch (message.kind) {
      case 'ready':
        performance.mark('notebook-kernel:ready');
        this.#setState('ready');
        this.#readyResolve?.();
        break;
      case 'output':
        if (this.#active?.id === message.id) this.#active.request.onOutput(message.output);
        else this.#finished.get(message.id)?.(message.output);
        break;
      case 'check':
        if (this.#active?.id === message.id) this.#active.request.onCheck?.(message.result);
        break;
      case 'done':
        if (this.#active?.id === message.id) this.#finish(message.status);
        break;
      case 'crashed':
        if (this.#state === 'starting') this.#readyReject?.(new Error(message.message));
        else this.#kill('crashed', `The kernel stopped (${message.message}); ${GONE}.`);
        break;
    }
  }

  async #pump(): Promise<void> {
    if (this.#active || this.#queue.length === 0) return;
    const next = this.#queue.shift()!;
    const count = ++this.#count;
    const active: Active = { ...next, id: this.#nextId++, count, started: performance.now(), timer: undefined };
    this.#active = active;
    next.request.onStart(count);
    this.#emitState();
    try {
      await this.#start();
    } catch (e) {
      if (this.#active !== active) return;
      this.#kill('crashed', `The kernel could not start: ${e instanceof Error ? e.message : String(e)}.`);
      return;
    }
    if (this.#active !== active) return; // stopped while the kernel was starting
    const code = await next.request.code;
    if (this.#active !== active) return;
    let libraries: LibraryCode[];
    try {
      libraries = await this.#librariesFor(next.request.libraries ?? []);
    } catch (e) {
      if (this.#active !== active) return;
      next.request.onOutput({ type: 'error', name: 'Error', message: `The lesson's library could not be loaded (${e instanceof Error ? e.message : String(e)}); try again.`, stack: [] });
      this.#finish('error');
      return;
    }
    if (this.#active !== active) return;
    for (const library of libraries) if (library.source !== undefined) this.#provided.add(library.name);
    const { timeLimitMs } = next.request;
    active.started = performance.now();
    active.timer = setTimeout(() => this.#kill('timeout', `Stopped after ${seconds(timeLimitMs)}: ${GONE}.`), timeLimitMs);
    const run: RunMessage = { kind: 'run', id: active.id, count, code, ...(libraries.length > 0 ? { libraries } : {}) };
    this.#frame?.contentWindow?.postMessage(run, '*');
  }

  /** The libraries in `names`, with the code of those the running kernel does not have yet. */
  #librariesFor(names: readonly string[]): Promise<LibraryCode[]> {
    return Promise.all([...new Set(names)].map(async (name) => (this.#provided.has(name) ? { name } : { name, source: await this.#loadLibrary(name) })));
  }

  #finish(status: 'ok' | 'error'): void {
    const active = this.#active;
    if (!active) return;
    clearTimeout(active.timer);
    this.#active = null;
    this.#finished.set(active.id, active.request.onOutput);
    for (const id of this.#finished.keys()) if (this.#finished.size > 20) this.#finished.delete(id);
    active.resolve({ status, count: active.count, ms: performance.now() - active.started });
    this.#emitState();
    void this.#pump();
  }

  /** Ends the kernel: the active run gets `status`, queued runs are cancelled, counts reset, and a fresh kernel starts. */
  #kill(status: RunStatus, message: string): void {
    const active = this.#active;
    const queued = this.#queue;
    this.#active = null;
    this.#queue = [];
    if (active) clearTimeout(active.timer);
    this.#frame?.remove();
    this.#frame = null;
    this.#ready = null;
    this.#readyReject = null;
    this.#readyResolve = null;
    this.#finished.clear();
    this.#provided.clear();
    this.#count = 0;
    this.#state = 'off';
    if (active) active.resolve({ status, count: active.count, ms: performance.now() - active.started, message });
    for (const q of queued) q.resolve({ status: 'cancelled', count: 0, ms: 0, message: `Not run: ${GONE}.` });
    this.#emit({ type: 'restarted' });
    this.#emitState();
    this.warm();
  }

  /** Starts listening to the sandbox (once per page). */
  connect(target: Window): void {
    target.addEventListener('message', this.#onMessage);
  }
}
