import { describe, expect, it } from 'vitest';
import { checkNotebookName, fileNameFor, freeName, MAX_NAME_LENGTH, nameFromFileName } from './names';

describe('notebook names', () => {
  it('checkNotebookName() tidies spaces and refuses empty, long, control and taken names, saying why', () => {
    expect(checkNotebookName('  My   notebook ', [])).toEqual({ ok: true, name: 'My notebook' });
    expect(checkNotebookName('   ', [])).toEqual({ ok: false, message: 'A notebook needs a name: expected 1 to 80 characters, got none' });
    expect(checkNotebookName('x'.repeat(81), [])).toEqual({ ok: false, message: 'A notebook name has at most 80 characters, got 81' });
    expect(checkNotebookName('a\u0007b', [])).toMatchObject({ ok: false, message: 'A notebook name cannot hold control characters' });
    expect(checkNotebookName('Loss', ['Loss'])).toEqual({ ok: false, message: 'There is already a notebook named “Loss”: expected a name not in the list' });
  });

  it('freeName() numbers a taken name and keeps within the length limit', () => {
    expect(freeName('Untitled', [])).toBe('Untitled');
    expect(freeName('Untitled', ['Untitled', 'Untitled (2)'])).toBe('Untitled (3)');
    expect(freeName('', [])).toBe('Untitled');
    const long = 'y'.repeat(MAX_NAME_LENGTH);
    const second = freeName(long, [long]);
    expect(second).toHaveLength(MAX_NAME_LENGTH);
    expect(second.endsWith(' (2)')).toBe(true);
  });

  it('nameFromFileName() and fileNameFor() go between names and file names', () => {
    expect(nameFromFileName('lesson 3.IPYNB')).toBe('lesson 3');
    expect(fileNameFor('a/b: c?', '.ipynb')).toBe('a_b_ c_.ipynb');
    expect(fileNameFor('..hidden', '.ts')).toBe('_hidden.ts');
    expect(fileNameFor('', '.ts')).toBe('notebook.ts');
  });
});
