/**
 * The page's runner for code exercises: the student's code, then the exercise's visible checks,
 * each as a run of the page's sandboxed kernel (the one the lesson's cells use). Each check
 * (check, expectClose, expectShape) sends its result to the page as a message of its own (and
 * prints a line, "✓ name" or "✗ name — expected …, got …", that the student reads); those results
 * are the verdict's details, so a line the code prints itself counts for nothing. Partial credit
 * is the share of checks passed, as the teacher's grader gives it (lib/course/exercises/code-runner.ts).
 */
import { errorLine, type CheckRecord, type Output } from '../../lib/notebook';
import type { CheckResult, CodeSpec } from '../../lib/course/exercises';
import { pageKernel } from '../notebook/page-kernel';
import type { RunResult } from '../notebook/kernel-host';

/** Seconds the code and the checks may take when the spec says nothing. */
const DEFAULT_TIME_LIMIT = 10;

type Detail = NonNullable<CheckResult['details']>[number];

/** One run on the page kernel: its end, its first error and its outputs. */
async function run(code: string, timeLimitMs: number, onOutput: (o: Output) => void, onCheck?: (result: CheckRecord) => void): Promise<{ result: RunResult; why: string | undefined }> {
  let why: string | undefined;
  const result = await pageKernel().run({
    code,
    timeLimitMs,
    onStart: () => undefined,
    onOutput: (o) => {
      if (o.type === 'error') why ??= errorLine(o);
      onOutput(o);
    },
    ...(onCheck ? { onCheck } : {}),
  });
  return { result, why: why ?? (result.status === 'ok' ? undefined : (result.message ?? result.status)) };
}

/** Runs `code` then `spec.checks`; `onOutput` gets what the student's code outputs. */
export async function runCodeExercise(spec: CodeSpec, code: string, onOutput: (o: Output) => void): Promise<CheckResult> {
  const limit = (spec.timeLimit ?? DEFAULT_TIME_LIMIT) * 1000;
  const mine = await run(code, limit, onOutput);
  if (mine.result.status !== 'ok') {
    const message = `Your code stopped with ${mine.why ?? 'an error'}, so the checks did not run.`;
    return { correct: false, score: 0, feedback: message, details: [{ name: 'your code', passed: false, message }] };
  }
  const details: Detail[] = [];
  const checks = await run(spec.checks, limit, () => undefined, (c) => details.push({ name: c.name, passed: c.passed, message: c.message }));
  if (checks.result.status !== 'ok') details.push({ name: 'the checks', passed: false, message: `The checks stopped with ${checks.why ?? 'an error'}` });
  const passed = details.filter((d) => d.passed).length;
  if (details.length === 0) return { correct: false, score: 0, feedback: 'No checks ran, so the answer cannot be marked.', details };
  const correct = passed === details.length;
  return { correct, score: passed / details.length, feedback: correct ? `All ${details.length} checks passed.` : `${passed} of ${details.length} checks passed.`, details };
}
