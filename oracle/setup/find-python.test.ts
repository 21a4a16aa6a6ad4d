import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { candidates, findTorchPython } from './find-python';

// Fake interpreters: shell scripts that answer `python3 -c 'import torch; ...'` as a Python with
// or without torch would. No real Python or PyTorch is needed.
const root = mkdtempSync(join(tmpdir(), 'find-python-'));
function fake(dir: string, script: string): string {
  mkdirSync(join(root, dir), { recursive: true });
  const path = join(root, dir, 'python3');
  writeFileSync(path, `#!/bin/sh\n${script}\n`);
  chmodSync(path, 0o755);
  return join(root, dir);
}
const without = fake('pyenv', 'echo "ModuleNotFoundError: No module named \'torch\'" >&2; exit 1');
const withTorch = fake('debian', 'echo 1.13.0a0');
const missing = join(root, 'nowhere');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('findTorchPython()', () => {
  it('findTorchPython() skips a python3 without torch that comes first on PATH', () => {
    const found = findTorchPython({ PATH: [without, withTorch].join(':') }, join(missing, 'python3'));
    expect(found).toEqual({ path: join(withTorch, 'python3'), version: '1.13.0a0' });
  });

  it('candidates() lists TORCH_PYTHON, then the preferred path, then PATH in order, once each', () => {
    const env = { PATH: [without, withTorch, without].join(':'), TORCH_PYTHON: join(withTorch, 'python3') };
    expect(candidates(env, join(without, 'python3'))).toEqual([join(withTorch, 'python3'), join(without, 'python3')]);
  });

  it('findTorchPython() without torch says what it tried and how to install PyTorch', () => {
    expect(() => findTorchPython({ PATH: without }, join(missing, 'python3'))).toThrow(
      new RegExp(`Tried:\\n  ${join(without, 'python3')}: ModuleNotFoundError: No module named 'torch'\\n\\nInstall PyTorch from Debian.*apt-get install -y python3-torch python3-torchvision`, 's'),
    );
    expect(() => findTorchPython({ PATH: missing }, join(missing, 'python3'))).toThrow('(no python3 found');
  });
});
