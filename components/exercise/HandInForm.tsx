import { useId, useState } from 'preact/hooks';
import { makeHandIn, writeHandIn } from '../../lib/course/exercises';
import { handInAnswers, type ProgressRecord } from '../../lib/course/progress';
import { FormMessage } from './FormMessage';

interface Props {
  course: { readonly id: string; readonly title: string; readonly hash: string };
  appVersion: string;
  /** The saved records (null while they are read). */
  records: ReadonlyMap<string, ProgressRecord> | null;
}

/** A file name from the course and the student's name or id: letters, digits and hyphens. */
const fileName = (course: string, who: string): string => `hand-in-${course}-${who.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'student'}.json`;

/** "Hand in": the student's name and id, and a button that downloads every answer as one JSON file. */
export function HandInForm({ course, appVersion, records }: Props) {
  const [name, setName] = useState('');
  const [studentId, setStudentId] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const id = useId();

  const handIn = (event: Event): void => {
    event.preventDefault();
    if (!records) return;
    if (!name.trim() && !studentId.trim()) {
      setMessage({ text: 'Type your name or your student id (or both) first: the teacher needs to know whose answers these are.', error: true });
      document.getElementById(`${id}-name`)?.focus();
      return;
    }
    const file = writeHandIn(makeHandIn({ course, student: { name: name.trim(), id: studentId.trim() }, appVersion, answers: handInAnswers(records), now: new Date() }));
    const url = URL.createObjectURL(new Blob([file], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName(course.id, name.trim() || studentId.trim());
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setMessage({ text: `Downloaded ${link.download} with ${records.size} ${records.size === 1 ? 'answer' : 'answers'}. Send that file to your teacher.`, error: false });
  };

  return (
    <section class="progress__form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Hand in</h2>
      <p>Downloads one file with every answer you have typed or checked here, to send to your teacher, who re-checks each answer.</p>
      <form onSubmit={handIn}>
        <div class="progress__fields">
          <label>
            <span class="exercise__label">Your name</span>
            <input class="exercise__text-input" id={`${id}-name`} type="text" autoComplete="name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </label>
          <label>
            <span class="exercise__label">Student id</span>
            <input class="exercise__text-input" type="text" autoComplete="off" value={studentId} onInput={(e) => setStudentId(e.currentTarget.value)} />
          </label>
        </div>
        <button type="submit" class="exercise__check" disabled={!records}>
          Download hand-in file
        </button>
      </form>
      <FormMessage message={message} />
    </section>
  );
}
