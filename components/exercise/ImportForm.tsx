import { useId, useState } from 'preact/hooks';
import type { DocumentStore } from '../../lib/common';
import { readHandIn } from '../../lib/course/exercises';
import { recordsFromHandIn } from '../../lib/course/progress';
import { FormMessage } from './FormMessage';
import { writeAllProgress } from './progress-records';

interface Props {
  courseId: string;
  /** The page's document store (null while it opens). */
  store: DocumentStore | null;
  /** Ids of the exercises the site has (answers to others are skipped, and said so). */
  knownIds: readonly string[];
  onImported(): void;
}

/** "Import": reads a hand-in file back into this browser; a refused file changes nothing and says why. */
export function ImportForm({ courseId, store, knownIds, onImported }: Props) {
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const id = useId();

  const importFile = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (!store) return;
    if (!file) {
      setMessage({ text: 'Choose a hand-in file first.', error: true });
      return;
    }
    const read = readHandIn(await file.text(), { courseId });
    if (!read.ok) {
      setMessage({ text: `${file.name} was not imported, and nothing was changed. ${read.message}`, error: true });
      return;
    }
    const records = recordsFromHandIn(read.handIn);
    const skipped = [...records.keys()].filter((k) => !knownIds.includes(k));
    for (const k of skipped) records.delete(k);
    await writeAllProgress(store, records);
    onImported();
    const who = [read.handIn.student.name, read.handIn.student.id].filter(Boolean).join(', ') || 'no name';
    setMessage({
      text: `Imported ${records.size} ${records.size === 1 ? 'answer' : 'answers'} from ${file.name} (${who}, ${read.handIn.createdAt.slice(0, 10)}).${skipped.length ? ` Skipped ${skipped.length} for exercises this site does not have: ${skipped.join(', ')}.` : ''}`,
      error: false,
    });
  };

  return (
    <section class="progress__form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Import</h2>
      <p>Restores the answers of a hand-in file in this browser (another computer, say). Answers you have here for the same exercises are replaced; the others stay.</p>
      <form onSubmit={(e) => void importFile(e)}>
        <label>
          <span class="exercise__label">Hand-in file</span>
          <input type="file" accept=".json,application/json" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
        </label>
        <button type="submit" class="exercise__check" disabled={!store}>
          Import
        </button>
      </form>
      <FormMessage message={message} />
    </section>
  );
}
