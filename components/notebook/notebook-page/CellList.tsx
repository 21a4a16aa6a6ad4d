import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { deleteCell, insertCell, markAsTypeScript, moveCell, restoreCell, setOutputs, setSource, type CellData, type CellType, type NotebookDoc } from '../../../lib/notebook';
import type { CellHandle } from '../page-kernel';
import type { CellApi } from './cell-api';
import { MarkdownCell } from './MarkdownCell';
import { PageCodeCell } from './PageCodeCell';

interface Props {
  readonly doc: NotebookDoc;
  readonly timeLimit: number;
  /** Which Markdown cells are being edited (by id). */
  readonly editing: ReadonlySet<string>;
  setEditing(change: (editing: ReadonlySet<string>) => ReadonlySet<string>): void;
  /** Applies an edit to the notebook. */
  edit(change: (doc: NotebookDoc) => NotebookDoc): void;
}

type FocusTarget = { readonly id: string; readonly via: 'up' | 'down' | 'key' } | { readonly id: null };

/** Get-or-create a ref object per cell id. */
function refFor<T>(map: Map<string, { current: T | null }>, id: string): { current: T | null } {
  let ref = map.get(id);
  if (!ref) map.set(id, (ref = { current: null }));
  return ref;
}

/** Add-a-cell buttons between cells: "Add code cell below cell 2", "Add Markdown cell below cell 2". */
function InsertBar({ api, index, where }: { api: CellApi; index: number; where: string }) {
  return (
    <div class="nb-insert">
      <button type="button" class="nb-insert__button" aria-label={`Add code cell ${where}`} onClick={() => api.insert(index, 'code')}>
        <span aria-hidden="true">+ </span>Code
      </button>
      <button type="button" class="nb-insert__button" aria-label={`Add Markdown cell ${where}`} onClick={() => api.insert(index, 'markdown')}>
        <span aria-hidden="true">+ </span>Markdown
      </button>
    </div>
  );
}

/**
 * The cells of the open notebook, with buttons to add a cell above the first and below each one,
 * and Undo for the last deleted cell. Focus follows the reader's action: into a new cell, onto the
 * button pressed after a move, to the next cell after a delete.
 */
export function CellList({ doc, timeLimit, editing, setEditing, edit }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const codeHandles = useRef(new Map<string, { current: CellHandle | null }>());
  const markdownFocus = useRef(new Map<string, { current: (() => void) | null }>());
  const pendingFocus = useRef<FocusTarget | null>(null);
  const [deleted, setDeleted] = useState<{ cell: CellData; index: number } | null>(null);
  const latest = useRef({ doc, edit });
  latest.current = { doc, edit };

  const focusCell = (id: string): void => {
    const handle = codeHandles.current.get(id)?.current;
    if (handle) handle.focus();
    else markdownFocus.current.get(id)?.current?.();
  };

  const api = useMemo<CellApi>(() => {
    const insert = (index: number, type: CellType): void => {
      let id = '';
      latest.current.edit((d) => {
        const inserted = insertCell(d, index, type);
        id = inserted.cell.id;
        return inserted.doc;
      });
      if (type === 'markdown') setEditing((e) => new Set([...e, id]));
      pendingFocus.current = { id, via: 'key' };
    };
    const indexOf = (id: string): number => latest.current.doc.cells.findIndex((c) => c.id === id);
    return {
      insert,
      move(id, by, via) {
        latest.current.edit((d) => moveCell(d, id, by));
        pendingFocus.current = { id, via };
      },
      remove(id) {
        const index = indexOf(id);
        const cell = latest.current.doc.cells[index];
        if (!cell) return;
        latest.current.edit((d) => deleteCell(d, id));
        setDeleted({ cell, index });
        const cells = latest.current.doc.cells;
        const next = cells[index + 1] ?? cells[index - 1];
        pendingFocus.current = next ? { id: next.id, via: 'key' } : { id: null };
      },
      setSource: (id, source) => latest.current.edit((d) => setSource(d, id, source)),
      setOutputs: (id, outputs, count) => latest.current.edit((d) => setOutputs(d, id, outputs, count)),
      markTypeScript: (id) => latest.current.edit((d) => markAsTypeScript(d, id)),
      advance(id) {
        const index = indexOf(id);
        const next = latest.current.doc.cells[index + 1];
        if (next) focusCell(next.id);
        else insert(index + 1, 'code');
      },
      runAndInsertBelow(id) {
        const index = indexOf(id);
        const cell = latest.current.doc.cells[index];
        if (cell?.type === 'code') void codeHandles.current.get(id)?.current?.run();
        else setEditing((e) => new Set([...e].filter((x) => x !== id)));
        insert(index + 1, 'code');
      },
      setEditing(id, on) {
        setEditing((e) => (on ? new Set([...e, id]) : new Set([...e].filter((x) => x !== id))));
      },
    };
  }, []);

  // Focus where the last action says, once the cells it changed are on the page (and registered).
  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    requestAnimationFrame(() => {
      if (target.id === null) return root.current?.querySelector<HTMLElement>('.nb-insert__button')?.focus();
      if (target.via === 'key') return focusCell(target.id);
      const cell = root.current?.querySelector(`[data-cell-id="${CSS.escape(target.id)}"]`);
      const pressed = cell?.querySelector<HTMLButtonElement>(`[data-action="${target.via}"]`);
      const other = cell?.querySelector<HTMLButtonElement>(`[data-action="${target.via === 'up' ? 'down' : 'up'}"]`);
      (pressed && !pressed.disabled ? pressed : other)?.focus();
    });
  });

  const undo = (): void => {
    if (!deleted) return;
    let id = deleted.cell.id;
    edit((d) => {
      const restored = restoreCell(d, deleted.index, deleted.cell);
      id = restored.cells[Math.min(deleted.index, restored.cells.length - 1)]!.id;
      return restored;
    });
    setDeleted(null);
    pendingFocus.current = { id, via: 'key' };
  };

  const total = doc.cells.length;
  return (
    <div class="nb-cells" ref={root}>
      {deleted && (
        <div class="nb-undo" role="status">
          <span>
            Deleted {deleted.cell.type === 'code' ? 'code' : 'Markdown'} cell {deleted.index + 1}.
          </span>
          <button type="button" class="code-cell__button" onClick={undo}>
            Undo
          </button>
          <button type="button" class="code-cell__button" onClick={() => setDeleted(null)}>
            Dismiss
          </button>
        </div>
      )}
      {total === 0 ? <p class="nb-cells__empty">This notebook has no cells yet.</p> : null}
      <InsertBar api={api} index={0} where={total === 0 ? 'to the notebook' : 'above cell 1'} />
      {doc.cells.map((cell, i) => (
        <div class="nb-cell" key={cell.id} data-cell-id={cell.id}>
          {cell.type === 'code' ? (
            <PageCodeCell cell={cell} number={i + 1} total={total} timeLimit={timeLimit} api={api} handleRef={refFor(codeHandles.current, cell.id)} />
          ) : (
            <MarkdownCell cell={cell} number={i + 1} total={total} editing={editing.has(cell.id)} api={api} focusRef={refFor(markdownFocus.current, cell.id)} />
          )}
          <InsertBar api={api} index={i + 1} where={`below cell ${i + 1}`} />
        </div>
      ))}
    </div>
  );
}
