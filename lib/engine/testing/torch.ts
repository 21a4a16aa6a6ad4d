/**
 * Real PyTorch as an oracle for the `*.torch.test.ts` files (Node only). A test sends its inputs as
 * JSON to a Python script and gets PyTorch's values, gradients and error messages back.
 */
import { describe } from 'vitest';

// lib/ compiles without Node's types (it must run in browsers): the little of Node used here is
// declared locally and reached through process.getBuiltinModule (Node >= 22.3).
interface SpawnResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly error?: Error;
}
interface ChildProcess {
  spawnSync(command: string, args: readonly string[], options: { input?: string; encoding: 'utf8'; maxBuffer?: number; cwd?: string }): SpawnResult;
}
declare const process: { readonly env: Record<string, string | undefined>; getBuiltinModule(id: 'node:child_process'): ChildProcess };
const { spawnSync } = process.getBuiltinModule('node:child_process');

/** The Python that has torch: $TORCH_PYTHON, else Debian's /usr/bin/python3 (where python3-torch installs). */
export const TORCH_PYTHON = process.env['TORCH_PYTHON'] ?? '/usr/bin/python3';

/**
 * Helpers every script gets: INPUT (the JSON sent), T(nested) (a float64 tensor), emit(obj) (prints
 * obj as JSON; tensors become nested lists, inf and nan become strings), error_of(f) (the message
 * f raises, or None).
 */
const PRELUDE = `
import json, math, sys
import torch
import torch.nn as nn
import torch.nn.functional as F
INPUT = json.loads(sys.stdin.read())
def T(nested, grad=False):
    return torch.tensor(nested, dtype=torch.float64, requires_grad=grad)
def plain(v):
    if isinstance(v, torch.Tensor): return plain(v.detach().tolist())
    if isinstance(v, (list, tuple)): return [plain(e) for e in v]
    if isinstance(v, dict): return {k: plain(e) for k, e in v.items()}
    if isinstance(v, float) and not math.isfinite(v): return 'NaN' if v != v else ('Infinity' if v > 0 else '-Infinity')
    return v
def emit(obj):
    print(json.dumps(plain(obj)))
def error_of(f):
    try:
        f()
    except Exception as e:
        return str(e)
    return None
`;

let availability: string | null | undefined;

/** Why the PyTorch checks cannot run on this machine, or null when they can. */
export function torchUnavailable(): string | null {
  if (availability === undefined) {
    const run = spawnSync(TORCH_PYTHON, ['-c', 'import torch'], { encoding: 'utf8' });
    const detail = (run.error?.message ?? run.stderr ?? '').trim().split('\n').at(-1) ?? '';
    availability = run.status === 0 ? null : `PyTorch not found: ${TORCH_PYTHON} -c 'import torch' failed (${detail}); set TORCH_PYTHON`;
  }
  return availability;
}

const NON_FINITE: Record<string, number> = { NaN, Infinity, '-Infinity': -Infinity };

/** Runs `script` (after the prelude) with `input` on stdin and returns what it emit()s. Throws with Python's stderr on failure. */
export function runTorch<T>(script: string, input: unknown): T {
  const run = spawnSync(TORCH_PYTHON, ['-c', PRELUDE + script], { input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`PyTorch script failed (exit ${run.status}):\n${run.stderr}`);
  return JSON.parse(run.stdout, (_, value: unknown) => (typeof value === 'string' && value in NON_FINITE ? NON_FINITE[value] : value)) as T;
}

/** Runs the Python file at `path` as a reader would (`python3 path`, no prelude, from the file's folder) and returns what it prints. Throws with Python's stderr on failure. */
export function runPythonFile(path: string): string {
  const cwd = path.slice(0, Math.max(0, path.lastIndexOf('/'))) || '.';
  const run = spawnSync(TORCH_PYTHON, [path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, cwd });
  if (run.status !== 0) throw new Error(`Python script failed (exit ${run.status}):\n${run.stderr}`);
  return run.stdout;
}

/** Time a beforeAll() that starts Python and imports torch may take on a loaded machine (ms). */
export const TORCH_STARTUP_TIMEOUT = 120_000;

/** describe() that runs where PyTorch is installed and otherwise skips, saying why in its title and on stderr. */
export function describeWithTorch(title: string, body: () => void): void {
  const missing = torchUnavailable();
  if (missing !== null) console.warn(`Skipped "${title}": ${missing}`);
  describe.skipIf(missing !== null)(missing === null ? title : `${title} (skipped: ${missing})`, body);
}

/** Nested arrays of numbers, as Tensor.toArray() gives and PyTorch's tolist() sends back. */
export type Nested = number | readonly Nested[];

/** Largest |a − b| over two nested arrays (Infinity if their shapes differ; equal infinities and two NaNs count as 0). */
export function maxDiff(a: Nested, b: Nested): number {
  if (typeof a === 'number' || typeof b === 'number') {
    if (typeof a !== 'number' || typeof b !== 'number') return Infinity;
    return a === b || (a !== a && b !== b) ? 0 : Math.abs(a - b);
  }
  if (a.length !== b.length) return Infinity;
  return a.reduce<number>((m, x, i) => Math.max(m, maxDiff(x, b[i]!)), 0);
}
