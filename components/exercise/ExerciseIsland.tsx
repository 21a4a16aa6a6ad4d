import { useEffect, useId, useState } from 'preact/hooks';
import type { Output } from '../../lib/notebook';
import { checkAnswer, type Answer, type CheckResult, type ExerciseSpec, type SolutionPolicy } from '../../lib/course/exercises';
import { assignmentOf } from '../../lib/course/progress';
import { useJoinedCourse } from '../course/useJoinedCourse';
import { WidgetBoundary } from '../widget-kit/WidgetBoundary';
import { AnswerInput } from './AnswerInput';
import { runCodeExercise } from './code-runner';
import { runExperimentCheck } from './experiment-runner';
import { Feedback } from './Feedback';
import { Hints } from './Hints';
import { Solution } from './Solution';
import { answersNotSavedText } from './storage-notice';
import { emptyAnswer, useExerciseProgress } from './useExerciseProgress';
import './exercise.css';

interface Props {
  spec: ExerciseSpec;
  /** The spec's Markdown texts as HTML, rendered at build time (Exercise.astro). */
  texts: Readonly<Record<string, string>>;
  /** When the solution shows (default: after a correct answer). */
  policy?: SolutionPolicy;
  /** The due date (ISO) for the 'after-due' policy. */
  due?: string;
}

/** An exercise's answer box, Check, feedback, attempts, hints and solution; the answer is saved as it is typed. */
export default function ExerciseIsland(props: Props) {
  return (
    <WidgetBoundary name={`exercise ${props.spec.id}`}>
      <ExerciseView {...props} />
    </WidgetBoundary>
  );
}

function ExerciseView({ spec, texts, policy: authorPolicy = 'after-correct', due: authorDue }: Props) {
  const progress = useExerciseProgress(spec);
  // A joined course's assignment sets when the solution shows, and the due date.
  const joined = useJoinedCourse();
  const assignment = joined ? assignmentOf(joined.course, spec.id) : undefined;
  const policy = assignment?.solutions ?? authorPolicy;
  const due = assignment?.due ?? authorDue;
  const [draft, setDraft] = useState<Answer | null>(null);
  const [checking, setChecking] = useState(false);
  const [outputs, setOutputs] = useState<readonly Output[]>([]);
  const [reset, setReset] = useState({ code: '', n: 0 });
  const id = useId();
  const feedbackId = `${id}-feedback`;

  // The saved answer (or the empty one) once it has been read.
  useEffect(() => {
    if (progress.loaded && draft === null) setDraft(progress.record?.answer ?? emptyAnswer(spec));
  }, [progress.loaded]);

  const answer = draft ?? emptyAnswer(spec);
  const result: CheckResult | null = progress.record?.result ?? null;
  const change = (next: Answer): void => {
    setDraft(next);
    progress.answered(next);
  };
  const check = async (): Promise<void> => {
    if (checking || draft === null) return;
    setChecking(true);
    setOutputs([]);
    const collected: Output[] = [];
    const verdict = await checkAnswer(spec, answer, {
      code: (s, code) =>
        runCodeExercise(s, code, (o) => {
          collected.push(o);
          setOutputs([...collected]);
        }),
      experiment: runExperimentCheck,
    });
    progress.checked(answer, verdict);
    setChecking(false);
  };
  const notSaved = answersNotSavedText(progress.persistence);
  const correct = result?.correct === true;

  return (
    <div class="exercise__body">
      {/* Until the saved answer is read, the empty one shows, disabled (the code editor starts from the saved code). */}
      <AnswerInput spec={spec} answer={answer} texts={texts} describedBy={feedbackId} invalid={result !== null && !correct} disabled={draft === null} outputs={outputs} reset={reset} onChange={change} onCheck={() => void check()} />
      <div class="exercise__actions">
        <button type="button" class="exercise__check" onClick={() => void check()} disabled={checking || draft === null} aria-describedby={feedbackId}>
          {checking ? 'Checking…' : 'Check'}
        </button>
        {spec.kind === 'code' && (answer.kind !== 'code' || answer.code !== spec.starter) && (
          <button type="button" class="exercise__button" onClick={() => setReset((r) => ({ code: spec.starter, n: r.n + 1 }))}>
            Reset to starter code
          </button>
        )}
        <span class="exercise__attempts">
          {progress.record?.attempts ?? 0} {(progress.record?.attempts ?? 0) === 1 ? 'attempt' : 'attempts'}
        </span>
      </div>
      <Feedback id={feedbackId} spec={spec} answer={answer} result={result} checking={checking} texts={texts} />
      {notSaved && <p class="exercise__note exercise__note--error">{notSaved}</p>}
      <Hints hints={spec.hints} texts={texts} revealed={progress.record?.revealedHints ?? 0} onReveal={progress.revealHint} />
      <Solution markdown={spec.solution} texts={texts} policy={policy} correct={correct} due={due} />
    </div>
  );
}
