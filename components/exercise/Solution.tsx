import type { SolutionPolicy } from '../../lib/course/exercises';
import { solutionHiddenReason } from '../../lib/course/progress';

interface Props {
  markdown: string;
  texts: Readonly<Record<string, string>>;
  policy: SolutionPolicy;
  correct: boolean;
  due?: string | undefined;
}

/** The worked solution, in a disclosure, when the course's policy allows it; otherwise when it will show. */
export function Solution({ markdown, texts, policy, correct, due }: Props) {
  const hidden = solutionHiddenReason(policy, { correct, due, now: new Date() });
  if (hidden) return <p class="exercise__solution-note">{hidden}</p>;
  return (
    <details class="exercise__solution">
      <summary>Solution</summary>
      <div dangerouslySetInnerHTML={{ __html: texts[markdown] ?? markdown }} />
    </details>
  );
}
