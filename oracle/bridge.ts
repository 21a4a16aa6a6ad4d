/**
 * The Node side of the PyTorch oracle: sends requests to the one Python server of the test run
 * (started by setup/global-setup.ts) over its Unix socket, one JSON line each, and resolves with
 * its answers. Every test file shares that server; a request is a whole batch of cases, so a file
 * makes a handful of round trips. The Python side is python/handlers.py, one function per kind.
 */
import { createConnection, type Socket } from 'node:net';
import { inject } from 'vitest';
import './setup/context';

/** A float as it crosses JSON: NaN and infinities as strings. */
export type WireNumber = number | 'NaN' | 'Infinity' | '-Infinity';

/** A tensor as it crosses JSON: its shape and its elements in row-major order. */
export interface WireTensor {
  readonly shape: readonly number[];
  readonly data: readonly WireNumber[];
}

/** An input tensor: a WireTensor that may require grad. */
export interface WireInput extends WireTensor {
  readonly grad?: boolean;
}

/** A Python exception: its class name and str(). */
export interface PyException {
  readonly type: string;
  readonly message: string;
}

/** What a snippet raised: type null (and message '') when it raised nothing. */
export interface RaiseResult {
  readonly type: string | null;
  readonly message: string;
}

/** A Python warning: its category's name and message. */
export type PyWarning = PyException;

/** JSON values, for op parameters. */
export type Json = number | boolean | string | null | readonly Json[] | { readonly [key: string]: Json };

/** One op case: inputs a, b, c (and the list ts), parameters p, and a Python expression over them. */
export interface OpRequest {
  readonly dtype: 'float32' | 'float64';
  readonly torch: string;
  readonly inputs: readonly WireInput[];
  readonly params: { readonly [key: string]: Json };
  /** When given, the input gradients of sum(out * weight) are returned. */
  readonly weight: WireTensor | null;
}

/** The op's output and gradients in PyTorch, or what it raised. */
export interface OpResult {
  readonly error?: PyException;
  readonly output?: WireTensor;
  readonly grads?: readonly (WireTensor | null)[];
  readonly gradSkipped?: string;
}

/** A module built by a Python expression, given parameters, called on inputs. */
export interface ModuleRequest {
  readonly dtype: 'float32' | 'float64';
  readonly build: string;
  readonly state: { readonly [name: string]: WireTensor };
  readonly train: boolean;
  readonly inputs: readonly WireInput[];
  /** Python expression calling module m on a, b...; a tuple result is a list of outputs. */
  readonly call: string;
  readonly weights: readonly WireTensor[];
}

/** The module's parameter names and shapes, outputs and gradients of sum(out_i * w_i). */
export interface ModuleResult {
  readonly parameters: readonly [string, number[]][];
  readonly outputs: readonly WireTensor[];
  readonly inputGrads: readonly (WireTensor | null)[];
  readonly parameterGrads: { readonly [name: string]: WireTensor };
}

/** An optimizer built by a Python expression over `params`, run for some steps on a loss over params and data. */
export interface OptimizerRequest {
  readonly dtype: 'float64';
  readonly params: readonly WireTensor[];
  readonly data: readonly WireTensor[];
  readonly build: string;
  readonly loss: string;
  readonly steps: number;
}

/** The parameters after each step, or the constructor's exception. */
export interface OptimizerResult {
  readonly error?: PyException;
  readonly steps?: readonly (readonly WireTensor[])[];
}

/** Gradients to clip (none: a parameter without a gradient). */
export interface ClipRequest {
  readonly mode: 'norm' | 'value';
  readonly max: number;
  readonly grads: readonly (WireTensor & { readonly none?: boolean })[];
}

/** The global norm before clipping, what the clip function returned, the gradients after. */
export interface ClipResult {
  readonly normBefore: number;
  readonly returned: number | null;
  readonly grads: readonly (WireTensor | null)[];
}

