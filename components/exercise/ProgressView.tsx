import { useEffect, useState } from 'preact/hooks';
import type { DocumentStore, Persistence } from '../../lib/common';
import { exerciseAnchor, type ExerciseSpec } from '../../lib/course/exercises';
import { formatPoints, progressSummary, type ExerciseStatus, type ProgressRecord } from '../../lib/course/progress';
import { useJoinedCourse } from '../course/useJoinedCourse';
import { pageStore } from '../notebook/page-store';
import { WidgetBoundary } from '../widget-kit/WidgetBoundary';
import { HandInForm } from './HandInForm';
import { ImportForm } from './ImportForm';
import { readAllProgress } from './progress-records';
import { answersNotSavedText } from './storage-notice';
import './exercise.css';
import './progress.css';

/** A lesson as the progress page lists it. */
export interface ProgressLesson {
  readonly slug: string;
  readonly title: string;
  readonly href: string;
  readonly exercises: readonly ExerciseSpec[];
}

interface Props {
  lessons: readonly ProgressLesson[];
  course: { readonly id: string; readonly title: string; readonly hash: string };
  appVersion: string;
  /**
   * The course page's address, on the site-wide progress page only: if this browser has joined a
   * course, the page says that a hand-in for it is made there (this page's file carries the site's
   * id, which the course's grader refuses).
   */
  courseHref?: string;
}

const STATUS: Record<ExerciseStatus, string> = { 'not-started': 'Not started', unchecked: 'Answered, not checked', wrong: 'Not right yet', partial: 'Partly right', correct: 'Correct' };
const KIND: Record<ExerciseSpec['kind'], string> = { numeric: 'Number', shape: 'Shape', choice: 'Choice', code: 'Code', experiment: 'Experiment' };

/** Lessons' exercises with status and score, the total, Hand in (the answers to these exercises only) and Import. */
export default function ProgressView(props: Props) {
  return (
    <WidgetBoundary name="progress page">
      <ProgressTables {...props} />
    </WidgetBoundary>
  );
}

function ProgressTables({ lessons, course, appVersion, courseHref }: Props) {
  const [store, setStore] = useState<DocumentStore | null>(null);
  const [records, setRecords] = useState<Map<string, ProgressRecord> | null>(null);
  const [persistence, setPersistence] = useState<Persistence>({ kind: 'browser' });
  const reload = async (s: DocumentStore): Promise<void> => setRecords(await readAllProgress(s));

  useEffect(() => {
    void pageStore().then(async (s) => {
      setStore(s);
      setPersistence(s.persistence);
      s.onPersistenceChange(setPersistence);
      await reload(s);
    });
  }, []);

  const all = lessons.flatMap((l) => l.exercises);
  const total = progressSummary(all, records ?? new Map());
  const notSaved = answersNotSavedText(persistence);
  return (
    <div class="progress">
      {notSaved && <p class="exercise__note exercise__note--error">{notSaved}</p>}
      <p class="progress__total" aria-live="polite">
        {records === null ? 'Reading your progress…' : `Total: ${formatPoints(total.earned)} of ${total.points} points · ${total.correct} of ${all.length} exercises correct`}
      </p>
      {lessons.map((lesson) => {
        const summary = progressSummary(lesson.exercises, records ?? new Map());
        return (
          <section key={lesson.slug} aria-labelledby={`progress-${lesson.slug}`}>
            <h2 id={`progress-${lesson.slug}`}>
              <a href={lesson.href}>{lesson.title}</a>
            </h2>
            <div class="progress__scroll">
              <table class="progress__table">
                <caption class="visually-hidden">
                  Exercises of {lesson.title}: {formatPoints(summary.earned)} of {summary.points} points
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Exercise</th>
                    <th scope="col" class="progress__kind">Kind</th>
                    <th scope="col">Status</th>
                    <th scope="col" class="progress__num">Attempts</th>
                    <th scope="col" class="progress__num">Score</th>
                  </tr>
                </thead>
                <tbody>
                  {summary.standings.map((s) => (
                    <tr key={s.id} data-status={s.status}>
                      <th scope="row">
                        <a href={`${lesson.href}#${exerciseAnchor(s.id)}`}>{s.id.slice(s.id.indexOf('/') + 1)}</a>
                      </th>
                      <td class="progress__kind">{KIND[s.kind]}</td>
                      <td class={`progress__status progress__status--${s.status}`}>{STATUS[s.status]}</td>
                      <td class="progress__num">{s.attempts}</td>
                      <td class="progress__num">
                        {formatPoints(s.earned)} / {s.points}
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">Lesson total</th>
                    <td class="progress__kind" />
                    <td />
                    <td class="progress__num">{summary.standings.reduce((n, s) => n + s.attempts, 0)}</td>
                    <td class="progress__num">
                      {formatPoints(summary.earned)} / {summary.points}
                    </td>
                  </tr>
                </tfoot>
              </table>
            </div>
          </section>
        );
      })}
      {courseHref && <JoinedCourseNote courseHref={courseHref} />}
      <HandInForm course={course} appVersion={appVersion} records={records && new Map([...records].filter(([id]) => all.some((e) => e.id === id)))} />
      <ImportForm courseId={course.id} store={store} knownIds={all.map((e) => e.id)} onImported={() => store && void reload(store)} />
    </div>
  );
}

/** On the site-wide page, where a student in a course should hand in instead (nothing if no course is joined). */
function JoinedCourseNote({ courseHref }: { courseHref: string }) {
  const joined = useJoinedCourse();
  if (!joined) return null;
  return (
    <p class="exercise__note" role="note">
      You are in the course “{joined.course.title}”. Hand in for it from <a href={courseHref}>your course page</a>: that file carries the course and its points, and
      your teacher's grader takes only that one. The file below holds every lesson's answers, to move them to another browser.
    </p>
  );
}
