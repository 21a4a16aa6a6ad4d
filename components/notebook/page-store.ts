/**
 * The page's document store (lib/common/storage.ts), opened once when a cell first needs it.
 * Delayed saves are written at once when the page is hidden or left, so an edit typed just
 * before closing the tab is kept.
 */
import { openDocumentStore, type DocumentStore } from '../../lib/common';

let opened: Promise<DocumentStore> | undefined;

/** The page's document store: the browser's database, or memory if the browser offers none. */
export function pageStore(): Promise<DocumentStore> {
  opened ??= openDocumentStore().then((store) => {
    const flush = (): void => void store.flush();
    addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') flush();
    });
    return store;
  });
  return opened;
}
