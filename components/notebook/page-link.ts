/**
 * The page's cell link (`#cell=<id>:<code>`, lib/notebook/share-link.ts), read once per page and
 * again when the fragment changes. The cell it names handles it; a link that cannot be read, or
 * that names a cell not on the page, is reported by the page's first cell.
 */
import { cellLinkFragment, parseCellLink, type CellLink } from '../../lib/notebook';

/** What the cell at `element`, with id `cellId`, should do about the page's fragment. */
export type LinkTask = { readonly kind: 'open'; readonly code: string } | { readonly kind: 'report'; readonly message: string } | null;

let handledHash: string | null = null;

/** The task for this cell, or null. Each fragment is handed out once (a later hashchange hands out the new one). */
export function linkTaskFor(cellId: string, element: HTMLElement): LinkTask {
  const hash = location.hash;
  if (hash === handledHash) return null;
  const link: CellLink = parseCellLink(hash);
  if (link.kind === 'none') return null;
  const target = link.cellId === undefined ? null : document.querySelector(`[data-cell-id="${link.cellId}"]`);
  const first = document.querySelector('[data-cell-id]');
  const mine = link.cellId === cellId || (target === null && first === element);
  if (!mine) return null;
  handledHash = hash;
  if (link.kind === 'invalid') return { kind: 'report', message: link.message };
  if (link.cellId !== cellId) return { kind: 'report', message: `This link is for a cell “${link.cellId}” that is not on this page; nothing was changed.` };
  return { kind: 'open', code: link.code };
}

/** Removes the fragment from the address bar (after the reader has decided), keeping the history entry. */
export function clearCellLink(): void {
  handledHash = '';
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
}

/** The address that opens this page with `code` in cell `cellId`, or why there is none. */
export function cellLinkUrl(cellId: string, code: string): { ok: true; url: string } | { ok: false; message: string } {
  const made = cellLinkFragment(cellId, code);
  return made.ok ? { ok: true, url: `${location.origin}${location.pathname}${location.search}${made.fragment}` } : made;
}
