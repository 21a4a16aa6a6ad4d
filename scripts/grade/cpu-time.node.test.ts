import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { cpuSeconds, mainThreadScheduledSeconds } from './cpu-time.mjs';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

/** A Node child running `code`, once it has printed that it started. */
async function started(code: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', `process.stdout.write('ready\\n'); ${code}`], { stdio: ['ignore', 'pipe', 'ignore'] });
  children.push(child);
  await once(child.stdout!, 'data');
  return child;
}

/** Over `ms` of wall-clock time: the seconds the child's main thread slept (what the grader counts against its sleep budget), and its CPU seconds. */
async function over(child: ChildProcess, ms: number): Promise<{ wall: number; slept: number; cpu: number }> {
  const [before, cpuBefore] = [mainThreadScheduledSeconds(child.pid), cpuSeconds(child.pid)];
  const start = performance.now();
  await new Promise((r) => setTimeout(r, ms));
  const wall = (performance.now() - start) / 1000;
  const [after, cpuAfter] = [mainThreadScheduledSeconds(child.pid), cpuSeconds(child.pid)];
  if (before === undefined || after === undefined || cpuBefore === undefined || cpuAfter === undefined) throw new Error('expected /proc/<pid>/schedstat and /proc/<pid>/stat on Linux');
  return { wall, slept: wall - (after - before), cpu: cpuAfter - cpuBefore };
}

describe.runIf(process.platform === 'linux')('the grader\'s clocks (/proc)', () => {
  it('count a child that waits on a timer as sleeping, and a computing child on a machine with more busy processes than cores as not', async () => {
    // Twice as many computing processes as this machine has cores, so that the one measured waits for a CPU.
    const hogs = await Promise.all(Array.from({ length: 2 * availableParallelism() }, () => started('for (;;) {}')));
    const sleeper = await started('setTimeout(() => {}, 60_000);');
    const [waiting, computing] = await Promise.all([over(sleeper, 1500), over(hogs[0]!, 1500)]);
    expect(waiting.slept).toBeGreaterThan(0.8 * waiting.wall);
    expect(computing.slept).toBeLessThan(0.2 * computing.wall);
    // The computing child did wait for a CPU (its CPU time fell well short of the wall-clock time), and that wait is not sleep.
    expect(computing.cpu).toBeLessThan(0.8 * computing.wall);
  });

  it('say undefined for a process that is gone', () => {
    expect(mainThreadScheduledSeconds(2 ** 30)).toBeUndefined();
    expect(cpuSeconds(2 ** 30)).toBeUndefined();
  });
});
