import { useEffect, useState } from 'preact/hooks';
import { contentHash, exerciseAnchor, readCourseLink, type Course, type ExerciseSpec } from '../../lib/course/exercises';
import { assignmentOf, courseExerciseIds, dueText, policyText, type JoinedCourse } from '../../lib/course/progress';
import ProgressView, { type ProgressLesson } from '../exercise/ProgressView';
import { WidgetBoundary } from '../widget-kit/WidgetBoundary';
import { readJoinedCourse, writeJoinedCourse } from './useJoinedCourse';
import './course.css';

interface Props {
  /** Every lesson with its exercises, in course order (the page picks the course's). */
  lessons: readonly ProgressLesson[];
  appVersion: string;
  /** The progress page's address. */
  progressHref: string;
}

type LinkState = { kind: 'none' } | { kind: 'error'; message: string } | { kind: 'course'; course: Course };

/** What happened to the course of the link: joined, updated, or waiting for the student to switch from another. */
type Arrival = 'joined' | 'updated' | 'already' | { switchFrom: Course } | null;

/** The course in the page's address, if it has one. */
function linkInAddress(): LinkState {
  // Rendered at build time too, where there is no address (the page then says it is reading).
  if (typeof location === 'undefined' || !location.hash) return { kind: 'none' };
  const read = readCourseLink(location.hash);
  return read.ok ? { kind: 'course', course: read.course } : { kind: 'error', message: read.message };
}


/** The course page: the course of the link (or the one joined before), its assignments, and progress, Hand in and Import for its exercises. */
export default function CoursePage(props: Props) {
  return (
    <WidgetBoundary name="course page">
      <CourseView {...props} />
    </WidgetBoundary>
  );
}

function CourseView({ lessons, appVersion, progressHref }: Props) {
  const [link] = useState(linkInAddress);
  const [joined, setJoined] = useState<JoinedCourse | undefined | null>(null);
  const [arrival, setArrival] = useState<Arrival>(null);
  const [hash, setHash] = useState<string | null>(null);

  const join = async (course: Course, how: 'joined' | 'updated'): Promise<void> => {
    const next = { course, joinedAt: new Date().toISOString() };
    await writeJoinedCourse(next);
    setJoined(next);
    setArrival(how);
  };

  useEffect(() => {
    void readJoinedCourse().then(async (stored) => {
      setJoined(stored);
      if (link.kind !== 'course') return;
      const same = stored !== undefined && JSON.stringify(stored.course) === JSON.stringify(link.course);
      if (same) setArrival('already');
      else if (stored === undefined) await join(link.course, 'joined');
      else if (stored.course.id === link.course.id) await join(link.course, 'updated');
      else setArrival({ switchFrom: stored.course });
    });
  }, []);

  const course = joined?.course;
  useEffect(() => {
    if (course) void contentHash(course).then(setHash);
  }, [course]);

  if (joined === null) return <p role="status">Reading your course…</p>;
  return (
    <div class="course">
      {link.kind === 'error' && (
        <p class="exercise__note exercise__note--error" role="alert">
          This course link cannot be read: {link.message} {course ? `You are still in “${course.title}”.` : 'Ask your teacher for the link again.'}
        </p>
      )}
      {arrival !== null && typeof arrival === 'object' && link.kind === 'course' && (
        <div class="course__switch" role="group" aria-label="Switch course">
          <p>
            This link is for “{link.course.title}”, and this browser is in “{arrival.switchFrom.title}”. Switch? Your answers stay saved either way; a hand-in from this page
            carries the course you are in.
          </p>
          <button type="button" class="exercise__check" onClick={() => void join(link.course, 'joined')}>
            Switch to “{link.course.title}”
          </button>
        </div>
      )}
      {(arrival === 'joined' || arrival === 'updated') && course && (
        <p class="exercise__note" role="status">
          {arrival === 'joined' ? `You joined “${course.title}” in this browser.` : `“${course.title}” was updated by your teacher's new link.`} Your answers in the lessons count towards it.
        </p>
      )}
      {course ? (
        <CourseBody course={course} lessons={lessons} appVersion={appVersion} hash={hash} />
      ) : (
        link.kind !== 'error' && <p>No course yet: open the course link your teacher gave you. Until then, every exercise counts on your <a href={progressHref}>progress page</a>.</p>
      )}
    </div>
  );
}

function CourseBody({ course, lessons, appVersion, hash }: { course: Course; lessons: readonly ProgressLesson[]; appVersion: string; hash: string | null }) {
  const ids = new Set(courseExerciseIds(course));
  const now = new Date();
  // The course's lessons with its exercises only, at the course's points.
  const pointsOf = (spec: ExerciseSpec): number => course.assignments.flatMap((a) => a.exercises).find((e) => e.id === spec.id && e.points !== undefined)?.points ?? spec.points;
  const mine = lessons.map((l) => ({ ...l, exercises: l.exercises.filter((e) => ids.has(e.id)).map((e) => ({ ...e, points: pointsOf(e) })) })).filter((l) => l.exercises.length > 0);
  const lessonOf = (id: string) => lessons.find((l) => l.exercises.some((e) => e.id === id));
  return (
    <>
      <h2 class="course__title">{course.title}</h2>
      {course.assignments.map((a) => (
        <section key={a.id} class="course__assignment" aria-labelledby={`assignment-${a.id}`}>
          <h3 id={`assignment-${a.id}`}>{a.title}</h3>
          <p class="course__meta">
            <strong>{dueText(a.due, now)}</strong> · {a.exercises.length} {a.exercises.length === 1 ? 'exercise' : 'exercises'} · {policyText(a.solutions)}
          </p>
          <ol class="course__exercises">
            {a.exercises.map((e) => {
              const lesson = lessonOf(e.id);
              const first = assignmentOf(course, e.id)?.id === a.id;
              return (
                <li key={e.id}>
                  {lesson ? <a href={`${lesson.href}#${exerciseAnchor(e.id)}`}>{lesson.title}: {e.id.slice(e.id.indexOf('/') + 1)}</a> : <span>{e.id} (not on this site: ask your teacher)</span>}
                  {!first && <span class="course__also"> (also in an earlier assignment)</span>}
                </li>
              );
            })}
          </ol>
        </section>
      ))}
      {hash === null ? <p role="status">Preparing…</p> : <ProgressView lessons={mine} course={{ id: course.id, title: course.title, hash }} appVersion={appVersion} />}
    </>
  );
}
