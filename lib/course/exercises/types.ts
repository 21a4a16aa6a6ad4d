/**
 * Course exercises: what a lesson asks (the spec, plain data), what a student answers, and what a
 * checker says. The same types serve the page (components/exercise) and the teacher's grading CLI
 * (scripts/grade.mjs), so nothing here touches the DOM. A spec is data in
 * lib/course/<lesson>/exercises.ts; its prompt (prose with math) stays in the lesson's MDX.
 */

/** When a course lets students see an exercise's solution. */
export type SolutionPolicy = 'always' | 'after-correct' | 'after-due' | 'never';

/** What every kind of exercise has. */
interface ExerciseBase {
  /** Stable for good, "<lesson>/<name>" ("pooling/alexnet-pool"): progress, hand-ins and grades are keyed by it. */
  readonly id: string;
  /** Points for a fully correct answer (a course file may override them). */
  readonly points: number;
  /** Revealed one at a time, in order, each on request. */
  readonly hints: readonly string[];
  /** The worked solution, Markdown with $math$. */
  readonly solution: string;
}

/** A number, right within a tolerance. */
export interface NumericSpec extends ExerciseBase {
  readonly kind: 'numeric';
  readonly answer: number;
  /** |given − answer| ≤ abs, or ≤ rel·|answer|; either passing is enough. Default: rel 1e-6. */
  readonly tolerance?: { readonly abs?: number; readonly rel?: number };
  /** Units shown next to the field and accepted after the number ("parameters", "px"). */
  readonly units?: string;
  /** Wrong answers students are known to give, each with what it suggests they did. */
  readonly mistakes?: readonly { readonly value: number; readonly feedback: string }[];
}

/** A tensor shape, written as (5, 3, 40), [5, 3, 40], torch.Size([5, 3, 40]) or 5 × 3 × 40. */
export interface ShapeSpec extends ExerciseBase {
  readonly kind: 'shape';
  readonly answer: readonly number[];
  readonly mistakes?: readonly { readonly value: readonly number[]; readonly feedback: string }[];
}

/** One answer (radio) or several (checkboxes) from a list. */
export interface ChoiceSpec extends ExerciseBase {
  readonly kind: 'choice';
  readonly multiple: boolean;
  /** Each option with its id, its text (Markdown) and why it is right or wrong (shown after a check). */
  readonly options: readonly { readonly id: string; readonly text: string; readonly correct: boolean; readonly feedback: string }[];
}

/** Code the student writes in a cell; visible checks ship with the page, hidden ones are the teacher's. */
export interface CodeSpec extends ExerciseBase {
  readonly kind: 'code';
  /** The cell's starter code. */
  readonly starter: string;
  /** Checks run after the student's code in the same kernel (TypeScript using the check API). */
  readonly checks: string;
  /** Seconds the student's code and the checks may take together. */
  readonly timeLimit?: number;
}

/** "Get the widget to X": the widget's state is the answer, verified by re-running its seeded job. */
export interface ExperimentSpec extends ExerciseBase {
  readonly kind: 'experiment';
  /** Which widget's state this is ("vanishing-gradients"), and so which runner re-runs it. */
  readonly widget: string;
  /** The state the widget starts from for this exercise (its URL-state object). */
  readonly start: Readonly<Record<string, unknown>>;
  /** The state's keys the student may change; any other change is refused with a message. */
  readonly mayChange: readonly string[];
  /** What the re-run must reach, in the runner's terms ({ metric: 'testAccuracy', atLeast: 0.9, steps: 300 }). */
  readonly goal: Readonly<Record<string, unknown>>;
}

/** Any exercise. */
export type ExerciseSpec = NumericSpec | ShapeSpec | ChoiceSpec | CodeSpec | ExperimentSpec;

/** What a student answered, by kind: the text they typed (numeric, shape), the ids chosen, the code, the widget's state. */
export type Answer =
  | { readonly kind: 'numeric'; readonly text: string }
  | { readonly kind: 'shape'; readonly text: string }
  | { readonly kind: 'choice'; readonly chosen: readonly string[] }
  | { readonly kind: 'code'; readonly code: string }
  | { readonly kind: 'experiment'; readonly state: Readonly<Record<string, unknown>> };

/** A checker's verdict. */
export interface CheckResult {
  readonly correct: boolean;
  /** Partial credit, 0 to 1 (1 when correct). */
  readonly score: number;
  /** What is right or wrong, in words a student can act on (never only "wrong"). */
  readonly feedback: string;
  /** Per-check detail for code and experiment exercises (name, passed, message). */
  readonly details?: readonly { readonly name: string; readonly passed: boolean; readonly message: string }[];
}
