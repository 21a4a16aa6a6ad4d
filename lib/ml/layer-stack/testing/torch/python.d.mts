/** Types of python.mjs: the Node side of the tests that run real PyTorch. */

/** What running one script did. */
export interface ScriptResult {
  /** What it printed. */
  readonly stdout: string;
  /** The warnings Python raised while it ran. */
  readonly warnings: readonly string[];
  /** The exception it stopped with (type, and its message's first line), or null. */
  readonly error: { readonly type: string; readonly message: string } | null;
  /** PyTorch's count of the numbers in `model`'s parameters and buffers, if the script built one. */
  readonly counts: { readonly parameters: number; readonly buffers: number } | null;
}

/** A file of this folder, as text. */
export function readFixture(name: string): string;

/** A Python that imports torch (TORCH_PYTHON, /usr/bin/python3 or python3), or why there is none. */
export function findTorchPython(): { readonly python: string | null; readonly version: string; readonly reason: string };

/** Runs each script in a fresh namespace of one Python process, in order. */
export function runScripts(python: string, scripts: readonly string[]): ScriptResult[];
