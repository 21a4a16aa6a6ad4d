import { MessageChannel } from 'node:worker_threads';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { buildLibrarySource } from './cell-libraries.mjs';
import { buildKernelSource } from './kernel-source.mjs';

/** Starts the bundled kernel in a fresh V8 context shaped like a worker, and talks to it over a port. */
async function startBundle(code: string) {
  const listeners = new Map<string, ((event: unknown) => void)[]>();
  const context = vm.createContext({
    addEventListener: (type: string, l: (event: unknown) => void) => listeners.set(type, [...(listeners.get(type) ?? []), l]),
    removeEventListener: (type: string, l: (event: unknown) => void) => listeners.set(type, (listeners.get(type) ?? []).filter((x) => x !== l)),
    setTimeout,
  });
  vm.runInContext(code, context);
  const { port1, port2 } = new MessageChannel();
  const received: unknown[] = [];
  const waiters: (() => void)[] = [];
  port1.on('message', (m) => {
    received.push(m);
    waiters.splice(0).forEach((w) => w());
  });
  for (const l of listeners.get('message') ?? []) l({ data: { kind: 'boot' }, ports: [port2] });
  const until = async (done: () => boolean): Promise<void> => {
    while (!done()) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  return { port: port1, received, until, close: () => port1.close() };
}

describe('buildKernelSource()', () => {
  it('bundles the kernel into one script that runs cells with no imports at run time', async () => {
    const { code } = await buildKernelSource();
    // Runs as a classic script in a context with no require, no import and no network: self-contained.
    const kernel = await startBundle(code);
    await kernel.until(() => kernel.received.length > 0);
    expect(kernel.received[0]).toEqual({ kind: 'ready' });
    kernel.port.postMessage({ kind: 'run', id: 7, count: 1, code: 'const x: number = 2;\nconsole.log(tensor([x]).mul(3));\nx' });
    await kernel.until(() => kernel.received.some((m) => (m as { kind: string }).kind === 'done'));
    expect(kernel.received.slice(1)).toEqual([
      { kind: 'output', id: 7, output: { type: 'stream', name: 'stdout', text: 'tensor([6.])\n' } },
      { kind: 'output', id: 7, output: { type: 'value', text: '2' } },
      { kind: 'done', id: 7, status: 'ok' },
    ]);
    kernel.received.length = 0;
    kernel.port.postMessage({ kind: 'run', id: 8, count: 2, code: 'postMessage({ kind: "done", id: 99, status: "ok" })' });
    await kernel.until(() => kernel.received.some((m) => (m as { kind: string }).kind === 'done'));
    expect(kernel.received).toEqual([
      { kind: 'output', id: 8, output: expect.objectContaining({ type: 'error', name: 'SandboxError', line: 1 }) },
      { kind: 'done', id: 8, status: 'error' },
    ]);
    // Names survive minification: a cell that shows a layer sees its class's name.
    kernel.received.length = 0;
    kernel.port.postMessage({ kind: 'run', id: 9, count: 3, code: 'new nn.Linear(2, 3, { rng: new Rng(0) }).constructor.name' });
    await kernel.until(() => kernel.received.some((m) => (m as { kind: string }).kind === 'done'));
    expect(kernel.received[0]).toEqual({ kind: 'output', id: 9, output: { type: 'value', text: "'Linear'" } });
    kernel.close();
  });

  it('runs a cell that asks for a lesson library with the kernel\'s own engine, the sandbox unchanged', async () => {
    const [{ code }, library] = await Promise.all([buildKernelSource(), buildLibrarySource('hyperparameter-search')]);
    // The library's bundle leaves the engine out: the kernel gives it its own.
    expect(library.inputs.filter((f: string) => f.includes('lib/engine/'))).toEqual([]);
    expect(library.inputs).not.toContain('lib/ml/training/index.ts');
    const kernel = await startBundle(code);
    await kernel.until(() => kernel.received.length > 0);
    let id = 0;
    const run = async (cell: string, libraries?: unknown): Promise<unknown[]> => {
      kernel.received.length = 0;
      const runId = ++id;
      kernel.port.postMessage({ kind: 'run', id: runId, count: runId, code: cell, ...(libraries ? { libraries } : {}) });
      await kernel.until(() => kernel.received.some((m) => (m as { kind: string }).kind === 'done'));
      return kernel.received.map((m) => (m as { output?: unknown; status?: unknown }).output ?? (m as { status?: unknown }).status);
    };
    // Before any cell asks for it, the name says where the library is.
    expect(await run('search')).toEqual([expect.objectContaining({ type: 'error', name: 'ReferenceError', message: expect.stringContaining('"hyperparameter-search"') }), 'error']);
    // The lesson's methods run on the kernel's Rng (Bayesian optimisation's first trial is random search's).
    const first = 'const p = search.bayesianOptimisation.propose([], 4, 1)!.x;\nconsole.log(p.join(","), p.join(",") === search.randomPoint(1, 0).join(","), new Rng(1).random() === p[0])';
    const printed = await run(first, [{ name: 'hyperparameter-search', source: library.code }]);
    expect(printed).toEqual([{ type: 'stream', name: 'stdout', text: expect.stringMatching(/^0\.\d+,0\.\d+ true true\n$/) }, 'ok']);
    // Sent once: later runs name it, and get it back even after a cell reassigned the name.
    expect(await run('search = 1; search')).toEqual([{ type: 'value', text: '1' }, 'ok']);
    expect(await run('search.toyObjective.evaluate([0.62, 0], 1)', [{ name: 'hyperparameter-search' }])).toEqual([{ type: 'value', text: '0' }, 'ok']);
    // The sandbox is as before in a cell with the library.
    expect(await run('fetch("https://example.com")', [{ name: 'hyperparameter-search' }])).toEqual([expect.objectContaining({ type: 'error', name: 'SandboxError' }), 'error']);
    // A later copy of the code is ignored: the library is evaluated once per kernel.
    expect(await run('search.TOY_OPTIMUM', [{ name: 'hyperparameter-search', source: 'throw new Error("bad bundle")' }])).toEqual([{ type: 'value', text: '0.62' }, 'ok']);
    kernel.close();
  });

  it('ends a run with an error when its library cannot be provided, and keeps the kernel', async () => {
    const kernel = await startBundle((await buildKernelSource()).code);
    await kernel.until(() => kernel.received.length > 0);
    const runWith = async (id: number, libraries: unknown): Promise<unknown[]> => {
      kernel.received.length = 0;
      kernel.port.postMessage({ kind: 'run', id, count: id, code: '1', libraries });
      await kernel.until(() => kernel.received.some((m) => (m as { kind: string }).kind === 'done'));
      return kernel.received;
    };
    expect(await runWith(1, [{ name: 'hyperparameter-search' }])).toEqual([
      { kind: 'output', id: 1, output: expect.objectContaining({ type: 'error', message: 'the library "hyperparameter-search" could not be loaded: the page did not send its code' }) },
      { kind: 'done', id: 1, status: 'error' },
    ]);
    expect(await runWith(2, [{ name: 'hyperparameter-search', source: 'throw new Error("bad bundle")' }])).toEqual([
      { kind: 'output', id: 2, output: expect.objectContaining({ type: 'error', message: 'the library "hyperparameter-search" could not be loaded: bad bundle' }) },
      { kind: 'done', id: 2, status: 'error' },
    ]);
    expect(await runWith(3, undefined)).toEqual([{ kind: 'output', id: 3, output: { type: 'value', text: '1' } }, { kind: 'done', id: 3, status: 'ok' }]);
    kernel.close();
  });
});
