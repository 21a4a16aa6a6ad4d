/**
 * Where the notebook page keeps notebooks: the NotebookStore interface over the site's document
 * store (its 'notebooks' store; memory when the browser keeps nothing). This is the one file
 * that knows how notebooks are stored.
 *
 * A notebook is stored as its .ipynb text (nbformat 4.5: a documented, versioned format) and read
 * back through the same checked import as a file, so a damaged record is reported, never trusted.
 */
import type { DocumentStore } from '../../../lib/common';
import { importIpynb, ipynbText, IMPORT_LIMITS, type NotebookDoc } from '../../../lib/notebook';
import { pageStore } from '../page-store';

/** A stored notebook as the list shows it. */
export interface NotebookSummary {
  readonly name: string;
  /** When it was last saved (ms since 1970). */
  readonly updated: number;
  readonly cells: number;
}

/** Saved notebooks, by name. Every method rejects with an Error whose message a reader can act on. */
export interface NotebookStore {
  /** 'indexeddb': kept in this browser; 'memory': lost when the page closes. */
  readonly kind: 'indexeddb' | 'memory';
  /** Every notebook, by name (numbers in names in numeric order). */
  list(): Promise<NotebookSummary[]>;
  /** The notebook `name`, or undefined if there is none. */
  load(name: string): Promise<NotebookDoc | undefined>;
  /** Saves `doc` as `name`, replacing what was there. */
  save(name: string, doc: NotebookDoc): Promise<void>;
  /** Deletes the notebook `name` (nothing if there is none). */
  remove(name: string): Promise<void>;
  /** Renames `from` to `to` in one step (fails if `to` is taken). */
  rename(from: string, to: string): Promise<void>;
}

/** What one notebook is stored as. `schema` is this record's version (the notebook itself is nbformat 4.5). */
interface StoredNotebook {
  readonly schema: 1;
  readonly name: string;
  readonly updated: number;
  readonly cells: number;
  readonly ipynb: string;
}

const byName = (a: NotebookSummary, b: NotebookSummary): number => a.name.localeCompare(b.name, 'en', { numeric: true, sensitivity: 'base' });
const summary = ({ name, updated, cells }: StoredNotebook): NotebookSummary => ({ name, updated, cells });

function record(name: string, doc: NotebookDoc): StoredNotebook {
  const ipynb = ipynbText(doc);
  if (ipynb.length > IMPORT_LIMITS.fileChars) {
    const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;
    throw new Error(`“${name}” is too large to save (${mb(ipynb.length)}; at most ${mb(IMPORT_LIMITS.fileChars)}): clear the outputs of some cells`);
  }
  return { schema: 1, name, updated: Date.now(), cells: doc.cells.length, ipynb };
}

function read(name: string, stored: unknown): NotebookDoc {
  const ipynb = typeof stored === 'object' && stored !== null ? (stored as Partial<StoredNotebook>).ipynb : undefined;
  if (typeof ipynb !== 'string') throw new Error(`“${name}” could not be read: its stored record is not a notebook`);
  const result = importIpynb(ipynb);
  if (!result.ok) throw new Error(`“${name}” could not be read: ${result.message}`);
  return result.doc;
}

/** Notebooks in the site's document store (lib/common/storage.ts), in its 'notebooks' store. */
export function documentNotebookStore(documents: DocumentStore): NotebookStore {
  const kind = (): NotebookStore['kind'] => (documents.persistence.kind === 'browser' ? 'indexeddb' : 'memory');
  const stored = async (name: string): Promise<unknown> => documents.get('notebooks', name);
  return {
    get kind() {
      return kind();
    },
    list: async () => {
      const names = await documents.keys('notebooks');
      const records = await Promise.all(names.map(stored));
      return records.filter((r): r is StoredNotebook => typeof r === 'object' && r !== null && typeof (r as StoredNotebook).name === 'string').map(summary).sort(byName);
    },
    load: async (name) => {
      const value = await stored(name);
      return value === undefined ? undefined : read(name, value);
    },
    save: (name, doc) => documents.set('notebooks', name, record(name, doc)),
    remove: (name) => documents.delete('notebooks', name),
    rename: async (from, to) => {
      const [old, clash] = await Promise.all([stored(from), stored(to)]);
      if (clash !== undefined) throw new Error(`There is already a notebook named “${to}”`);
      if (old === undefined) throw new Error(`There is no notebook named “${from}”`);
      // Written under the new name before the old one goes: a failure between them leaves both, never neither.
      await documents.set('notebooks', to, { ...(old as StoredNotebook), name: to });
      await documents.delete('notebooks', from);
    },
  };
}

/**
 * The page's notebooks, in the site's database, or in memory with a message saying what that
 * means when the browser keeps nothing for the site (private windows, blocked storage).
 */
export async function openNotebookStore(): Promise<{ store: NotebookStore; problem?: string }> {
  const documents = await pageStore();
  const store = documentNotebookStore(documents);
  const { persistence } = documents;
  if (persistence.kind === 'browser') return { store };
  return { store, problem: `Notebooks cannot be saved in this browser (${persistence.detail}). You can keep working: this page keeps them until you close it. Export a notebook to keep it.` };
}
