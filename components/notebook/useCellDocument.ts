/**
 * A cell's code as a document: the reader's edits saved in the browser (debounced, and written
 * at once when the page is hidden), whether the code differs from the lesson's, Reset to
 * original (asked first), Copy link, and opening a shared link (the reader's saved code stays
 * saved; when they edit the shared code it is kept aside, across reloads, until "Back to your
 * code" puts it back). Storage that is missing or full is reported, and the cell keeps working
 * in memory.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DocumentStore, Persistence } from '../../lib/common';
import { cellBackupKey, cellEditKey, cellEditRecord, parseCellEdit } from '../../lib/notebook';
import type { CellEditor } from './editor';
import { cellLinkUrl, clearCellLink, linkTaskFor } from './page-link';
import { pageStore } from './page-store';

/** Milliseconds between the last keystroke and the save. */
const SAVE_DELAY = 400;

/** A question the cell asks before it changes the reader's code. */
export interface Prompt {
  readonly text: string;
  readonly confirm: string;
  readonly cancel: string;
  onConfirm(): void;
  onCancel?(): void;
}

/** A message under the cell's bar: what a link did or why it could not, and a link to copy by hand. */
export interface CellMessage {
  readonly text: string;
  readonly tone: 'info' | 'error';
  /** A link the reader copies by hand (when the clipboard is not available). */
  readonly link?: string;
  /** The reader's own code, which a "Back to your code" button puts back (after a link replaced it). */
  readonly back?: string;
}

interface Options {
  readonly page: string;
  readonly cellId: string;
  readonly original: string;
  /** The cell's code, shared with its editor and its Run. */
  readonly code: { current: string };
  readonly editor: { current: CellEditor | null };
  readonly root: { current: HTMLElement | null };
  /** Focuses the cell's editor once it has loaded. */
  focusEditor(): void;
}

/** What the cell shows and does about its code as a document. */
export interface CellDocument {
  /** Resolves once a saved edit, if any, is in `code.current` (the editor waits for it). */
  readonly loaded: Promise<void>;
  readonly modified: boolean;
  /** The cell shows a shared link's code, not edited since: it differs from the lesson's, but is not the reader's yet (nor saved). */
  readonly shared: boolean;
  /** The saved edit was made from an earlier version of the lesson's code. */
  readonly originalChanged: boolean;
  /** Why edits are not being saved (storage missing or full), when the reader has edits. */
  readonly storageNotice: string | null;
  readonly prompt: Prompt | null;
  readonly message: CellMessage | null;
  /** Call on every edit of the code. */
  edited(code: string): void;
  askReset(): void;
  /** Answers the prompt: confirm (true) or cancel (false). */
  answerPrompt(confirmed: boolean): void;
  copyLink(): Promise<void>;
  /** Puts back the reader's own code that a link's code replaced (message.back). */
  goBack(): void;
  dismissMessage(): void;
}

/** Why the store keeps edits only in memory, in words for the reader. */
function storageNoticeText(persistence: Persistence): string | null {
  if (persistence.kind === 'browser') return null;
  const why =
    persistence.reason === 'full'
      ? "the browser's storage for this site is full"
      : persistence.reason === 'failed'
        ? `the browser refused to save them (${persistence.detail})`
        : 'this browser does not let the site store data (a private window, or storage turned off)';
  return `Your edits are not saved: ${why}. They stay in this page until you leave or reload it.`;
}

