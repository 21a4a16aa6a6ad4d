import { IDBFactory, IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_NAME, MIGRATIONS, openDatabase, openDocumentStore, SCHEMA_VERSION, type Migration } from './storage';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('openDocumentStore()', () => {
  it('creates the site database at the schema version, with one store per kind of document', async () => {
    const indexedDB = new IDBFactory();
    const store = await openDocumentStore({ indexedDB });
    expect(store.persistence).toEqual({ kind: 'browser' });
    const db = await openDatabase(indexedDB, DATABASE_NAME, MIGRATIONS, 1000);
    expect(db.version).toBe(SCHEMA_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['cell-edits', 'courses', 'notebooks', 'own-data', 'progress']);
    db.close();
  });

  it('upgrades a version-1 database (cell edits only) to the latest, adding progress and courses and keeping the edits', async () => {
    const indexedDB = new IDBFactory();
    const v1 = await openDocumentStore({ indexedDB, migrations: MIGRATIONS.slice(0, 1) });
    await v1.set('cell-edits', 'lessons/a#b', { code: 'mine' });
    const v2 = await openDocumentStore({ indexedDB });
    expect(v2.persistence).toEqual({ kind: 'browser' });
    expect(await v2.get('cell-edits', 'lessons/a#b')).toEqual({ code: 'mine' });
    await v2.set('progress', 'pooling/alexnet-pool', { attempts: 1 });
    expect(await (await openDocumentStore({ indexedDB })).get('progress', 'pooling/alexnet-pool')).toEqual({ attempts: 1 });
    await v2.set('courses', 'joined', { id: 'ml-2026' });
    expect(await (await openDocumentStore({ indexedDB })).get('courses', 'joined')).toEqual({ id: 'ml-2026' });
  });

  it('keeps documents across openings (a reload), and deletes them', async () => {
    const indexedDB = new IDBFactory();
    const first = await openDocumentStore({ indexedDB });
    await first.set('cell-edits', 'lessons/a#b', { code: 'x', n: [1, 2] });
    await first.set('notebooks', 'lessons/a#b', 'another kind, same key');
    const second = await openDocumentStore({ indexedDB });
    expect(await second.get('cell-edits', 'lessons/a#b')).toEqual({ code: 'x', n: [1, 2] });
    expect(await second.get('notebooks', 'lessons/a#b')).toBe('another kind, same key');
    expect(await second.keys('cell-edits')).toEqual(['lessons/a#b']);
    await second.delete('cell-edits', 'lessons/a#b');
    const third = await openDocumentStore({ indexedDB });
    expect(await third.get('cell-edits', 'lessons/a#b')).toBeUndefined();
    expect(await third.keys('cell-edits')).toEqual([]);
  });

  it('upgrades an older database step by step, each migration once, keeping its documents', async () => {
    const indexedDB = new IDBFactory();
    const v1 = await openDocumentStore({ indexedDB, name: 'test', migrations: MIGRATIONS.slice(0, 1) });
    await v1.set('cell-edits', 'k', { code: 'old' });
    const calls: number[] = [];
    // A made-up second version: a new store, and a rewrite of every cell edit.
    const v2: Migration = (db, transaction) => {
      calls.push(2);
      db.createObjectStore('made-up');
      const cells = transaction.objectStore('cell-edits');
      const cursor = cells.openCursor();
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c) return;
        c.update({ ...(c.value as object), migrated: true });
        c.continue();
      };
    };
    const migrations = [...MIGRATIONS.slice(0, 1), v2];
    const upgraded = await openDocumentStore({ indexedDB, name: 'test', migrations });
    expect(upgraded.persistence.kind).toBe('browser');
    expect(await upgraded.get('cell-edits', 'k')).toEqual({ code: 'old', migrated: true });
    await openDocumentStore({ indexedDB, name: 'test', migrations });
    expect(calls).toEqual([2]);
    const db = await openDatabase(indexedDB, 'test', migrations, 1000);
    expect([...db.objectStoreNames].sort()).toEqual(['cell-edits', 'made-up', 'notebooks']);
    db.close();
  });

  it('works in memory, and says why, when there is no IndexedDB or it will not open', async () => {
    const none = await openDocumentStore({ indexedDB: undefined });
    expect(none.persistence).toEqual({ kind: 'memory', reason: 'unavailable', detail: 'this browser offers no IndexedDB' });
    await none.set('cell-edits', 'k', 'kept in memory');
    expect(await none.get('cell-edits', 'k')).toBe('kept in memory');

    // As a private window may do: open() throws.
    const refusing = new IDBFactory();
    vi.spyOn(refusing, 'open').mockImplementation(() => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    });
    const denied = await openDocumentStore({ indexedDB: refusing });
    expect(denied.persistence).toEqual({ kind: 'memory', reason: 'unavailable', detail: 'SecurityError: The user denied permission to access the database.' });
    await denied.set('notebooks', 'n', [1]);
    expect(await denied.get('notebooks', 'n')).toEqual([1]);
    expect(await denied.keys('notebooks')).toEqual(['n']);
  });

  it('works in memory when reading indexedDB itself throws', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'indexedDB');
    Object.defineProperty(globalThis, 'indexedDB', {
      configurable: true,
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
    try {
      const store = await openDocumentStore();
      expect(store.persistence).toEqual({ kind: 'memory', reason: 'unavailable', detail: 'SecurityError: Access is denied for this document.' });
    } finally {
      if (descriptor) Object.defineProperty(globalThis, 'indexedDB', descriptor);
      else delete (globalThis as { indexedDB?: unknown }).indexedDB;
    }
  });

  it('gives up waiting for a database that never opens', async () => {
    const silent = new IDBFactory();
    vi.spyOn(silent, 'open').mockImplementation(() => ({}) as IDBOpenDBRequest);
    const store = await openDocumentStore({ indexedDB: silent, timeoutMs: 20 });
    expect(store.persistence).toMatchObject({ kind: 'memory', reason: 'unavailable', detail: 'Error: the browser did not open its database within 0.02 s' });
  });

  it('falls back to memory when the storage is full, says so once, and loses nothing', async () => {
    const indexedDB = new IDBFactory();
    const store = await openDocumentStore({ indexedDB });
    await store.set('cell-edits', 'saved-before', 'on disk');
    const heard: unknown[] = [];
    store.onPersistenceChange((p) => heard.push(p));
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await store.set('cell-edits', 'a', 'first');
    await store.set('cell-edits', 'b', 'second');
    const memory = { kind: 'memory', reason: 'full', detail: 'QuotaExceededError: The quota has been exceeded.' };
    expect(store.persistence).toEqual(memory);
    expect(heard).toEqual([memory]);
    // Everything is still there: what was on disk, and what only memory holds.
    expect(await store.get('cell-edits', 'saved-before')).toBe('on disk');
    expect(await store.get('cell-edits', 'a')).toBe('first');
    expect(await store.keys('cell-edits')).toEqual(['a', 'b', 'saved-before']);
    vi.restoreAllMocks();
    expect(await (await openDocumentStore({ indexedDB })).get('cell-edits', 'a')).toBeUndefined();
  });

  it('returns copies: changing a document read or written does not change the stored one', async () => {
    const store = await openDocumentStore({ indexedDB: new IDBFactory() });
    const doc = { code: 'a' };
    await store.set('cell-edits', 'k', doc);
    doc.code = 'changed';
    const read = (await store.get('cell-edits', 'k')) as { code: string };
    read.code = 'changed too';
    expect(await store.get('cell-edits', 'k')).toEqual({ code: 'a' });
  });
});

