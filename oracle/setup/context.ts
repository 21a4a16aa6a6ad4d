/** What the global setup hands every torch test file (vitest's provide/inject). */

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Unix socket of the one PyTorch server of this run. */
    torchSocket: string;
    /** Where each test file leaves its figures for the summary printed at the end. */
    torchStatsDir: string;
    /** torch.__version__ of the server's Python. */
    torchVersion: string;
  }
}

export {};
