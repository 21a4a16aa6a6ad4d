import type { Output } from '../../lib/notebook';
import type { Answer, ExerciseSpec } from '../../lib/course/exercises';
import { ChoiceAnswer } from './ChoiceAnswer';
import { CodeAnswer } from './CodeAnswer';
import { ExperimentAnswer } from './ExperimentAnswer';
import { TextAnswer } from './TextAnswer';

interface Props {
  spec: ExerciseSpec;
  answer: Answer;
  texts: Readonly<Record<string, string>>;
  describedBy: string;
  invalid: boolean;
  disabled: boolean;
  outputs: readonly Output[];
  reset: { readonly code: string; readonly n: number };
  onChange(answer: Answer): void;
  onCheck(): void;
}

/** The answer box for the exercise's kind. */
export function AnswerInput({ spec, answer, texts, describedBy, invalid, disabled, outputs, reset, onChange, onCheck }: Props) {
  switch (spec.kind) {
    case 'numeric':
    case 'shape': {
      const kind = spec.kind;
      return <TextAnswer spec={spec} value={answer.kind === kind ? answer.text : ''} describedBy={describedBy} invalid={invalid} disabled={disabled} onInput={(text) => onChange({ kind, text })} onSubmit={onCheck} />;
    }
    case 'choice':
      return <ChoiceAnswer spec={spec} chosen={answer.kind === 'choice' ? answer.chosen : []} texts={texts} describedBy={describedBy} disabled={disabled} onChange={(chosen) => onChange({ kind: 'choice', chosen })} />;
    case 'code':
      return disabled ? (
        <pre class="exercise__code-static">
          <code>{spec.starter}</code>
        </pre>
      ) : (
        <CodeAnswer label={`Code of exercise ${spec.id}`} code={answer.kind === 'code' ? answer.code : spec.starter} outputs={outputs} reset={reset} onChange={(code) => onChange({ kind: 'code', code })} onCheck={onCheck} />
      );
    case 'experiment':
      return <ExperimentAnswer spec={spec} state={answer.kind === 'experiment' ? answer.state : spec.start} describedBy={describedBy} disabled={disabled} onChange={(state) => onChange({ kind: 'experiment', state })} />;
  }
}
