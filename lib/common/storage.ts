/**
 * The site's one database in the reader's browser (IndexedDB, through idb-keyval): a key-value
 * store of documents, one object store per kind of document, with a versioned schema.
 *
 *   database 'neural-notebook'
 *     version 1   'cell-edits'  a lesson code cell's edited code, key "<page>#<cell id>"
 *                 'notebooks'   a standalone notebook, key: its id
 *     version 2   'progress'    a course exercise's answer, attempts and result, key: the exercise id
 *     version 3   'courses'     the course a student joined by its link, key 'joined'
 *     version 4   'own-data'    a training widget's "Your data" points, key: the widget's name
 *
 * A later kind of document (the assignments' progress, say) appends a migration to MIGRATIONS
 * that creates its store: the version is the number of migrations, so every reader's database is
 * upgraded step by step, whatever version it was at. Never edit or remove a migration that has
 * shipped.
 *
 * Saving never fails from the caller's side: when the browser has no storage for the site
 * (private browsing, storage turned off, a database that will not open) or its storage is full,
 * the store keeps working in memory and says so in `persistence`, which the page shows.
 */
import { del, get, keys, set, type UseStore } from 'idb-keyval';

/** The database's name. */
export const DATABASE_NAME = 'neural-notebook';

/** One step of the schema: creates or changes stores (and rewrites documents) in the upgrade transaction. */
export type Migration = (db: IDBDatabase, transaction: IDBTransaction) => void;

/** The stores, one per kind of document. */
export type StoreName = 'cell-edits' | 'notebooks' | 'progress' | 'courses' | 'own-data';

/** The schema's history: MIGRATIONS[i] takes a database from version i to version i + 1. Append only. */
export const MIGRATIONS: readonly Migration[] = [
  // 1: lesson cells' edits and standalone notebooks.
  (db) => {
    db.createObjectStore('cell-edits');
    db.createObjectStore('notebooks');
  },
  // 2: course exercises' progress (answer, attempts, result), keyed by exercise id.
  (db) => {
    db.createObjectStore('progress');
  },
  // 3: the course a student joined by its link (key 'joined').
  (db) => {
    db.createObjectStore('courses');
  },
  // 4: a training widget's own data (points drawn or loaded from a file), keyed by the widget's name.
  (db) => {
    db.createObjectStore('own-data');
  },
];

/** The schema version this code reads and writes: the number of migrations. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Where documents are kept: in the browser's database, or only in this page's memory (and why). */
export type Persistence =
  | { readonly kind: 'browser' }
  | {
      readonly kind: 'memory';
      /** 'unavailable': the database could not be opened; 'full': a write was refused for lack of space; 'failed': a write failed otherwise. */
      readonly reason: 'unavailable' | 'full' | 'failed';
      /** The browser's own words, for the curious (e.g. "QuotaExceededError: ..."). */
      readonly detail: string;
    };

/** Documents by store and key. Reads see every write at once, even one still waiting to be saved. */
export interface DocumentStore {
  /** Where documents are kept now (it changes from 'browser' to 'memory' if a write fails). */
  readonly persistence: Persistence;
  /** Calls `listener` when `persistence` changes; returns the function that stops it. */
  onPersistenceChange(listener: (persistence: Persistence) => void): () => void;
  /** The document at `key`, or undefined. The caller validates it: stored data is input. */
  get(store: StoreName, key: string): Promise<unknown>;
  /** Stores `value` (plain data) at `key` now. Never rejects: a failed write falls back to memory. */
  set(store: StoreName, key: string, value: unknown): Promise<void>;
  /** Removes the document at `key`. Never rejects. */
  delete(store: StoreName, key: string): Promise<void>;
  /** Every key of `store`. */
  keys(store: StoreName): Promise<string[]>;
  /**
   * Stores `value` at `key` after `delayMs` (undefined deletes), a later call for the same key
   * replacing an earlier one that has not been written yet: for saving as the reader types.
   */
  setLater(store: StoreName, key: string, value: unknown, delayMs: number): void;
  /** Writes every delayed write now (call it when the page is hidden or left). */
  flush(): Promise<void>;
}

/** Options of openDocumentStore (the defaults are the site's database). */
export interface OpenOptions {
  /** The IndexedDB to use; undefined means there is none (the store works in memory). */
  readonly indexedDB?: IDBFactory | undefined;
  readonly name?: string;
  readonly migrations?: readonly Migration[];
  /** How long to wait for the database to open before working in memory (some private modes never answer). */
  readonly timeoutMs?: number;
}

type Removed = { readonly removed: true };
const REMOVED: Removed = { removed: true };
const describe = (e: unknown): string => (e instanceof Error || (typeof e === 'object' && e !== null && 'name' in e) ? `${(e as Error).name}: ${(e as Error).message}` : String(e));

