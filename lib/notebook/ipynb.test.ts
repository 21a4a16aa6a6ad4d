import { describe, expect, it } from 'vitest';
import { arange, tensor } from '../engine';
import { toDisplayItem, toPlotItem } from './display';
import type { NotebookDoc } from './document';
import { ipynbText, notebookToIpynb, OUTPUT_MIME, toLines } from './ipynb';
import { IMPORT_LIMITS, importIpynb, type ImportResult } from './ipynb-import';
import { LIMITS } from './outputs';

/** A notebook with every kind of cell and output. */
function richNotebook(): NotebookDoc {
  return {
    metadata: { authors: [{ name: 'Ada' }], custom: { nested: [1, 'two', null] } },
    cells: [
      { type: 'markdown', id: 'intro', source: '# Gradients\n\nThe loss is $L = \\tfrac12 (y - \\hat y)^2$.', metadata: { tags: ['intro'] } },
      {
        type: 'code',
        id: 'cell-2',
        source: "const x = tensor([1, 2, 3], { requiresGrad: true });\nconsole.log('hello');\nx.sum()",
        executionCount: 1,
        metadata: { collapsed: false },
        outputs: [
          { type: 'stream', name: 'stdout', text: 'hello\nworld\n' },
          { type: 'stream', name: 'stderr', text: 'careful' },
          { type: 'value', text: 'tensor(6., grad_fn=<SumBackward0>)' },
          { type: 'display', item: toDisplayItem(tensor([[1, 2], [3, 4]]), { title: 'W' }) },
          { type: 'display', item: toPlotItem(arange(30), { title: 'ramp', xLabel: 'i', yLabel: 'v' }) },
          { type: 'display', item: toPlotItem(arange(12).reshape([3, 4]), { kind: 'heatmap' }) },
          { type: 'display', item: toDisplayItem('plain text') },
          { type: 'notice', text: 'Stopped after 2 s: the kernel was restarted; variables from earlier cells are gone.' },
        ],
      },
      {
        type: 'code',
        id: 'cell-3',
        source: 'tensor([1, 2]).matmul(tensor([[1, 2, 3]]))',
        executionCount: 2,
        metadata: {},
        outputs: [{ type: 'error', name: 'RangeError', message: 'matmul: mat1 and mat2 shapes cannot be multiplied (1x2 and 1x3)', line: 1, stack: ['at cell [2], line 1'] }],
      },
      { type: 'code', id: 'cell-4', source: 'const x = (1 + ;', executionCount: 3, metadata: {}, outputs: [{ type: 'error', name: 'SyntaxError', message: 'Unexpected token', line: 1, column: 16, stack: [] }] },
      { type: 'code', id: 'cell-5', source: '', executionCount: null, metadata: {}, outputs: [] },
      { type: 'code', id: 'py', source: 'import torch\nprint(torch.ones(2))', executionCount: 7, language: 'python', metadata: { tags: ['torch'] }, outputs: [] },
      { type: 'markdown', id: 'end', source: '', metadata: {}, attachments: { 'a.png': { 'image/png': 'iVBORw0KGgo=' } } },
    ],
  };
}

const PYTHON_CELL = '1 code cell is in Python: kept as text and not run, since cells here run TypeScript. Rewrite a cell in TypeScript and press “Mark as TypeScript” to run it.';

function imported(text: string): NotebookDoc {
  const result = importIpynb(text);
  if (!result.ok) throw new Error(result.message);
  return result.doc;
}

function refusal(json: unknown): string {
  const result = importIpynb(typeof json === 'string' ? json : JSON.stringify(json));
  expect(result.ok).toBe(false);
  return (result as Extract<ImportResult, { ok: false }>).message;
}

/** A minimal valid nbformat 4.5 notebook with these cells. */
const nb = (cells: unknown[], metadata: unknown = {}) => ({ cells, metadata, nbformat: 4, nbformat_minor: 5 });
const md = (id: string, source: unknown) => ({ cell_type: 'markdown', id, metadata: {}, source });
const code = (id: string, source: unknown, outputs: unknown[] = [], count: number | null = null) => ({ cell_type: 'code', id, metadata: {}, source, outputs, execution_count: count });

