/**
 * The notebook page's state: the store, the list of saved notebooks, the open notebook and its
 * saving. Edits save themselves after a short pause (and at once when the page is hidden); every
 * action that replaces the open notebook saves it first, so nothing typed is lost.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { checkNotebookName, freeName, importIpynb, IMPORT_LIMITS, nameFromFileName, newNotebook, starterNotebook, type NotebookDoc } from '../../../lib/notebook';
import { pageKernel } from '../page-kernel';
import { openNotebookStore, type NotebookStore, type NotebookSummary } from './store';

/** Whether the open notebook's latest edits are stored. */
export type SaveState = { readonly kind: 'saved' | 'pending' | 'saving' } | { readonly kind: 'failed'; readonly message: string };

/** The open notebook. `session` changes when another notebook is opened (its cells start afresh). */
export interface OpenNotebook {
  readonly name: string;
  readonly doc: NotebookDoc;
  readonly session: number;
}

/** A message for the reader: what an action did (status) or why it failed (alert), with details. */
export interface PageMessage {
  readonly kind: 'status' | 'alert';
  readonly text: string;
  readonly details?: readonly string[];
}

/** Milliseconds of quiet after an edit before the notebook is saved. */
const SAVE_AFTER_MS = 600;
const PARAM = 'notebook';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function showInAddress(name: string): void {
  const url = new URL(location.href);
  url.searchParams.set(PARAM, name);
  history.replaceState(history.state, '', url);
}

