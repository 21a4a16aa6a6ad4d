import { describe, expect, it } from 'vitest';
import {
  deleteCell,
  freeCellId,
  insertCell,
  isCellId,
  isRunnable,
  markAsTypeScript,
  moveCell,
  newNotebook,
  restoreCell,
  setOutputs,
  setSource,
  type NotebookDoc,
} from './document';

const ids = (doc: NotebookDoc): string[] => doc.cells.map((c) => c.id);

describe('the notebook document', () => {
  it('newNotebook() has one empty code cell', () => {
    expect(newNotebook()).toEqual({ cells: [{ type: 'code', id: 'cell-1', source: '', outputs: [], executionCount: null, metadata: {} }], metadata: {} });
  });

  it('freeCellId() gives the smallest id no cell has', () => {
    expect(freeCellId([])).toBe('cell-1');
    expect(freeCellId([{ id: 'cell-1' }, { id: 'cell-3' }])).toBe('cell-2');
    expect(freeCellId([{ id: 'cell-1' }, { id: 'cell-2' }])).toBe('cell-3');
  });

  it('isCellId() follows nbformat 4.5: 1 to 64 letters, digits, - and _', () => {
    expect(isCellId('a-Z_09')).toBe(true);
    expect(isCellId('x'.repeat(64))).toBe(true);
    expect(isCellId('x'.repeat(65))).toBe(false);
    expect(isCellId('')).toBe(false);
    expect(isCellId('a b')).toBe(false);
  });

  it('insertCell() inserts at an index, clamped to the ends, with a fresh id', () => {
    const a = newNotebook();
    const b = insertCell(a, 1, 'markdown');
    expect(b.cell).toEqual({ type: 'markdown', id: 'cell-2', source: '', metadata: {} });
    const c = insertCell(b.doc, 0, 'code').doc;
    const d = insertCell(c, 99, 'code').doc;
    expect(ids(d)).toEqual(['cell-3', 'cell-1', 'cell-2', 'cell-4']);
    expect(ids(a)).toEqual(['cell-1']); // unchanged
  });

  it('moveCell() moves up and down and leaves the ends alone', () => {
    let doc = insertCell(insertCell(newNotebook(), 1, 'code').doc, 2, 'markdown').doc;
    expect(ids(doc)).toEqual(['cell-1', 'cell-2', 'cell-3']);
    doc = moveCell(doc, 'cell-3', -1);
    expect(ids(doc)).toEqual(['cell-1', 'cell-3', 'cell-2']);
    doc = moveCell(doc, 'cell-1', 1);
    expect(ids(doc)).toEqual(['cell-3', 'cell-1', 'cell-2']);
    expect(moveCell(doc, 'cell-3', -1)).toBe(doc);
    expect(moveCell(doc, 'cell-2', 1)).toBe(doc);
    expect(moveCell(doc, 'nope', 1)).toBe(doc);
  });

  it('deleteCell() and restoreCell() undo each other; a restored id that is taken meanwhile is replaced', () => {
    const doc = setSource(insertCell(newNotebook(), 1, 'code').doc, 'cell-2', 'x = 1');
    const cell = doc.cells[1]!;
    const without = deleteCell(doc, 'cell-2');
    expect(ids(without)).toEqual(['cell-1']);
    expect(restoreCell(without, 1, cell)).toEqual(doc);
    const taken = insertCell(without, 1, 'code').doc; // takes cell-2 again
    const restored = restoreCell(taken, 0, cell);
    expect(ids(restored)).toEqual(['cell-3', 'cell-1', 'cell-2']);
    expect(restored.cells[0]!.source).toBe('x = 1');
  });

  it('setSource() and setOutputs() change one cell and return the same document when nothing changes', () => {
    const doc = newNotebook();
    expect(setSource(doc, 'cell-1', '')).toBe(doc);
    const edited = setSource(doc, 'cell-1', '1 + 1');
    expect(edited.cells[0]!.source).toBe('1 + 1');
    const ran = setOutputs(edited, 'cell-1', [{ type: 'value', text: '2' }], 1);
    expect(ran.cells[0]).toMatchObject({ outputs: [{ type: 'value', text: '2' }], executionCount: 1 });
  });

  it('markAsTypeScript() makes an imported Python cell runnable', () => {
    const doc: NotebookDoc = { cells: [{ type: 'code', id: 'a', source: 'print(1)', outputs: [], executionCount: 1, language: 'python', metadata: {} }], metadata: {} };
    expect(isRunnable(doc.cells[0]!)).toBe(false);
    const marked = markAsTypeScript(doc, 'a');
    expect(isRunnable(marked.cells[0]!)).toBe(true);
    expect(marked.cells[0]).not.toHaveProperty('language');
    expect(markAsTypeScript(marked, 'a')).toBe(marked);
  });
});