describe('notebookToIpynb(): export as nbformat 4.5', () => {
  it('writes the TypeScript kernel, cell ids, sources as lines and every output type', () => {
    const file = notebookToIpynb(richNotebook());
    expect(file.nbformat).toBe(4);
    expect(file.nbformat_minor).toBe(5);
    expect(file.metadata.kernelspec).toEqual({ name: 'typescript', display_name: 'TypeScript (Neural Notebook)', language: 'typescript' });
    expect(file.metadata.language_info).toEqual({ name: 'typescript', file_extension: '.ts', mimetype: 'text/typescript' });
    expect(file.metadata.authors).toEqual([{ name: 'Ada' }]);
    expect(file.cells.map((c) => c.id)).toEqual(['intro', 'cell-2', 'cell-3', 'cell-4', 'cell-5', 'py', 'end']);
    const cell = file.cells[1]!;
    expect(cell.source).toEqual(["const x = tensor([1, 2, 3], { requiresGrad: true });\n", "console.log('hello');\n", 'x.sum()']);
    if (cell.cell_type !== 'code') throw new Error('expected a code cell');
    expect(cell.execution_count).toBe(1);
    expect(cell.outputs.map((o) => o.output_type)).toEqual(['stream', 'stream', 'execute_result', 'display_data', 'display_data', 'display_data', 'display_data', 'display_data']);
    expect(cell.outputs[0]).toEqual({ output_type: 'stream', name: 'stdout', text: ['hello\n', 'world\n'] });
    expect(cell.outputs[2]).toEqual({ output_type: 'execute_result', execution_count: 1, data: { 'text/plain': ['tensor(6., grad_fn=<SumBackward0>)'] }, metadata: {} });
    const table = cell.outputs[3]!;
    if (table.output_type !== 'display_data') throw new Error('expected display_data');
    // Jupyter shows the text/plain fallback; our page reads its own MIME type.
    expect((table.data['text/plain'] as string[]).join('')).toContain('1');
    expect(table.data[OUTPUT_MIME]).toMatchObject({ type: 'display', item: { kind: 'table', title: 'W' } });
    const errors = [file.cells[2], file.cells[3]].map((c) => (c?.cell_type === 'code' ? c.outputs[0] : undefined));
    expect(errors[0]).toEqual({
      output_type: 'error',
      ename: 'RangeError',
      evalue: 'matmul: mat1 and mat2 shapes cannot be multiplied (1x2 and 1x3)',
      traceback: ['RangeError on line 1: matmul: mat1 and mat2 shapes cannot be multiplied (1x2 and 1x3)', 'at cell [2], line 1'],
    });
    expect(errors[1]).toMatchObject({ traceback: ['SyntaxError on line 1, column 16: Unexpected token'] });
    expect(file.cells[5]).toMatchObject({ cell_type: 'code', metadata: { tags: ['torch'], neural_notebook: { language: 'python' } } });
    expect(file.cells[6]).toEqual({ cell_type: 'markdown', id: 'end', metadata: {}, source: [], attachments: { 'a.png': { 'image/png': 'iVBORw0KGgo=' } } });
  });

  it('ipynbText() writes sorted keys with one-space indents and a final newline, as Jupyter does', () => {
    const text = ipynbText({ cells: [{ type: 'markdown', id: 'a', source: 'hi', metadata: { z: 1, a: 2 } }], metadata: {} });
    expect(text).toBe(
      '{\n "cells": [\n  {\n   "cell_type": "markdown",\n   "id": "a",\n   "metadata": {\n    "a": 2,\n    "z": 1\n   },\n   "source": [\n    "hi"\n   ]\n  }\n ],\n' +
        ' "metadata": {\n  "kernelspec": {\n   "display_name": "TypeScript (Neural Notebook)",\n   "language": "typescript",\n   "name": "typescript"\n  },\n' +
        '  "language_info": {\n   "file_extension": ".ts",\n   "mimetype": "text/typescript",\n   "name": "typescript"\n  }\n },\n "nbformat": 4,\n "nbformat_minor": 5\n}\n',
    );
  });

  it('toLines() splits after each newline and keeps every character', () => {
    expect(toLines('')).toEqual([]);
    expect(toLines('a')).toEqual(['a']);
    expect(toLines('a\n')).toEqual(['a\n']);
    expect(toLines('a\n\nb')).toEqual(['a\n', '\n', 'b']);
  });
});

