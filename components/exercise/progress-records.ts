/** Every saved exercise record of the page's document store, read and validated; and restoring a set of them. */
import type { DocumentStore } from '../../lib/common';
import { parseProgressRecord, type ProgressRecord } from '../../lib/course/progress';

/** The records in the 'progress' store, by exercise id (damaged ones left out). */
export async function readAllProgress(store: DocumentStore): Promise<Map<string, ProgressRecord>> {
  const records = new Map<string, ProgressRecord>();
  for (const id of await store.keys('progress')) {
    const record = parseProgressRecord(await store.get('progress', id));
    if (record) records.set(id, record);
  }
  return records;
}

/** Saves every record (replacing what was saved for those ids; others stay). */
export async function writeAllProgress(store: DocumentStore, records: ReadonlyMap<string, ProgressRecord>): Promise<void> {
  await Promise.all([...records].map(([id, record]) => store.set('progress', id, record)));
}
