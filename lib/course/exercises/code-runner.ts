/**
 * Checks a code exercise: the student's code, then the spec's visible checks, then (in the grader)
 * the teacher's hidden checks, in one fresh kernel started by the caller. Partial credit: the
 * fraction of checks passed; a cell that throws counts as one failed check and stops the run.
 * The caller enforces the time limit on synchronous code (a killed process or worker); this
 * function gives up on code that never finishes asynchronously after `timeLimit` seconds.
 */
import { errorLine, runWithChecks, type CheckedCell, type CheckedRun, type KernelFactory } from '../../notebook';
import type { CheckResult, CodeSpec } from './types';

/** Seconds a code exercise may run when its spec says nothing. */
export const DEFAULT_TIME_LIMIT = 10;

/** How runCodeExercise() runs the code. */
export interface CodeRunOptions {
  /** Starts a fresh kernel (createKernel(nodeRealm(), options) in Node). */
  readonly startKernel: KernelFactory;
  /** The teacher's hidden checks, run after the visible ones (the grader only). */
  readonly hiddenChecks?: string;
}

type Detail = NonNullable<CheckResult['details']>[number];

/** Runs `code` and the checks, and turns the checks' results into a verdict. */
export async function runCodeExercise(spec: CodeSpec, code: string, options: CodeRunOptions): Promise<CheckResult> {
  const cells: CheckedCell[] = [
    { label: 'your code', source: code },
    { label: 'the checks', source: spec.checks },
    ...(options.hiddenChecks === undefined ? [] : [{ label: 'the hidden checks', source: options.hiddenChecks }]),
  ];
  const limit = spec.timeLimit ?? DEFAULT_TIME_LIMIT;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), limit * 1000)));
  const run = await Promise.race([runWithChecks(options.startKernel, cells), timeout]).finally(() => clearTimeout(timer));
  if (run === 'timeout') {
    const message = `Expected the code and its checks to finish within ${limit} s; they were still running (an endless loop, or a promise that never settles?).`;
    return { correct: false, score: 0, feedback: message, details: [{ name: 'time limit', passed: false, message }] };
  }
  return verdict(run);
}

/** The verdict of a checked run. */
function verdict(run: CheckedRun): CheckResult {
  const details: Detail[] = run.checks.map((c) => ({ name: c.name, passed: c.passed, message: c.message }));
  if (run.failed) {
    const stopped = run.failed.label === 'your code' ? `Your code stopped with ${errorLine(run.failed.error)}` : `${capitalise(run.failed.label)} stopped with ${errorLine(run.failed.error)}`;
    details.push({ name: run.failed.label, passed: false, message: stopped });
  }
  const passed = details.filter((d) => d.passed).length;
  const total = details.length;
  if (total === 0) return { correct: false, score: 0, feedback: 'No checks ran: the exercise has none, so it cannot be marked.', details };
  const failures = details.filter((d) => !d.passed).map((d) => (d.name === run.failed?.label ? d.message : `✗ ${d.name}: ${d.message}`));
  const correct = passed === total;
  const summary = `${passed} of ${total} checks passed.`;
  return { correct, score: passed / total, feedback: correct ? `All ${total} checks passed.` : [summary, ...failures].join('\n'), details };
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
