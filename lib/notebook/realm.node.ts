/**
 * A kernel realm for Node (tests, and the grading CLI that runs student code in a child process):
 * a fresh V8 context per kernel, so kernels never share variables. No time limit here; the
 * caller runs untrusted code in a process it can kill.
 */
import vm from 'node:vm';
import type { KernelRealm } from './kernel';

/** A new, empty JavaScript world with timers, for one kernel. */
export function nodeRealm(): KernelRealm {
  const context = vm.createContext({ setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask });
  return {
    global: vm.runInContext('globalThis', context) as Record<string, unknown>,
    evaluate: (script, filename) => vm.runInContext(script, context, { filename }),
  };
}