describe('DocumentStore.setLater()', () => {
  it('writes once after the delay, the last value winning; reads see it at once', async () => {
    const indexedDB = new IDBFactory();
    const store = await openDocumentStore({ indexedDB });
    const put = vi.spyOn(FakeObjectStore.prototype, 'put');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    store.setLater('cell-edits', 'k', 'a', 500);
    vi.advanceTimersByTime(300);
    store.setLater('cell-edits', 'k', 'ab', 500);
    expect(await store.get('cell-edits', 'k')).toBe('ab');
    vi.advanceTimersByTime(499);
    expect(put).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    vi.useRealTimers();
    await vi.waitFor(async () => expect(await (await openDocumentStore({ indexedDB })).get('cell-edits', 'k')).toBe('ab'));
    expect(put).toHaveBeenCalledTimes(1);
  });

  it('flush() writes every waiting document now, and undefined deletes', async () => {
    const indexedDB = new IDBFactory();
    const store = await openDocumentStore({ indexedDB });
    await store.set('cell-edits', 'gone', 'x');
    store.setLater('cell-edits', 'k', { code: 'typed' }, 60_000);
    store.setLater('cell-edits', 'gone', undefined, 60_000);
    expect(await store.get('cell-edits', 'gone')).toBeUndefined();
    await store.flush();
    const reopened = await openDocumentStore({ indexedDB });
    expect(await reopened.get('cell-edits', 'k')).toEqual({ code: 'typed' });
    expect(await reopened.keys('cell-edits')).toEqual(['k']);
  });

  it('a set() after a setLater() of the same key cancels the delayed write', async () => {
    const indexedDB = new IDBFactory();
    const store = await openDocumentStore({ indexedDB });
    store.setLater('cell-edits', 'k', 'stale', 10);
    await store.set('cell-edits', 'k', 'fresh');
    await new Promise((r) => setTimeout(r, 30));
    expect(await (await openDocumentStore({ indexedDB })).get('cell-edits', 'k')).toBe('fresh');
  });
});
