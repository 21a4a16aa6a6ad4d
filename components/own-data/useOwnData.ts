import { useEffect, useRef, useState } from 'preact/hooks';
import { readOwnPoints, type OwnPoints } from '../../lib/ml/datasets';
import type { Persistence } from '../../lib/common';
import { pageStore } from '../notebook/page-store';

/** A widget's own data as the page holds it: kept in the browser's storage, never in the URL. */
export interface OwnData {
  /** The reader's points (undefined: none yet, or cleared). */
  own: OwnPoints | undefined;
  /** The stored points have been read (until then `own` is undefined whatever is stored). */
  loaded: boolean;
  /** Where the data is kept: the browser's database, or only this page's memory. */
  persistence: Persistence | undefined;
  /** Replaces the data (undefined clears it) and stores it; Undo brings back what it replaced. */
  change(next: OwnPoints | undefined): void;
  /** Brings back the data before the last change, if there was a change. */
  undo(): void;
  canUndo: boolean;
}

/** The most changes Undo can take back. */
const UNDO_DEPTH = 200;

/** The reader's own data of widget `name`, read from and written to the 'own-data' store under that name. */
export function useOwnData(name: string): OwnData {
  const [own, setOwn] = useState<OwnPoints>();
  const [loaded, setLoaded] = useState(false);
  const [persistence, setPersistence] = useState<Persistence>();
  const history = useRef<(OwnPoints | undefined)[]>([]);
  const [, setDepth] = useState(0);

  useEffect(() => {
    let live = true;
    let stop = (): void => undefined;
    void pageStore().then(async (store) => {
      const stored = readOwnPoints(await store.get('own-data', name));
      if (!live) return;
      setOwn(stored);
      setLoaded(true);
      setPersistence(store.persistence);
      stop = store.onPersistenceChange(setPersistence);
    });
    return () => {
      live = false;
      stop();
    };
  }, [name]);

  const save = (next: OwnPoints | undefined): void => {
    setOwn(next);
    void pageStore().then((store) => (next ? store.set('own-data', name, next) : store.delete('own-data', name)));
  };

  return {
    own,
    loaded,
    persistence,
    change(next) {
      history.current = [...history.current.slice(-(UNDO_DEPTH - 1)), own];
      setDepth(history.current.length);
      save(next);
    },
    undo() {
      if (history.current.length === 0) return;
      const previous = history.current[history.current.length - 1];
      history.current = history.current.slice(0, -1);
      setDepth(history.current.length);
      save(previous);
    },
    canUndo: history.current.length > 0,
  };
}
