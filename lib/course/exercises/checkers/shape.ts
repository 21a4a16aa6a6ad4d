/**
 * The shape checker: the typed shape must equal the answer exactly. A wrong answer earns 0 and
 * feedback naming what is wrong: a known mistake, the right sizes in the wrong order, the number
 * of dimensions, or how many dimensions are right. No partial credit.
 */
import { formatShape, parseShape } from '../parse-answer';
import type { CheckResult, ShapeSpec } from '../types';

const same = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
const sorted = (a: readonly number[]): number[] => [...a].sort((x, y) => x - y);

/** Checks a typed shape against a shape exercise. */
export function checkShape(spec: ShapeSpec, text: string): CheckResult {
  const parsed = parseShape(text);
  if (!parsed.ok) return { correct: false, score: 0, feedback: parsed.message };
  const given = parsed.value;
  const shown = formatShape(given);
  if (same(given, spec.answer)) return { correct: true, score: 1, feedback: `Correct: ${shown}.` };
  const wrong = (feedback: string): CheckResult => ({ correct: false, score: 0, feedback });
  const mistake = spec.mistakes?.find((m) => same(m.value, given));
  if (mistake) return wrong(mistake.feedback);
  const n = spec.answer.length;
  if (given.length !== n) {
    return wrong(`${shown} has ${given.length} dimension${given.length === 1 ? '' : 's'}; the answer has ${n}.`);
  }
  if (same(sorted(given), sorted(spec.answer))) return wrong(`${shown} has the right sizes in the wrong order.`);
  const right = given.filter((x, i) => x === spec.answer[i]).length;
  return wrong(`${shown}: ${right} of ${n} dimensions right.`);
}
