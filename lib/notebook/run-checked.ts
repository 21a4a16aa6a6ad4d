/**
 * Runs an exercise's code in one fresh kernel: the student's code, then each set of checks (the
 * visible ones, then the teacher's hidden ones), as cells one after another in a shared scope,
 * collecting every check's structured result. The caller starts the kernel (createKernel in a vm
 * context in Node, or in the sandbox's worker) and enforces the time limit (by killing the process
 * or worker). Only types come from kernel.ts, so that pages importing this package's index do not
 * bundle the compiler.
 */
import type { CheckRecord } from './checks';
import type { Kernel, KernelOptions } from './kernel';
import type { ErrorOutput, Output } from './outputs';

/** One cell of a checked run: its source and what it is ("your code", "checks", "hidden checks"). */
export interface CheckedCell {
  readonly label: string;
  readonly source: string;
}

/** What a checked run found. */
export interface CheckedRun {
  /** Every check's result, in the order they ran. */
  readonly checks: readonly CheckRecord[];
  /** Everything the cells printed, showed or threw. */
  readonly outputs: readonly Output[];
  /** The first cell that threw (or did not compile), and its error; the cells after it did not run. */
  readonly failed?: { readonly label: string; readonly error: ErrorOutput };
}

/** Starts a fresh kernel with these options: `(options) => createKernel(nodeRealm(), options)` in Node. */
export type KernelFactory = (options: KernelOptions) => Kernel;

/** Characters of output a checked run keeps (what a cell prints beyond it is dropped, so 100 MB of prints cost no memory). */
export const MAX_KEPT_OUTPUT = 100_000;

const sizeOf = (output: Output): number => ('text' in output ? output.text.length : output.type === 'display' ? output.item.text.length : 200);

/** Runs `cells` in order in a new kernel, stopping at the first that throws. */
export async function runWithChecks(startKernel: KernelFactory, cells: readonly CheckedCell[]): Promise<CheckedRun> {
  const checks: CheckRecord[] = [];
  const outputs: Output[] = [];
  let kept = 0;
  const kernel = startKernel({ onCheck: (result) => checks.push(result) });
  for (const [i, cell] of cells.entries()) {
    let error: ErrorOutput | undefined;
    const status = await kernel.run(cell.source, i + 1, (output) => {
      if (output.type === 'error') error ??= output;
      kept += sizeOf(output);
      if (kept <= MAX_KEPT_OUTPUT) outputs.push(output);
    });
    if (status === 'error' && error) return { checks, outputs, failed: { label: cell.label, error } };
  }
  return { checks, outputs };
}

/** An error as one line: "TypeError: x is not a function (line 3)". */
export function errorLine(error: ErrorOutput): string {
  return `${error.name}: ${error.message}${error.line === undefined ? '' : ` (line ${error.line})`}`;
}