/** What running a script printed, warned and raised. */
export interface ScriptResult {
  readonly stdout: string;
  readonly error: PyException | null;
  readonly warnings: readonly PyWarning[];
}

/** One layer of a stack run in PyTorch: built and run, or where it failed. */
export interface StackRow {
  readonly stage: 'ok' | 'build' | 'forward';
  readonly weights?: number;
  readonly biases?: number;
  readonly buffers?: number;
  readonly shape?: number[];
  /** BatchNorm2d only: what training mode raises on this input, if anything. */
  readonly trainingError?: string | null;
  /** Warnings its eval-mode forward gave. */
  readonly warnings?: readonly string[];
  readonly type?: string;
  readonly message?: string;
}

/** nn.RNN(**args) called on zeros of `input` (and `h0`). */
export interface RnnRequest {
  readonly args: { readonly [key: string]: Json };
  readonly input: readonly number[];
  readonly h0: readonly number[] | null;
}

/** What building and calling it gave. */
export interface RnnResult {
  readonly build: PyException | null;
  readonly warnings: readonly PyWarning[];
  readonly parameters: readonly [string, number[]][];
  readonly forward: { readonly output: number[]; readonly hN: number[] } | { readonly error: PyException } | null;
}

/** Every request kind: [payload, result]. */
export interface Requests {
  ops: [readonly OpRequest[], OpResult[]];
  modules: [readonly ModuleRequest[], ModuleResult[]];
  optimizer: [OptimizerRequest, OptimizerResult];
  clip: [ClipRequest, ClipResult];
  raises: [readonly string[], RaiseResult[]];
  scripts: [readonly { readonly code: string }[], ScriptResult[]];
  stacks: [readonly { readonly input: readonly number[]; readonly layers: readonly string[] }[], StackRow[][]];
  rnn: [readonly RnnRequest[], RnnResult[]];
  version: [null, string];
}

interface Answer {
  readonly id: number;
  readonly ok: boolean;
  readonly result?: unknown;
  readonly error?: string;
}

interface Waiter {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

/** One connection to the server: requests numbered, answers matched by number. */
class Connection {
  readonly #socket: Socket;
  readonly #pending = new Map<number, Waiter>();
  #buffer = '';
  #next = 0;

  constructor(path: string) {
    this.#socket = createConnection(path);
    this.#socket.setEncoding('utf8');
    this.#socket.on('data', (chunk: string) => this.#receive(chunk));
    this.#socket.on('error', (e) => this.#failAll(e));
    this.#socket.on('close', () => this.#failAll(new Error('the PyTorch oracle server closed the connection')));
    this.#socket.unref();
  }

  request(kind: string, payload: unknown): Promise<unknown> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#socket.ref();
      this.#socket.write(`${JSON.stringify({ id, kind, payload })}\n`);
    });
  }

  #receive(chunk: string): void {
    this.#buffer += chunk;
    for (let end = this.#buffer.indexOf('\n'); end >= 0; end = this.#buffer.indexOf('\n')) {
      const answer = JSON.parse(this.#buffer.slice(0, end)) as Answer;
      this.#buffer = this.#buffer.slice(end + 1);
      const waiter = this.#pending.get(answer.id);
      this.#pending.delete(answer.id);
      if (this.#pending.size === 0) this.#socket.unref();
      if (answer.ok) waiter?.resolve(answer.result);
      else waiter?.reject(new Error(`the PyTorch oracle failed on this request:\n${answer.error ?? ''}`));
    }
  }

  #failAll(error: Error): void {
    for (const waiter of this.#pending.values()) waiter.reject(error);
    this.#pending.clear();
  }
}

let connection: Connection | undefined;

/** Asks the PyTorch server; resolves with its answer (a Python failure rejects with the traceback). */
export async function askTorch<K extends keyof Requests>(kind: K, payload: Requests[K][0]): Promise<Requests[K][1]> {
  connection ??= new Connection(inject('torchSocket'));
  return (await connection.request(kind, payload)) as Requests[K][1];
}
