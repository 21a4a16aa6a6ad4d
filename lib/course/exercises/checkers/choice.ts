/**
 * The choice checker. Single answer: right or wrong, with the chosen option's feedback.
 * Multiple answers, partial credit: score = (right options chosen − wrong options chosen) / right
 * options in all, floored at 0, so ticking every box earns nothing unless every box is right.
 */
import type { CheckResult, ChoiceSpec } from '../types';

/** Checks the chosen option ids against a choice exercise. */
export function checkChoice(spec: ChoiceSpec, chosen: readonly string[]): CheckResult {
  const ids = spec.options.map((o) => o.id);
  const unknown = chosen.filter((id) => !ids.includes(id));
  if (unknown.length > 0) {
    return { correct: false, score: 0, feedback: `Expected options among ${ids.join(', ')}; got ${unknown.map((id) => JSON.stringify(id)).join(', ')}.` };
  }
  const picked = spec.options.filter((o) => chosen.includes(o.id));
  if (picked.length === 0) return { correct: false, score: 0, feedback: `Expected ${spec.multiple ? 'at least one option' : 'one option'}; got none chosen.` };
  if (!spec.multiple) {
    if (picked.length > 1) return { correct: false, score: 0, feedback: `Expected one option; got ${picked.length}.` };
    const [option] = picked;
    return { correct: option?.correct === true, score: option?.correct ? 1 : 0, feedback: option?.feedback ?? '' };
  }
  const rightInAll = spec.options.filter((o) => o.correct).length;
  const right = picked.filter((o) => o.correct).length;
  const wrong = picked.length - right;
  const score = rightInAll === 0 ? (wrong === 0 ? 1 : 0) : Math.max(0, (right - wrong) / rightInAll);
  const correct = right === rightInAll && wrong === 0;
  const lines = picked.filter((o) => !o.correct).map((o) => `${o.id}: ${o.feedback}`);
  if (right < rightInAll) lines.push(`${rightInAll - right} right option${rightInAll - right === 1 ? ' is' : 's are'} not chosen.`);
  const feedback = correct ? `Correct: all ${rightInAll} right options and no other.` : `${right} of ${rightInAll} right options chosen, ${wrong} wrong. ${lines.join(' ')}`;
  return { correct, score, feedback };
}
