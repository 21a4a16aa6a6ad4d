/** Compares the engine's forward pass with the shape calculator, in words. */
import { pythonTuple } from '../../lib/common';
import type { ForwardOutcome } from '../../lib/course/rnn-shapes';
import type { RnnView } from './model';

/** Whether the two agree, and a sentence saying so (or where they differ). */
export interface Verdict {
  agree: boolean;
  text: string;
}

const same = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** The verdict on one forward pass: shapes, parameter names, shapes and counts, and refusals must all match. */
export function verdictOf(view: RnnView, outcome: ForwardOutcome): Verdict {
  const expected = view.parameters;
  const got = outcome.parameters;
  const total = got.reduce((n, p) => n + p.count, 0);
  const paramsAgree = got.length === expected.length && got.every((p, i) => p.name === expected[i]?.name && same(p.shape, expected[i]?.shape ?? []) && p.count === expected[i]?.count);
  if (!paramsAgree) {
    return { agree: false, text: `The engine built ${got.length} parameter tensors with ${total.toLocaleString('en-US')} numbers; the calculator expects ${expected.length} with ${view.total.toLocaleString('en-US')}.` };
  }
  const params = `the same ${got.length} parameter tensors (${total.toLocaleString('en-US')} numbers)`;
  const forward = view.forward;
  if (!outcome.ok) {
    return forward.ok
      ? { agree: false, text: `The engine refused a call the calculator accepts: “${outcome.error}”.` }
      : outcome.error === forward.error.message
        ? { agree: true, text: `The engine refuses this call too, in PyTorch's words, and built ${params}.` }
        : { agree: true, text: `The engine refuses this call too (“${outcome.error}”), and built ${params}.` };
  }
  if (!forward.ok) return { agree: false, text: `The engine ran a call PyTorch refuses, giving output ${pythonTuple(outcome.output)}.` };
  if (!same(outcome.output, forward.output) || !same(outcome.hN, forward.hN)) {
    return {
      agree: false,
      text: `The engine gave output ${pythonTuple(outcome.output)} and h_n ${pythonTuple(outcome.hN)}; the calculator says ${pythonTuple(forward.output)} and ${pythonTuple(forward.hN)}.`,
    };
  }
  return { agree: true, text: `The engine's forward pass gives the same shapes, output ${pythonTuple(outcome.output)} and h_n ${pythonTuple(outcome.hN)}, and ${params}.` };
}
