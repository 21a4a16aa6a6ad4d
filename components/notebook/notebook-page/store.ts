/**
 * Where the notebook page keeps notebooks: the NotebookStore interface, and its two kinds, the
 * browser's IndexedDB (database 'neural-notebook', object store 'notebooks', through idb-keyval)
 * and memory (when IndexedDB is unavailable: private windows, blocked storage). This is the one
 * file that knows how notebooks are stored; switching to another storage module happens here.
 *
 * A notebook is stored as its .ipynb text (nbformat 4.5: a documented, versioned format) and read
 * back through the same checked import as a file, so a damaged record is reported, never trusted.
 */
import { del, get, promisifyRequest, set, values, type UseStore } from 'idb-keyval';
import { importIpynb, ipynbText, IMPORT_LIMITS, type NotebookDoc } from '../../../lib/notebook';

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

/** The database, and our object store in it (other parts of the site may keep their own stores there). */
export const DATABASE = 'neural-notebook';
export const OBJECT_STORE = 'notebooks';

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

/**
 * Opens `database` with `storeName` in it, adding the store (one version up) if the database exists
 * without it. Gives way when another page or module upgrades the database: closes, and opens again
 * on next use.
 */
export function openStore(database: string, storeName: string): UseStore {
  let db: Promise<IDBDatabase> | null = null;
  const open = (version?: number): Promise<IDBDatabase> => {
    const request = version === undefined ? indexedDB.open(database) : indexedDB.open(database, version);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(storeName)) request.result.createObjectStore(storeName);
    };
    request.onblocked = () => undefined; // waits until other tabs close their connection (they do on versionchange)
    return promisifyRequest(request).then((opened) => {
      if (!opened.objectStoreNames.contains(storeName)) {
        const next = opened.version + 1;
        opened.close();
        return open(next);
      }
      opened.onversionchange = () => {
        opened.close();
        db = null;
      };
      opened.onclose = () => (db = null);
      return opened;
    });
  };
  return (mode, callback) => {
    db ??= open().catch((e: unknown) => {
      db = null;
      throw e;
    });
    return db.then((opened) => callback(opened.transaction(storeName, mode).objectStore(storeName)));
  };
}

/** Notebooks in this browser's IndexedDB. */
export function indexedDbStore(use: UseStore = openStore(DATABASE, OBJECT_STORE)): NotebookStore {
  return {
    kind: 'indexeddb',
    list: async () => ((await values<StoredNotebook>(use)) ?? []).map(summary).sort(byName),
    load: async (name) => {
      const stored = await get<unknown>(name, use);
      return stored === undefined ? undefined : read(name, stored);
    },
    save: (name, doc) => set(name, record(name, doc), use),
    remove: (name) => del(name, use),
    rename: (from, to) =>
      use('readwrite', async (store) => {
        const [old, clash] = await Promise.all([promisifyRequest(store.get(from)), promisifyRequest(store.getKey(to))]);
        if (clash !== undefined) throw new Error(`There is already a notebook named “${to}”`);
        if (old === undefined) throw new Error(`There is no notebook named “${from}”`);
        store.put({ ...(old as StoredNotebook), name: to }, to);
        store.delete(from);
        await promisifyRequest(store.transaction);
      }),
  };
}

/** Notebooks in memory only: the page's fallback when IndexedDB is unavailable. */
export function memoryStore(): NotebookStore {
  const notebooks = new Map<string, StoredNotebook>();
  return {
    kind: 'memory',
    list: async () => [...notebooks.values()].map(summary).sort(byName),
    load: async (name) => {
      const stored = notebooks.get(name);
      return stored === undefined ? undefined : read(name, stored);
    },
    save: async (name, doc) => void notebooks.set(name, record(name, doc)),
    remove: async (name) => void notebooks.delete(name),
    rename: async (from, to) => {
      const old = notebooks.get(from);
      if (notebooks.has(to)) throw new Error(`There is already a notebook named “${to}”`);
      if (!old) throw new Error(`There is no notebook named “${from}”`);
      notebooks.set(to, { ...old, name: to });
      notebooks.delete(from);
    },
  };
}

/**
 * The browser's store if IndexedDB works here, else memory with a message saying what that means.
 * Tries one read, so that a store that cannot open is found now, not at the first save.
 */
export async function openNotebookStore(): Promise<{ store: NotebookStore; problem?: string }> {
  try {
    if (typeof indexedDB === 'undefined') throw new Error('this browser offers no IndexedDB');
    const store = indexedDbStore();
    await store.list();
    return { store };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { store: memoryStore(), problem: `Notebooks cannot be saved in this browser (${why}). You can keep working: this page keeps them until you close it. Export a notebook to keep it.` };
  }
}
