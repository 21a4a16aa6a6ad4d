/**
 * One exercise's saved progress in the browser's 'progress' store: read when the island starts,
 * the answer saved as the student types (debounced, and at once when the page is hidden), a
 * check's verdict and a revealed hint saved at once. Storage that is missing or full is reported
 * and the exercise keeps working in memory.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DocumentStore, Persistence } from '../../lib/common';
import { contentHash, type Answer, type CheckResult, type ExerciseSpec } from '../../lib/course/exercises';
import { parseProgressRecord, withAnswer, withResult, type ProgressRecord } from '../../lib/course/progress';
import { pageStore } from '../notebook/page-store';

/** Milliseconds between the last keystroke and the save. */
const SAVE_DELAY = 300;

/** What the exercise shows and does about its saved progress. */
export interface ExerciseProgress {
  /** False until the saved record (if any) has been read. */
  readonly loaded: boolean;
  readonly record: ProgressRecord | undefined;
  readonly persistence: Persistence;
  /** Keeps the answer as typed (the last verdict no longer applies). */
  answered(answer: Answer): void;
  /** Records a check's verdict (one more attempt). */
  checked(answer: Answer, result: CheckResult): void;
  /** Shows one more hint. */
  revealHint(): void;
}

/** The exercise's progress; see ExerciseProgress. */
export function useExerciseProgress(spec: ExerciseSpec): ExerciseProgress {
  const store = useRef<DocumentStore | null>(null);
  const hash = useRef<Promise<string>>(contentHash(spec));
  const [loaded, setLoaded] = useState(false);
  const [record, setRecord] = useState<ProgressRecord | undefined>(undefined);
  const current = useRef<ProgressRecord | undefined>(undefined);
  const [persistence, setPersistence] = useState<Persistence>({ kind: 'browser' });

  useEffect(() => {
    let cancelled = false;
    let unsubscribe = (): void => undefined;
    void pageStore().then(async (opened) => {
      const saved = parseProgressRecord(await opened.get('progress', spec.id));
      if (cancelled) return;
      store.current = opened;
      setPersistence(opened.persistence);
      unsubscribe = opened.onPersistenceChange(setPersistence);
      // An answer typed before the store opened wins over the saved one.
      if (!current.current) {
        current.current = saved;
        setRecord(saved);
      } else void opened.set('progress', spec.id, current.current);
      setLoaded(true);
    });
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [spec.id]);

  const update = (next: ProgressRecord, delayMs: number): void => {
    current.current = next;
    setRecord(next);
    if (delayMs > 0) store.current?.setLater('progress', spec.id, next, delayMs);
    else void store.current?.set('progress', spec.id, next);
  };

  return {
    loaded,
    record,
    persistence,
    answered(answer) {
      void hash.current.then((h) => update(withAnswer(current.current, answer, h, new Date()), SAVE_DELAY));
    },
    checked(answer, result) {
      void hash.current.then((h) => update(withResult(withAnswer(current.current, answer, h, new Date()), result, new Date()), 0));
    },
    revealHint() {
      void hash.current.then((h) => {
        const from = current.current ?? withAnswer(undefined, emptyAnswer(spec), h, new Date());
        update({ ...from, revealedHints: Math.min(spec.hints.length, from.revealedHints + 1) }, 0);
      });
    },
  };
}

/** The answer of an exercise nobody has touched: empty text, nothing chosen, the starter code, the start state. */
export function emptyAnswer(spec: ExerciseSpec): Answer {
  switch (spec.kind) {
    case 'numeric':
    case 'shape':
      return { kind: spec.kind, text: '' };
    case 'choice':
      return { kind: 'choice', chosen: [] };
    case 'code':
      return { kind: 'code', code: spec.starter };
    case 'experiment':
      return { kind: 'experiment', state: spec.start };
  }
}