describe('importIpynb(): round trip', () => {
  it('gives back exactly the notebook that was exported', () => {
    const doc = richNotebook();
    const result = importIpynb(ipynbText(doc));
    expect(result).toEqual({ ok: true, doc, warnings: [PYTHON_CELL] });
  });

  it('exporting what was imported gives the same file', () => {
    const text = ipynbText(richNotebook());
    expect(ipynbText(imported(text))).toBe(text);
  });

  it('accepts a source as one string or as a list of strings (nbformat allows both)', () => {
    const doc = imported(JSON.stringify(nb([md('a', 'one\ntwo'), md('b', ['one\n', 'two'])])));
    expect(doc.cells.map((c) => c.source)).toEqual(['one\ntwo', 'one\ntwo']);
  });
});

describe('importIpynb(): notebooks from elsewhere', () => {
  it('imports a Python notebook as text: its code cells keep their language, do not run, and the import says so', () => {
    const file = nb([md('m', '# Torch'), code('c1', 'import torch\n', [{ output_type: 'stream', name: 'stdout', text: 'ok\n' }], 1)], {
      kernelspec: { name: 'python3', display_name: 'Python 3 (ipykernel)', language: 'python' },
      language_info: { name: 'python', version: '3.11.2' },
    });
    const result = importIpynb(JSON.stringify(file));
    if (!result.ok) throw new Error(result.message);
    expect(result.doc.cells[1]).toEqual({ type: 'code', id: 'c1', source: 'import torch\n', executionCount: 1, language: 'python', metadata: {}, outputs: [{ type: 'stream', name: 'stdout', text: 'ok\n' }] });
    expect(result.warnings[0]).toBe(
      "This notebook's code is Python (kernel “Python 3 (ipykernel)”): its 1 code cell is kept as text and not run, since cells here run TypeScript. Rewrite a cell in TypeScript and press “Mark as TypeScript” to run it.",
    );
    // The kernel's own metadata is ours on export; the cell's language travels in the cell.
    expect(result.doc.metadata).toEqual({});
    expect(importIpynb(ipynbText(result.doc))).toEqual({ ok: true, doc: result.doc, warnings: [PYTHON_CELL] });
  });

  it('runs JavaScript and TypeScript notebooks (another TypeScript kernel) as they are', () => {
    for (const name of ['javascript', 'TypeScript']) {
      const doc = imported(JSON.stringify(nb([code('a', '1 + 1')], { language_info: { name } })));
      expect(doc.cells[0]).not.toHaveProperty('language');
    }
  });

  it('gives cells of nbformat 4.0–4.4 (no ids) free ids that clash with none', () => {
    const file = { ...nb([md('cell-1', 'a'), { cell_type: 'markdown', metadata: {}, source: 'b' }, { cell_type: 'markdown', metadata: {}, source: 'c' }]), nbformat_minor: 4 };
    expect(imported(JSON.stringify(file)).cells.map((c) => c.id)).toEqual(['cell-1', 'cell-2', 'cell-3']);
  });

  it('shows a raw cell as a Markdown cell with its text in a fence', () => {
    const result = importIpynb(JSON.stringify(nb([{ cell_type: 'raw', id: 'r', metadata: { format: 'text/x-rst' }, source: 'has ``` inside' }])));
    if (!result.ok) throw new Error(result.message);
    expect(result.doc.cells[0]).toEqual({ type: 'markdown', id: 'r', source: '````text\nhas ``` inside\n````', metadata: { format: 'text/x-rst' } });
    expect(result.warnings).toEqual(['1 raw cell became a Markdown cell showing the raw text as it is.']);
  });

  it('keeps text/plain of rich outputs, notes images and HTML it does not show, strips colour codes from tracebacks', () => {
    const outputs = [
      { output_type: 'display_data', data: { 'image/png': 'iVBOR', 'text/plain': '<Figure size 640x480 with 1 Axes>' }, metadata: {} },
      { output_type: 'display_data', data: { 'text/html': '<img src=x onerror=alert(1)>' }, metadata: {} },
      { output_type: 'execute_result', data: { 'text/html': '<b>x</b>', 'text/plain': ['   a\n', '0  1'] }, metadata: {}, execution_count: 4 },
      { output_type: 'error', ename: 'ValueError', evalue: 'bad', traceback: ['\u001b[0;31m-----\u001b[0m', '\u001b[0;31mValueError\u001b[0m: bad'] },
      { output_type: 'display_data', data: { [OUTPUT_MIME]: { type: 'display', item: { kind: 'nope' } }, 'text/plain': 'fallback' }, metadata: {} },
    ];
    const result = importIpynb(JSON.stringify(nb([code('c', 'x', outputs, 4)])));
    if (!result.ok) throw new Error(result.message);
    const cell = result.doc.cells[0]!;
    expect(cell.type === 'code' && cell.outputs).toEqual([
      { type: 'display', item: { kind: 'text', text: '<Figure size 640x480 with 1 Axes>' } },
      { type: 'notice', text: 'An output of type text/html is not shown here: notebooks here show text, tables and their own charts.' },
      { type: 'value', text: '   a\n0  1' },
      { type: 'error', name: 'ValueError', message: 'bad', stack: ['-----', 'ValueError: bad'] },
      { type: 'display', item: { kind: 'text', text: 'fallback' } },
    ]);
    expect(result.warnings).toEqual([
      'Outputs of type text/html are not shown here (and not exported again); a note in their cells says so.',
      "1 chart or table output was malformed; their text is shown instead (first: cells[0].outputs[4].data.'application/vnd.neural-notebook.output+json').",
    ]);
  });

  it('cuts outputs longer than the kernel would print, and says so', () => {
    const long = 'x'.repeat(LIMITS.streamChars + 10);
    const result = importIpynb(JSON.stringify(nb([code('c', '', [{ output_type: 'stream', name: 'stdout', text: long }])])));
    if (!result.ok) throw new Error(result.message);
    const out = result.doc.cells[0]!.type === 'code' ? result.doc.cells[0]!.outputs[0] : undefined;
    expect(out?.type === 'stream' && out.text).toMatch(/^x{200000}… \(10 more characters\)$/);
    expect(result.warnings).toEqual(["1 output text was cut to this notebook's limits (first: cells[0].outputs[0].text)."]);
  });
});