/** Opens `name` at the version `migrations` gives, running the migrations it has not run yet. Rejects if it cannot. */
export function openDatabase(factory: IDBFactory, name: string, migrations: readonly Migration[], timeoutMs: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the browser did not open its database within ${timeoutMs / 1000} s`)), timeoutMs);
    const done = (): void => clearTimeout(timer);
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, migrations.length);
    } catch (e) {
      done();
      reject(e instanceof Error ? e : new Error(describe(e)));
      return;
    }
    request.onupgradeneeded = (event) => {
      const transaction = request.transaction!;
      for (let v = event.oldVersion; v < migrations.length; v++) migrations[v]!(request.result, transaction);
    };
    request.onsuccess = () => {
      done();
      const db = request.result;
      // Another tab with a newer version of the site wants to upgrade: let it (this tab then works in memory).
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => {
      done();
      reject(request.error ?? new Error('the database could not be opened'));
    };
    request.onblocked = () => undefined; // waits for the other tab to close its connection (or for the timeout)
  });
}

/** The site's document store: IndexedDB if the browser lets the site use it, memory otherwise. */
export async function openDocumentStore(options: OpenOptions = {}): Promise<DocumentStore> {
  try {
    // Reading window.indexedDB itself throws in some locked-down browsers (a SecurityError).
    const factory = 'indexedDB' in options ? options.indexedDB : (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    if (!factory) return new LayeredStore(null, { kind: 'memory', reason: 'unavailable', detail: 'this browser offers no IndexedDB' });
    const db = await openDatabase(factory, options.name ?? DATABASE_NAME, options.migrations ?? MIGRATIONS, options.timeoutMs ?? 5000);
    return new LayeredStore(db, { kind: 'browser' });
  } catch (e) {
    return new LayeredStore(null, { kind: 'memory', reason: 'unavailable', detail: describe(e) });
  }
}

/** A store that works in memory only (nothing survives the page), for when storage is not wanted. */
export function memoryDocumentStore(): DocumentStore {
  return new LayeredStore(null, { kind: 'memory', reason: 'unavailable', detail: 'no database was asked for' });
}

/**
 * Memory in front of the database: every write lands in memory at once and goes on to the
 * database (now, or after a delay); reads look in memory first. If the database refuses a write,
 * the store stops writing to it and keeps everything in memory.
 */
class LayeredStore implements DocumentStore {
  readonly #db: IDBDatabase | null;
  /** False once the database has refused a write: it is still read, never written again. */
  #writable: boolean;
  #persistence: Persistence;
  readonly #memory = new Map<StoreName, Map<string, unknown>>();
  readonly #listeners = new Set<(p: Persistence) => void>();
  readonly #pending = new Map<string, { store: StoreName; key: string; timer: ReturnType<typeof setTimeout> }>();

  constructor(db: IDBDatabase | null, persistence: Persistence) {
    this.#db = db;
    this.#writable = db !== null;
    this.#persistence = persistence;
  }

  get persistence(): Persistence {
    return this.#persistence;
  }

  onPersistenceChange(listener: (p: Persistence) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #layer(store: StoreName): Map<string, unknown> {
    let layer = this.#memory.get(store);
    if (!layer) this.#memory.set(store, (layer = new Map()));
    return layer;
  }

  #useStore(store: StoreName): UseStore | null {
    const db = this.#db;
    return db ? (mode, callback) => Promise.resolve().then(() => callback(db.transaction(store, mode).objectStore(store))) : null;
  }

  async get(store: StoreName, key: string): Promise<unknown> {
    const layer = this.#layer(store);
    if (layer.has(key)) {
      const value = layer.get(key);
      return value === REMOVED ? undefined : structuredClone(value);
    }
    const use = this.#useStore(store);
    if (!use) return undefined;
    try {
      return await get(key, use);
    } catch {
      return undefined; // an unreadable document reads as absent; the caller starts afresh
    }
  }

  async keys(store: StoreName): Promise<string[]> {
    const use = this.#useStore(store);
    const stored = use ? await keys<string>(use).catch(() => [] as string[]) : [];
    const all = new Set(stored.filter((k) => typeof k === 'string'));
    for (const [key, value] of this.#layer(store)) {
      if (value === REMOVED) all.delete(key);
      else all.add(key);
    }
    return [...all].sort();
  }

  set(store: StoreName, key: string, value: unknown): Promise<void> {
    this.#cancel(store, key);
    this.#layer(store).set(key, structuredClone(value));
    return this.#write(store, key);
  }

  delete(store: StoreName, key: string): Promise<void> {
    this.#cancel(store, key);
    this.#layer(store).set(key, REMOVED);
    return this.#write(store, key);
  }

  setLater(store: StoreName, key: string, value: unknown, delayMs: number): void {
    this.#cancel(store, key);
    this.#layer(store).set(key, value === undefined ? REMOVED : structuredClone(value));
    const timer = setTimeout(() => {
      this.#pending.delete(pendingKey(store, key));
      void this.#write(store, key);
    }, delayMs);
    this.#pending.set(pendingKey(store, key), { store, key, timer });
  }

  async flush(): Promise<void> {
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const p of pending) clearTimeout(p.timer);
    await Promise.all(pending.map((p) => this.#write(p.store, p.key)));
  }

  #cancel(store: StoreName, key: string): void {
    const p = this.#pending.get(pendingKey(store, key));
    if (p) clearTimeout(p.timer);
    this.#pending.delete(pendingKey(store, key));
  }

  /** Writes what memory holds for `key` to the database (if there still is one). */
  async #write(store: StoreName, key: string): Promise<void> {
    const use = this.#useStore(store);
    if (!use || !this.#writable) return;
    const value = this.#layer(store).get(key);
    try {
      if (value === REMOVED) await del(key, use);
      else await set(key, value, use);
    } catch (e) {
      this.#fallBack(e);
    }
  }

  /** After a refused write: memory only from now on (it already holds every document written). */
  #fallBack(e: unknown): void {
    if (!this.#writable) return;
    this.#writable = false;
    const full = typeof e === 'object' && e !== null && 'name' in e && (e as { name: unknown }).name === 'QuotaExceededError';
    this.#persistence = { kind: 'memory', reason: full ? 'full' : 'failed', detail: describe(e) };
    for (const listener of this.#listeners) listener(this.#persistence);
  }
}

const pendingKey = (store: StoreName, key: string): string => `${store}\u0000${key}`;
