/**
 * One entry for every kind: checkAnswer(spec, answer, runners) dispatches to the kind's checker.
 * Numeric, shape and choice are checked here; code and experiment answers need a runner (the page
 * passes its sandboxed kernel and worker, the grader its Node ones) and without one are not checked.
 */
import { checkChoice } from './checkers/choice';
import { checkNumeric } from './checkers/numeric';
import { checkShape } from './checkers/shape';
import type { Answer, CheckResult, CodeSpec, ExerciseSpec, ExperimentSpec } from './types';

/** Runs what cannot be checked by pure functions: a student's code, a widget's seeded job. */
export interface Runners {
  /** Runs the student's code then the checks (visible, and hidden in the grader) in a fresh kernel. */
  readonly code?: (spec: CodeSpec, code: string) => Promise<CheckResult>;
  /** Re-runs the widget's job from the student's state and tests the goal. */
  readonly experiment?: (spec: ExperimentSpec, state: Readonly<Record<string, unknown>>) => Promise<CheckResult>;
}

const refused = (feedback: string): CheckResult => ({ correct: false, score: 0, feedback });

/** Checks `answer` against `spec` with the kind's checker; a runner's throw becomes a result saying so. */
export async function checkAnswer(spec: ExerciseSpec, answer: Answer, runners: Runners = {}): Promise<CheckResult> {
  if (answer.kind !== spec.kind) return refused(`Expected a ${spec.kind} answer for ${spec.id}; got a ${answer.kind} answer.`);
  try {
    switch (spec.kind) {
      case 'numeric':
        return checkNumeric(spec, (answer as Extract<Answer, { kind: 'numeric' }>).text);
      case 'shape':
        return checkShape(spec, (answer as Extract<Answer, { kind: 'shape' }>).text);
      case 'choice':
        return checkChoice(spec, (answer as Extract<Answer, { kind: 'choice' }>).chosen);
      case 'code':
        if (!runners.code) return refused(`Code answers cannot be checked here: no code runner was given.`);
        return await runners.code(spec, (answer as Extract<Answer, { kind: 'code' }>).code);
      case 'experiment':
        if (!runners.experiment) return refused(`Experiment answers cannot be checked here: no experiment runner was given.`);
        return await runners.experiment(spec, (answer as Extract<Answer, { kind: 'experiment' }>).state);
    }
  } catch (thrown) {
    return refused(`The check itself failed: ${thrown instanceof Error ? thrown.message : String(thrown)}.`);
  }
}