/** The cell's document; see CellDocument. */
export function useCellDocument({ page, cellId, original, code, editor, root, focusEditor }: Options): CellDocument {
  const key = cellEditKey(page, cellId);
  const backupKey = cellBackupKey(page, cellId);
  const store = useRef<DocumentStore | null>(null);
  // The code of a link shown in the cell and not edited since (see edited()).
  const showingShared = useRef<string | null>(null);
  // The reader's own code that the link's code replaced in the cell (kept aside once they edit the link's code).
  const ownBeforeLink = useRef<string | null>(null);
  const [loaded] = useState(() => {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  });
  const [modified, setModified] = useState(false);
  const [shared, setShared] = useState(false);
  const [originalChanged, setOriginalChanged] = useState(false);
  const [persistence, setPersistence] = useState<Persistence>({ kind: 'browser' });
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  const [message, setMessage] = useState<CellMessage | null>(null);

  /** Puts `next` in the cell: through the editor if it has loaded (one edit, undoable), else for the editor to start with. */
  const replaceCode = (next: string): void => {
    if (editor.current) editor.current.setCode(next);
    else edited(next);
  };

  const edited = (next: string): void => {
    code.current = next;
    setModified(next !== original);
    setShared(next !== original && next === showingShared.current);
    if (next === original) setOriginalChanged(false);
    // The code of a link, as opened: not the reader's yet, so their saved code is not replaced.
    if (next === showingShared.current) return;
    if (showingShared.current !== null && ownBeforeLink.current !== null && ownBeforeLink.current !== original) {
      // Their own code is about to be overwritten by the edited link's code: keep it aside first.
      void store.current?.set('cell-edits', backupKey, cellEditRecord(ownBeforeLink.current, original, Date.now()));
    }
    showingShared.current = null;
    store.current?.setLater('cell-edits', key, cellEditRecord(next, original, Date.now()), SAVE_DELAY);
  };

  /** Shows the link's code in the cell. The reader's saved code stays saved until they edit the shared code. */
  const openShared = (shared: string): void => {
    const own = code.current;
    showingShared.current = shared;
    ownBeforeLink.current = own;
    replaceCode(shared);
    clearCellLink();
    setMessage(
      own === original
        ? { text: 'Showing the code from the link.', tone: 'info' }
        : { text: 'Showing the code from the link. Your own code stays saved, and is kept aside if you edit this one.', tone: 'info', back: own },
    );
    focusEditor();
  };

  /** Acts on the page's cell link, if it is for this cell. */
  const followLink = (): void => {
    const element = root.current;
    if (!element) return;
    const task = linkTaskFor(cellId, element);
    if (!task) return;
    element.scrollIntoView({ block: 'start' });
    if (task.kind === 'report') {
      setMessage({ text: task.message, tone: 'error' });
      return;
    }
    if (code.current === task.code) {
      clearCellLink();
      setMessage({ text: 'The link holds the code this cell already has.', tone: 'info' });
      focusEditor();
    } else {
      openShared(task.code);
    }
  };
  const followLinkRef = useRef(followLink);
  followLinkRef.current = followLink;

  useEffect(() => {
    let cancelled = false;
    let unsubscribe = (): void => undefined;
    void pageStore().then(async (opened) => {
      const edit = parseCellEdit(await opened.get('cell-edits', key));
      if (cancelled) return;
      store.current = opened;
      setPersistence(opened.persistence);
      unsubscribe = opened.onPersistenceChange(setPersistence);
      if (edit && edit.code !== original) {
        code.current = edit.code;
        setModified(true);
        setOriginalChanged(edit.original !== original);
      }
      const kept = parseCellEdit(await opened.get('cell-edits', backupKey));
      if (cancelled) return;
      if (kept && kept.code !== code.current) {
        setMessage({ text: 'Your own code from before you edited a shared link’s code is kept.', tone: 'info', back: kept.code });
      }
      loaded.resolve();
      followLinkRef.current();
    });
    const onHashChange = (): void => followLinkRef.current();
    addEventListener('hashchange', onHashChange);
    return () => {
      cancelled = true;
      unsubscribe();
      removeEventListener('hashchange', onHashChange);
    };
  }, [key]);

  return {
    loaded: loaded.promise,
    modified,
    shared,
    originalChanged,
    storageNotice: modified ? storageNoticeText(persistence) : null,
    prompt,
    message,
    edited,
    askReset() {
      setMessage(null);
      setPrompt({
        text: "Discard your edits to this cell and go back to the starter code?",
        confirm: 'Discard my edits',
        cancel: 'Keep editing',
        onConfirm: () => {
          replaceCode(original);
          void store.current?.delete('cell-edits', key);
          setMessage({ text: "Back to the starter code. Ctrl+Z in the editor brings your edits back until you leave the page.", tone: 'info' });
          focusEditor();
        },
      });
    },
    answerPrompt(confirmed) {
      setPrompt(null);
      if (confirmed) prompt?.onConfirm();
      else {
        prompt?.onCancel?.();
        focusEditor();
      }
    },
    async copyLink() {
      setPrompt(null);
      const made = cellLinkUrl(cellId, code.current);
      if (!made.ok) {
        setMessage({ text: made.message, tone: 'error' });
        return;
      }
      try {
        await navigator.clipboard.writeText(made.url);
        setMessage({ text: 'Link copied. It opens this page with this cell’s code as it is now.', tone: 'info' });
      } catch {
        setMessage({ text: 'The browser did not let the page copy. Copy this link yourself:', tone: 'info', link: made.url });
      }
    },
    goBack() {
      if (message?.back === undefined) return;
      replaceCode(message.back);
      void store.current?.delete('cell-edits', backupKey);
      setMessage({ text: 'Back to your own code.', tone: 'info' });
      focusEditor();
    },
    dismissMessage: () => setMessage(null),
  };
}
