import { MessageChannel } from 'node:worker_threads';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
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
});
