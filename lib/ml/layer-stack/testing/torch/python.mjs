// Node side of the tests that run real PyTorch: finds a Python with torch and runs scripts in it.
// Plain JavaScript, typed by python.d.mts, so that lib/ (built without Node's types) can use it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CANDIDATES = [process.env.TORCH_PYTHON, '/usr/bin/python3', 'python3'].filter(Boolean);

export function readFixture(name) {
  return readFileSync(new URL(name, import.meta.url), 'utf8');
}

export function findTorchPython() {
  const tried = [];
  for (const python of CANDIDATES) {
    const r = spawnSync(python, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' });
    if (r.status === 0) return { python, version: r.stdout.trim(), reason: '' };
    tried.push(`${python}: ${r.error ? r.error.message : (r.stderr || '').trim().split('\n').at(-1)}`);
  }
  return { python: null, version: '', reason: `no Python with torch (${tried.join('; ')}); set TORCH_PYTHON or install python3-torch` };
}

export function runScripts(python, scripts) {
  const dir = mkdtempSync(join(tmpdir(), 'torch-scripts-'));
  try {
    const file = join(dir, 'scripts.json');
    writeFileSync(file, JSON.stringify(scripts));
    const harness = fileURLToPath(new URL('./run_scripts.py', import.meta.url));
    const r = spawnSync(python, [harness, file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 900_000 });
    if (r.status !== 0) throw new Error(`run_scripts.py failed (${r.status ?? r.signal}): ${r.stderr}`);
    return JSON.parse(r.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