/** The notebook page's state and actions. */
export function useNotebooks() {
  const [store, setStore] = useState<NotebookStore | null>(null);
  const [storageProblem, setStorageProblem] = useState<string | undefined>();
  const [list, setList] = useState<readonly NotebookSummary[]>([]);
  const [open, setOpen] = useState<OpenNotebook | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'saved' });
  const [pageMessage, setPageMessage] = useState<PageMessage | null>(null);
  // What the async actions read: the latest values, not those of the render that started them.
  const current = useRef({ store, open, list });
  current.current = { store, open, list };
  const savedDoc = useRef<NotebookDoc | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const session = useRef(0);

  const refreshList = async (s: NotebookStore): Promise<readonly NotebookSummary[]> => {
    const names = await s.list();
    setList(names);
    current.current.list = names;
    return names;
  };

  /** Saves the open notebook now if it has unsaved edits. */
  const flush = async (): Promise<void> => {
    clearTimeout(timer.current);
    const { store: s, open: o } = current.current;
    if (!s || !o || savedDoc.current === o.doc) return;
    setSave({ kind: 'saving' });
    try {
      await s.save(o.name, o.doc);
      savedDoc.current = o.doc;
      setSave(current.current.open?.doc === o.doc ? { kind: 'saved' } : { kind: 'pending' });
      if (!current.current.list.some((n) => n.name === o.name)) await refreshList(s);
    } catch (e) {
      setSave({ kind: 'failed', message: message(e) });
    }
  };

  const show = (name: string, doc: NotebookDoc, alreadySaved: boolean): void => {
    // Variables of one notebook are not the next one's: a kernel that has run starts afresh.
    const host = pageKernel();
    if (host.state !== 'off') host.restart();
    session.current += 1;
    savedDoc.current = alreadySaved ? doc : null;
    const next = { name, doc, session: session.current };
    current.current.open = next;
    setOpen(next);
    setSave(alreadySaved ? { kind: 'saved' } : { kind: 'pending' });
    showInAddress(name);
  };

  const createAndShow = async (s: NotebookStore, name: string, doc: NotebookDoc): Promise<void> => {
    await s.save(name, doc);
    await refreshList(s);
    show(name, doc, true);
  };

  /** Runs an action that changes the store, reporting a failure instead of throwing. */
  const attempt = async (what: string, action: (s: NotebookStore) => Promise<void>): Promise<void> => {
    const s = current.current.store;
    if (!s) return;
    try {
      await action(s);
    } catch (e) {
      setPageMessage({ kind: 'alert', text: `${what} failed: ${message(e)}` });
    }
  };

  const openByName = (name: string) =>
    attempt(`Opening “${name}”`, async (s) => {
      if (current.current.open?.name === name) return;
      await flush();
      const doc = await s.load(name);
      if (!doc) throw new Error('it is no longer in the list');
      show(name, doc, true);
    });

  const createNew = () =>
    attempt('Creating a notebook', async (s) => {
      await flush();
      const name = freeName('Untitled', current.current.list.map((n) => n.name));
      await createAndShow(s, name, newNotebook());
      setPageMessage({ kind: 'status', text: `Created “${name}”.` });
    });

  /** Renames the open notebook; returns an error message, or undefined if it was renamed. */
  const rename = async (wanted: string): Promise<string | undefined> => {
    const { store: s, open: o } = current.current;
    if (!s || !o) return undefined;
    const checked = checkNotebookName(wanted, current.current.list.map((n) => n.name).filter((n) => n !== o.name));
    if (!checked.ok) return checked.message;
    if (checked.name === o.name) return undefined;
    try {
      await flush();
      await s.rename(o.name, checked.name);
      const renamed = { ...(current.current.open ?? o), name: checked.name };
      current.current.open = renamed;
      setOpen(renamed);
      showInAddress(checked.name);
      await refreshList(s);
      setPageMessage({ kind: 'status', text: `Renamed “${o.name}” to “${checked.name}”.` });
      return undefined;
    } catch (e) {
      return message(e);
    }
  };

  const duplicate = (name: string) =>
    attempt(`Duplicating “${name}”`, async (s) => {
      await flush();
      const o = current.current.open;
      const doc = o?.name === name ? o.doc : await s.load(name);
      if (!doc) throw new Error('it is no longer in the list');
      const copy = freeName(`${name} (copy)`, current.current.list.map((n) => n.name));
      await s.save(copy, doc);
      await refreshList(s);
      setPageMessage({ kind: 'status', text: `Duplicated “${name}” as “${copy}”.` });
    });

  const remove = (name: string) =>
    attempt(`Deleting “${name}”`, async (s) => {
      const wasOpen = current.current.open?.name === name;
      if (wasOpen) clearTimeout(timer.current);
      await s.remove(name);
      const names = await refreshList(s);
      setPageMessage({ kind: 'status', text: `Deleted “${name}”.` });
      if (!wasOpen) return;
      const next = names[0];
      const doc = next ? await s.load(next.name) : undefined;
      if (next && doc) show(next.name, doc, true);
      else await createAndShow(s, freeName('Untitled', []), newNotebook());
    });

  /** Imports a .ipynb file as a new notebook; a file that is not a valid notebook changes nothing. */
  const importFile = (file: File) =>
    attempt(`Importing “${file.name}”`, async (s) => {
      const refuse = (why: string) => setPageMessage({ kind: 'alert', text: `“${file.name}” was not imported: ${why}` });
      if (file.size > IMPORT_LIMITS.fileChars * 4) return refuse(`it is too large (${(file.size / 1e6).toFixed(1)} MB)`);
      const result = importIpynb(await file.text());
      if (!result.ok) return refuse(result.message);
      await flush();
      const name = freeName(nameFromFileName(file.name), current.current.list.map((n) => n.name));
      await createAndShow(s, name, result.doc);
      setPageMessage({ kind: 'status', text: `Imported “${file.name}” as “${name}”, ${result.doc.cells.length} cells.`, details: result.warnings });
    });

  /** Changes the open notebook (an edit); it is saved after a pause. */
  const edit = (change: (doc: NotebookDoc) => NotebookDoc): void => {
    const o = current.current.open;
    if (!o) return;
    const doc = change(o.doc);
    if (doc === o.doc) return;
    const next = { ...o, doc };
    current.current.open = next;
    setOpen(next);
    setSave({ kind: 'pending' });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), SAVE_AFTER_MS);
  };

  // Start: open the store, then the notebook named in the address, the first one, or the starter notebook.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const opened = await openNotebookStore();
      if (cancelled) return;
      current.current.store = opened.store;
      setStore(opened.store);
      setStorageProblem(opened.problem);
      await attempt('Opening your notebooks', async (s) => {
        const names = await refreshList(s);
        const wanted = new URL(location.href).searchParams.get(PARAM);
        const pick = names.find((n) => n.name === wanted) ?? names[0];
        const doc = pick ? await s.load(pick.name) : undefined;
        if (pick && doc) show(pick.name, doc, true);
        // A first visit finds a notebook that shows what cells do; later, a blank one.
        else if (names.length === 0) await createAndShow(s, 'Getting started', starterNotebook());
        else await createAndShow(s, freeName('Untitled', names.map((n) => n.name)), newNotebook());
        if (wanted !== null && pick?.name !== wanted) setPageMessage({ kind: 'status', text: `There is no notebook named “${wanted}” in this browser; opened “${current.current.open?.name}”.` });
      });
    })();
    const hide = () => document.visibilityState === 'hidden' && void flush();
    document.addEventListener('visibilitychange', hide);
    addEventListener('pagehide', hide);
    return () => {
      cancelled = true;
      document.removeEventListener('visibilitychange', hide);
      removeEventListener('pagehide', hide);
    };
  }, []);

  return { store, storageProblem, list, open, save, pageMessage, setPageMessage, openByName, createNew, rename, duplicate, remove, importFile, edit, flush };
}
