/**
 * A lesson cell's saved edit: the reader's code, and the lesson's code it was edited from (so the
 * page can tell when the lesson's version has changed since). Stored in the document store's
 * 'cell-edits' under "<page>#<cell id>"; a cell whose code is back to the original has no record.
 */

/** What is stored for an edited cell. */
export interface CellEdit {
  /** The reader's code. */
  readonly code: string;
  /** The lesson's code when the reader last saved. */
  readonly original: string;
  /** When it was saved (milliseconds since 1970). */
  readonly savedAt: number;
}

/** The store key of cell `cellId` on `page` (the page's path without slashes at the ends: "lessons/activation-functions"). */
export function cellEditKey(page: string, cellId: string): string {
  return `${page}#${cellId}`;
}

/**
 * The store key of the reader's own code as it was before they edited a shared link's code in the
 * cell: kept until they put it back, so that opening a link never loses what they had typed.
 */
export function cellBackupKey(page: string, cellId: string): string {
  return `${cellEditKey(page, cellId)}#before-link`;
}

/** The page part of a key, from a URL path: "/lessons/pooling/" → "lessons/pooling" (`base` is the site's base path). */
export function pageKeyFromPath(pathname: string, base = '/'): string {
  const path = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  return path.replace(/^\/+|\/+$/g, '').replace(/\/index\.html$|^index\.html$/, '');
}

/** A stored value as a CellEdit, or undefined if it is not one (stored data is input: it may be old or damaged). */
export function parseCellEdit(value: unknown): CellEdit | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { code, original, savedAt } = value as Record<string, unknown>;
  if (typeof code !== 'string' || typeof original !== 'string' || typeof savedAt !== 'number' || !Number.isFinite(savedAt)) return undefined;
  return { code, original, savedAt };
}

/** The record to store for `code` in a cell whose lesson code is `original`: undefined (delete it) when they are the same. */
export function cellEditRecord(code: string, original: string, savedAt: number): CellEdit | undefined {
  return code === original ? undefined : { code, original, savedAt };
}
