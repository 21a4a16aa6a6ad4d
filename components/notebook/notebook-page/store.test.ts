import { describe, expect, it } from 'vitest';
import { memoryDocumentStore } from '../../../lib/common';
import { newNotebook, setSource } from '../../../lib/notebook';
import { documentNotebookStore } from './store';

function notebookWith(code: string) {
  const doc = newNotebook();
  return setSource(doc, doc.cells[0]!.id, code);
}

describe('the notebook store', () => {
  it('saves, lists by name in numeric order, loads back the same cells, renames and removes', async () => {
    const store = documentNotebookStore(memoryDocumentStore());
    await store.save('Notebook 10', notebookWith('const a = 10;'));
    await store.save('Notebook 2', notebookWith('const a = 2;'));
    expect((await store.list()).map((s) => s.name)).toEqual(['Notebook 2', 'Notebook 10']);
    const loaded = await store.load('Notebook 2');
    expect(loaded?.cells.map((c) => c.source)).toEqual(['const a = 2;']);
    await store.rename('Notebook 2', 'Mine');
    expect((await store.list()).map((s) => s.name)).toEqual(['Mine', 'Notebook 10']);
    expect(await store.load('Notebook 2')).toBeUndefined();
    await expect(store.rename('Mine', 'Notebook 10')).rejects.toThrow('There is already a notebook named “Notebook 10”');
    await store.remove('Mine');
    expect((await store.list()).map((s) => s.name)).toEqual(['Notebook 10']);
  });

  it('reports a damaged record instead of trusting it', async () => {
    const documents = memoryDocumentStore();
    const store = documentNotebookStore(documents);
    await documents.set('notebooks', 'Broken', { schema: 1, name: 'Broken', updated: 0, cells: 1, ipynb: '{"cells": 3}' });
    await expect(store.load('Broken')).rejects.toThrow(/^“Broken” could not be read: /);
    await documents.set('notebooks', 'Odd', 42);
    await expect(store.load('Odd')).rejects.toThrow('“Odd” could not be read: its stored record is not a notebook');
  });
});
