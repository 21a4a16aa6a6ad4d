/**
 * The numeric checker: right within the spec's tolerance (absolute or relative, either passing is
 * enough; default relative 1e-6). A wrong answer earns 0 and feedback naming the likely slip: a
 * known mistake, a factor (×2, ×10, ...) away, or the wrong sign. No partial credit.
 */
import { parseNumber } from '../parse-answer';
import type { CheckResult, NumericSpec } from '../types';

const DEFAULT_REL = 1e-6;
const FACTORS = [2, 3, 4, 8, 10, 100, 1000];

/** Whether `given` is within `spec`'s tolerance of `target`. */
export function withinTolerance(spec: NumericSpec, given: number, target: number): boolean {
  const abs = spec.tolerance?.abs;
  const rel = spec.tolerance?.rel ?? (abs === undefined ? DEFAULT_REL : undefined);
  const error = Math.abs(given - target);
  return (abs !== undefined && error <= abs) || (rel !== undefined && error <= rel * Math.abs(target));
}

/** A number for feedback, as the student would write it. */
const show = (x: number): string => (Number.isInteger(x) && Math.abs(x) < 1e15 ? x.toLocaleString('en-US') : String(Number(x.toPrecision(6))));

/** Checks a typed number against a numeric exercise. */
export function checkNumeric(spec: NumericSpec, text: string): CheckResult {
  const parsed = parseNumber(text, spec.units);
  if (!parsed.ok) return { correct: false, score: 0, feedback: parsed.message };
  const given = parsed.value;
  if (withinTolerance(spec, given, spec.answer)) return { correct: true, score: 1, feedback: `Correct: ${show(given)}${spec.units ? ` ${spec.units}` : ''}.` };
  const wrong = (feedback: string): CheckResult => ({ correct: false, score: 0, feedback });
  const mistake = spec.mistakes?.find((m) => withinTolerance(spec, given, m.value));
  if (mistake) return wrong(mistake.feedback);
  if (spec.answer !== 0 && withinTolerance(spec, -given, spec.answer)) return wrong(`${show(given)} has the right size but the wrong sign.`);
  if (spec.answer !== 0 && given !== 0) {
    for (const factor of FACTORS) {
      if (withinTolerance(spec, given / factor, spec.answer)) return wrong(`${show(given)} is off by a factor of ${factor}: it is ${factor} times too large.`);
      if (withinTolerance(spec, given * factor, spec.answer)) return wrong(`${show(given)} is off by a factor of ${factor}: it is ${factor} times too small.`);
    }
  }
  return wrong(`${show(given)} is not the answer: it is too ${given > spec.answer ? 'large' : 'small'}.`);
}
