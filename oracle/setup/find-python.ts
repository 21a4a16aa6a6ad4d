/**
 * Finds a Python that can `import torch`: $TORCH_PYTHON if set, then Debian's /usr/bin/python3
 * (where `apt-get install python3-torch` puts it), then every python3 on PATH in order. A
 * `python3` found first on PATH (pyenv, a virtualenv) is often a different Python without torch,
 * which is why each is tried rather than the first one taken.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, realpathSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** A Python with torch, and torch's version. */
export interface TorchPython {
  readonly path: string;
  readonly version: string;
}

/** How to get PyTorch, for the message when there is none. */
export const INSTALL_HINT = [
  'Install PyTorch from Debian (PyTorch 1.13, about 420 MB):',
  '  sudo apt-get update && sudo apt-get install -y python3-torch python3-torchvision',
  'or point TORCH_PYTHON at a Python that can `import torch` (e.g. TORCH_PYTHON=~/venv/bin/python npm run test:torch).',
  'The normal `npm test` does not need PyTorch.',
].join('\n');

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Where Debian's python3-torch puts torch: tried before anything on PATH. */
export const DEBIAN_PYTHON = '/usr/bin/python3';

/** Every candidate interpreter, in the order they are tried, without repeats. */
export function candidates(env: NodeJS.ProcessEnv = process.env, preferred = DEBIAN_PYTHON): string[] {
  const onPath = (env['PATH'] ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'python3'));
  const listed = [env['TORCH_PYTHON'], preferred, ...onPath].filter((p): p is string => p !== undefined && p !== '' && executable(p));
  const seen = new Set<string>();
  return listed.filter((p) => {
    let key = p;
    try {
      key = realpathSync(p);
    } catch {
      // keep the path itself
    }
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The first candidate that imports torch; throws a message saying how to install it if none does. */
export function findTorchPython(env: NodeJS.ProcessEnv = process.env, preferred = DEBIAN_PYTHON): TorchPython {
  const tried: string[] = [];
  for (const path of candidates(env, preferred)) {
    const run = spawnSync(path, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8', timeout: 120_000 });
    if (run.status === 0) return { path, version: run.stdout.trim() };
    const reason = (run.stderr || run.error?.message || `exit status ${run.status}`).trim().split('\n').at(-1);
    tried.push(`  ${path}: ${reason}`);
  }
  const list = tried.length > 0 ? tried.join('\n') : `  (no python3 found: not ${preferred}, not on PATH)`;
  throw new Error(`npm run test:torch needs PyTorch, and no Python here can import torch. Tried:\n${list}\n\n${INSTALL_HINT}`);
}
