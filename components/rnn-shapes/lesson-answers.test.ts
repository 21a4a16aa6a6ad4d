/**
 * The RNN lesson's questions that are answered by setting the widget (questions 5 and 6 of
 * lessons/rnn-shapes.mdx): the answers, read from the lesson, must be what the widget shows for
 * that setting: the calculator's message, the engine's identities, the diagram's h_n table.
 */
import { describe, expect, it } from 'vitest';
import lesson from '../../lessons/rnn-shapes.mdx?raw';
import { defaultsOf } from '../../lib/common/url-state';
import { layoutOf } from '../../lib/course/rnn-shapes/indexing';
import { rnnSchema } from './model';
import { runForward } from './run-forward';
import { hNSources } from './unrolled';

const defaults = defaultsOf(rnnSchema);

/** The lesson's answer to question n, as one line of text. */
function answer(n: number): string {
  const answers = lesson.slice(lesson.indexOf('<Details summary="Answers">'));
  const match = new RegExp(`\\n${n}\\. ([\\s\\S]*?)(?=\\n\\d+\\. |\\n\\n)`).exec(answers);
  if (!match) throw new Error(`the lesson has no answer ${n}`);
  return match[1]!.replace(/\s+/g, ' ');
}

describe('RNN lesson answers read from the widget', () => {
  it('question 2: typing h_0 = 2, 1, 3, 20 into the example shows the message the answer quotes, and the engine refuses it too', async () => {
    expect(lesson).toContain('hidden size) = `2, 1, 3, 20`');
    const { view, outcome } = await runForward({ ...defaults, h_0: [2, 1, 3, 20] });
    expect(view.forward.ok).toBe(false);
    if (view.forward.ok) return;
    expect(answer(2)).toContain(`\`${view.forward.error.kind}: ${view.forward.error.message}\``);
    expect(outcome).toMatchObject({ ok: false, error: view.forward.error.message });
    expect(answer(2)).toContain(`\`${view.expectedH0.join(', ')}\`, the widget's "the expected shape"`);
  });

  it('question 3: with bidirectional and batch_first, the engine equates h_n[-1] with the slice the answer names, and the diagram puts h_n[1] where it says', async () => {
    const values = { ...defaults, bidirectional: true, batch_first: true };
    const { outcome } = await runForward(values);
    if (!outcome.ok) throw new Error(outcome.error);
    const slice = /^`([^`]+)`/.exec(answer(3))?.[1];
    expect(outcome.identities).toContainEqual({ left: slice, right: 'h_n[-1]', maxDifference: 0 });
    const row = hNSources({
      numLayers: values.num_layers,
      D: 2,
      seqLen: values.seq_len,
      hiddenSize: values.hidden_size,
      inputSize: values.input_size,
      batch: values.batch,
      layout: layoutOf(true, false),
    }).find((r) => r.index === 1);
    expect(answer(3)).toContain(`\`h_n[1]\` is layer ${row?.k}, ${row?.direction}, after step t = ${row?.t}`);
  });
});
