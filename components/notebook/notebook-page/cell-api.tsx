/** What a cell of the notebook page can ask of the page, its buttons (move, delete) and its keys. */
import type { CellType, Output } from '../../../lib/notebook';
import type { EditorKey } from '../editor';

/** The page's side of a cell: stable for the life of the page (its methods read the latest notebook). */
export interface CellApi {
  /** Moves cell `id` by `by` places; `via` says what to focus after (the button pressed, or the cell). */
  move(id: string, by: number, via: 'up' | 'down' | 'key'): void;
  /** Deletes cell `id` (the page offers Undo). */
  remove(id: string): void;
  /** Adds an empty cell at `index` and focuses it. */
  insert(index: number, type: CellType): void;
  setSource(id: string, source: string): void;
  setOutputs(id: string, outputs: readonly Output[], count: number | null): void;
  /** Lets an imported Python cell run (its code is now TypeScript). */
  markTypeScript(id: string): void;
  /** Shift+Enter: focus the next cell, adding a code cell after the last. */
  advance(id: string): void;
  /** Alt+Enter: run (or render) the cell and add a code cell below it. */
  runAndInsertBelow(id: string): void;
  setEditing(id: string, editing: boolean): void;
}

/** The keys every cell has, in CodeMirror's notation, and what they do. */
export function cellKeys(api: CellApi, id: string): EditorKey[] {
  return [
    { key: 'Mod-Shift-ArrowUp', run: () => api.move(id, -1, 'key') },
    { key: 'Mod-Shift-ArrowDown', run: () => api.move(id, 1, 'key') },
    { key: 'Alt-Enter', run: () => api.runAndInsertBelow(id) },
  ];
}

/** The same keys for a plain element's keydown: true if `event` was one of them (and was acted on). */
export function handleCellKey(api: CellApi, id: string, event: KeyboardEvent): boolean {
  const mod = event.ctrlKey || event.metaKey;
  if (mod && event.shiftKey && !event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
    api.move(id, event.key === 'ArrowUp' ? -1 : 1, 'key');
    return true;
  }
  if (event.altKey && !mod && !event.shiftKey && event.key === 'Enter') {
    api.runAndInsertBelow(id);
    return true;
  }
  return false;
}

/** What the cell keys do, for screen readers. */
export const CELL_KEYS_HELP = 'Control+Shift+Up and Down move the cell; Alt+Enter runs it and adds a code cell below.';

/** A cell's Move up, Move down and Delete buttons. */
export function CellActions({ api, id, number, total }: { api: CellApi; id: string; number: number; total: number }) {
  return (
    <span class="nb-cell-actions">
      <button type="button" class="nb-icon-button" data-action="up" aria-label={`Move cell ${number} up`} title="Move up (Ctrl+Shift+↑)" aria-keyshortcuts="Control+Shift+ArrowUp" disabled={number === 1} onClick={() => api.move(id, -1, 'up')}>
        <span aria-hidden="true">↑</span>
      </button>
      <button type="button" class="nb-icon-button" data-action="down" aria-label={`Move cell ${number} down`} title="Move down (Ctrl+Shift+↓)" aria-keyshortcuts="Control+Shift+ArrowDown" disabled={number === total} onClick={() => api.move(id, 1, 'down')}>
        <span aria-hidden="true">↓</span>
      </button>
      <button type="button" class="nb-icon-button nb-icon-button--danger" data-action="delete" aria-label={`Delete cell ${number}`} title="Delete" onClick={() => api.remove(id)}>
        <span aria-hidden="true">✕</span>
      </button>
    </span>
  );
}
