/**
 * Vitest global setup of `npm run test:torch`: finds a Python with torch (or fails saying how to
 * install it), starts the one oracle server of the run on a Unix socket, hands its address to the
 * test files, and at the end stops it and prints the summary the files recorded.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { findTorchPython } from './find-python';
import { printSummary } from './print-summary';
import './context';

const SERVER = join(dirname(fileURLToPath(import.meta.url)), '..', 'python', 'server.py');

/** Resolves when the server prints its ready line; rejects with its output if it exits first. */
function whenReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the PyTorch oracle server did not start within 120 s:\n${output}`)), 120_000);
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      output += chunk;
      if (output.includes('ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the PyTorch oracle server exited (status ${code}) before it was ready:\n${output}`));
    });
  });
}

/** Starts the server; returns the teardown that stops it and prints the summary. */
export default async function setup(project: TestProject): Promise<() => void> {
  const python = findTorchPython();
  const dir = mkdtempSync(join(tmpdir(), 'torch-oracle-'));
  const socket = join(dir, 'torch.sock');
  // -B: no __pycache__ in the repository.
  const child = spawn(python.path, ['-B', SERVER, socket], { stdio: ['pipe', 'pipe', 'inherit'] });
  await whenReady(child);
  project.provide('torchSocket', socket);
  project.provide('torchStatsDir', dir);
  project.provide('torchVersion', python.version);
  return () => {
    child.stdin?.end();
    child.kill();
    printSummary(dir, python);
    rmSync(dir, { recursive: true, force: true });
  };
}
