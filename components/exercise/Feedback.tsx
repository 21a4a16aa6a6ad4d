import type { Answer, CheckResult, ExerciseSpec } from '../../lib/course/exercises';

interface Props {
  id: string;
  spec: ExerciseSpec;
  answer: Answer;
  result: CheckResult | null;
  checking: boolean;
  texts: Readonly<Record<string, string>>;
}

/** Text as HTML if it was rendered at build time (it may hold math), else as plain text. */
function Rich({ text, texts }: { text: string; texts: Readonly<Record<string, string>> }) {
  const html = texts[text];
  return html === undefined ? <span>{text}</span> : <span dangerouslySetInnerHTML={{ __html: html }} />;
}

/** What the last check said, in a live region (announced when it changes): right or not, and what is wrong. */
export function Feedback({ id, spec, answer, result, checking, texts }: Props) {
  const verdict = result === null ? null : result.correct ? 'correct' : result.score > 0 ? 'partial' : 'wrong';
  return (
    <div id={id} class={`exercise__feedback${verdict ? ` exercise__feedback--${verdict}` : ''}`} role="status" aria-live="polite">
      {checking && <p>Checking…</p>}
      {!checking && result && (
        <>
          <p class="exercise__verdict">
            {verdict === 'correct' ? '✓ Correct.' : verdict === 'partial' ? `◐ Partly right: ${Math.round(result.score * 100)} % of the points.` : '✗ Not right yet.'}
          </p>
          {spec.kind === 'choice' && spec.multiple && answer.kind === 'choice' ? (
            <ChoiceFeedback spec={spec} chosen={answer.chosen} result={result} texts={texts} />
          ) : (
            <p>
              <Rich text={result.feedback} texts={texts} />
            </p>
          )}
          {result.details && result.details.length > 0 && (
            <ul class="exercise__details">
              {result.details.map((d) => (
                <li key={d.name}>
                  {d.passed ? '✓' : '✗'} {d.name}
                  {!d.passed && d.message ? `: ${d.message}` : ''}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

/** For several answers: how many right ones were chosen, and why each wrong one chosen is wrong. */
function ChoiceFeedback({ spec, chosen, result, texts }: { spec: Extract<ExerciseSpec, { kind: 'choice' }>; chosen: readonly string[]; result: CheckResult; texts: Readonly<Record<string, string>> }) {
  if (result.correct) return <p>{result.feedback}</p>;
  const right = spec.options.filter((o) => o.correct);
  const picked = spec.options.filter((o) => chosen.includes(o.id));
  if (picked.length === 0) return <p>{result.feedback}</p>;
  const wrong = picked.filter((o) => !o.correct);
  const missing = right.length - picked.filter((o) => o.correct).length;
  return (
    <>
      <p>
        You chose {picked.length - wrong.length} of the {right.length} right answers{wrong.length > 0 ? ` and ${wrong.length} wrong ${wrong.length === 1 ? 'one' : 'ones'}` : ''}.
        {missing > 0 ? ` ${missing} right ${missing === 1 ? 'answer is' : 'answers are'} not chosen.` : ''}
      </p>
      {wrong.length > 0 && (
        <ul class="exercise__details">
          {wrong.map((o) => (
            <li key={o.id}>
              <Rich text={o.text} texts={texts} />: <Rich text={o.feedback} texts={texts} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
