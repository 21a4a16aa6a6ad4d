// Runs the phases of a test command one after another, each a command of its own, and prints how
// long each took. Stops at the first phase that fails, with that phase's exit status.

/** @typedef {{ name: string, command: string, args: string[], env?: Record<string, string> }} Phase */
import { spawnSync } from 'node:child_process';

/** Minutes and seconds, as "3 min 07 s" (or "42.1 s" under a minute). */
export function formatDuration(ms) {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}

/** The table printed at the end: one row per phase run, then the total. */
export function durationTable(rows) {
  const total = rows.reduce((sum, r) => sum + r.ms, 0);
  const lines = [...rows.map((r) => [r.name, formatDuration(r.ms), r.ok ? 'passed' : 'FAILED']), ['total', formatDuration(total), '']];
  const width = Math.max(...lines.map(([name]) => name.length));
  return lines.map(([name, time, verdict]) => `  ${name.padEnd(width)}  ${time.padStart(12)}  ${verdict}`.trimEnd()).join('\n');
}

/**
 * Runs `phases` in order with their output shown as it comes; after the last one, or the first
 * that fails, prints the time each took and exits the process (0 only if every phase passed).
 * @param {Phase[]} phases
 */
export function runPhases(phases) {
  const rows = [];
  let status = 0;
  for (const phase of phases) {
    console.log(`\n▶ ${phase.name}: ${[phase.command, ...phase.args].join(' ')}`);
    const start = performance.now();
    const result = spawnSync(phase.command, phase.args, {
      stdio: 'inherit',
      shell: process.platform === 'win32',
      env: { ...process.env, ...phase.env },
    });
    const ok = result.status === 0;
    rows.push({ name: phase.name, ms: performance.now() - start, ok });
    if (!ok) {
      status = result.status || 1;
      break;
    }
  }
  const skipped = phases.slice(rows.length).map((p) => p.name);
  console.log(`\nTime per phase${skipped.length ? ` (not run after the failure: ${skipped.join(', ')})` : ''}:\n${durationTable(rows)}`);
  process.exit(status);
}
