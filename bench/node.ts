/** The few Node APIs the bench uses, typed here because the project has no @types/node. */
interface NodeProcess {
  readonly argv: readonly string[];
  readonly version: string;
  memoryUsage(): { heapUsed: number; external: number; arrayBuffers: number; rss: number };
  resourceUsage(): { maxRSS: number };
  stdout: { write(text: string): boolean };
}

/** Node's `process`. */
export const nodeProcess = (globalThis as unknown as { process: NodeProcess }).process;

/** Node's `gc()` when run with --expose-gc, else a no-op. */
export const collectGarbage: () => void = (globalThis as unknown as { gc?: () => void }).gc ?? (() => {});
