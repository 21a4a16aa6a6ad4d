/**
 * The page's runner for code exercises: the student's code, then the exercise's visible checks,
 * each as a run of the page's sandboxed kernel (the one the lesson's cells use). The student's
 * run's outputs are shown; a check that fails throws, and its message (expected vs got) is the
 * feedback.
 */
import type { Output } from '../../lib/notebook';
import type { CheckResult, CodeSpec } from '../../lib/course/exercises';
import { pageKernel } from '../notebook/page-kernel';
import type { RunResult } from '../notebook/kernel-host';

/** Seconds the code and the checks may take when the spec says nothing. */
const DEFAULT_TIME_LIMIT = 10;

const errorText = (o: Extract<Output, { type: 'error' }>): string => `${o.name}: ${o.message}${o.line === undefined ? '' : ` (line ${o.line})`}`;

/** One run on the page kernel: its end and what it output. */
async function run(code: string, timeLimitMs: number, onOutput: (o: Output) => void): Promise<{ result: RunResult; error: Extract<Output, { type: 'error' }> | undefined }> {
  let error: Extract<Output, { type: 'error' }> | undefined;
  const result = await pageKernel().run({
    code,
    timeLimitMs,
    onStart: () => undefined,
    onOutput: (o) => {
      if (o.type === 'error') error ??= o;
      onOutput(o);
    },
  });
  return { result, error };
}

/** Runs `code` then `spec.checks`; `onOutput` gets what the student's code outputs. */
export async function runCodeExercise(spec: CodeSpec, code: string, onOutput: (o: Output) => void): Promise<CheckResult> {
  const limit = (spec.timeLimit ?? DEFAULT_TIME_LIMIT) * 1000;
  const mine = await run(code, limit, onOutput);
  if (mine.result.status !== 'ok') {
    const why = mine.error ? errorText(mine.error) : (mine.result.message ?? mine.result.status);
    return { correct: false, score: 0, feedback: `Your code did not finish, so the checks did not run: ${why}.` };
  }
  const checks = await run(spec.checks, limit, () => undefined);
  if (checks.result.status === 'ok') return { correct: true, score: 1, feedback: 'Correct: your code passes every check.' };
  const why = checks.error ? errorText(checks.error) : (checks.result.message ?? checks.result.status);
  return { correct: false, score: 0, feedback: `A check failed: ${why}.` };
}