describe('importIpynb(): refusals say where, what was expected and what was found', () => {
  const valid = () => nb([md('a', 'x'), code('b', '1')]);
  const cases: [string, unknown, string][] = [
    ['not JSON', '{"cells": [', 'The file is not JSON (a .ipynb file is): '],
    ['a list', [1, 2], 'The file: expected an object, got a list of 2 items'],
    ['no nbformat', { cells: [] }, "nbformat: expected 4 (Jupyter's notebook format 4; older notebooks can be converted by opening and saving them in Jupyter), got nothing (the key is missing)"],
    ['nbformat 3', { ...valid(), nbformat: 3 }, 'nbformat: expected 4 ('],
    ['bad minor', { ...valid(), nbformat_minor: -1 }, 'nbformat_minor: expected a whole number of at least 0, got -1'],
    ['extra top key', { ...valid(), worksheets: [] }, "The file: unexpected key 'worksheets' (a notebook has only cells, metadata, nbformat, nbformat_minor)"],
    ['no metadata', { cells: [], nbformat: 4, nbformat_minor: 5 }, 'metadata: expected an object, got nothing (the key is missing)'],
    ['bad kernelspec', nb([], { kernelspec: { name: 'x' } }), 'metadata.kernelspec.display_name: expected a string, got nothing (the key is missing)'],
    ['cells not a list', { ...valid(), cells: {} }, 'cells: expected a list, got an object'],
    ['bad cell type', nb([md('a', 'x'), md('b', 'y'), md('c', 'z'), { ...md('d', 'w'), cell_type: 'foo' }]), "cells[3].cell_type: expected 'code', 'markdown' or 'raw', got 'foo'"],
    ['cell not an object', nb(['hello']), "cells[0]: expected an object, got 'hello'"],
    ['no id in 4.5', nb([{ cell_type: 'markdown', metadata: {}, source: '' }]), 'cells[0].id: expected a string, got nothing (the key is missing)'],
    ['bad id', nb([md('a b', '')]), `cells[0].id: expected an id of 1 to 64 letters, digits, "-" or "_", got 'a b'`],
    ['duplicate id', nb([md('a', ''), md('a', '')]), "cells[1].id: expected an id no other cell has (cells[0] has it too), got 'a'"],
    ['source number', nb([md('a', 42)]), 'cells[0].source: expected a string or a list of strings, got 42'],
    ['source list item', nb([md('a', ['ok\n', null])]), 'cells[0].source[1]: expected a string, got null'],
    ['extra cell key', nb([{ ...md('a', ''), outputs: [] }]), "cells[0]: unexpected key 'outputs' (a markdown cell has only id, cell_type, metadata, source, attachments)"],
    ['no outputs', nb([{ cell_type: 'code', id: 'a', metadata: {}, source: '', execution_count: null }]), 'cells[0].outputs: expected a list, got nothing (the key is missing)'],
    ['bad count', nb([code('a', '', [], 1.5)]), 'cells[0].execution_count: expected a whole number of at least 0, got 1.5'],
    ['bad output type', nb([code('a', '', [{ output_type: 'pyout' }])]), "cells[0].outputs[0].output_type: expected 'execute_result', 'display_data', 'stream' or 'error', got 'pyout'"],
    ['stream without text', nb([code('a', '', [{ output_type: 'stream', name: 'stdout' }])]), 'cells[0].outputs[0].text: expected a string or a list of strings, got nothing (the key is missing)'],
    ['bad mime value', nb([code('a', '', [{ output_type: 'display_data', data: { 'text/plain': 3 }, metadata: {} }])]), "cells[0].outputs[0].data.'text/plain': expected a string or a list of strings, got 3"],
    ['error without traceback', nb([code('a', '', [{ output_type: 'error', ename: 'E', evalue: 'v' }])]), 'cells[0].outputs[0].traceback: expected a list, got nothing (the key is missing)'],
  ];
  for (const [what, json, message] of cases) {
    it(`refuses ${what}`, () => {
      expect(refusal(json)).toContain(message);
    });
  }

  it('refuses a file larger than the limit before reading it', () => {
    expect(refusal(' '.repeat(IMPORT_LIMITS.fileChars + 1))).toBe('The file is too large: expected at most 20,000,000 characters, got 20,000,001');
  });

  it('refuses more cells than the limit', () => {
    const cells = Array.from({ length: IMPORT_LIMITS.cells + 1 }, (_, i) => md(`c${i}`, ''));
    expect(refusal(nb(cells))).toBe('cells: expected at most 1,000 items, got 1,001');
  });

  it('refuses a cell source longer than the kernel runs', () => {
    expect(refusal(nb([md('a', 'x'.repeat(IMPORT_LIMITS.sourceChars + 1))]))).toBe('cells[0].source: expected at most 1,000,000 characters, got 1,000,001');
  });

  it('refuses metadata nested deeper than it could write back, without overflowing the stack itself', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(refusal(`{"cells": [], "metadata": {"x": ${deep}}, "nbformat": 4, "nbformat_minor": 5}`)).toBe('The file: expected lists and objects nested at most 64 deep, got deeper');
  });

  it('never runs code: importing a cell that would change the world changes nothing', () => {
    const global = globalThis as { importedCellRan?: boolean };
    const doc = imported(JSON.stringify(nb([code('a', 'globalThis.importedCellRan = true;')])));
    expect(doc.cells[0]!.source).toBe('globalThis.importedCellRan = true;');
    expect(global.importedCellRan).toBeUndefined();
  });
});
