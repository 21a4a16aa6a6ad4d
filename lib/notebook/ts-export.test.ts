import { describe, expect, it } from 'vitest';
import type { NotebookDoc } from './document';
import { notebookToTypeScript } from './ts-export';
import { transpile } from './transpile';

const doc: NotebookDoc = {
  metadata: {},
  cells: [
    { type: 'markdown', id: 'a', source: '# Loss\n\nMean squared error: $\\frac1n \\sum (y - \\hat y)^2$\n', metadata: {} },
    { type: 'code', id: 'b', source: 'const y: Tensor = tensor([1, 2]);\ny.pow(2).mean()\n', outputs: [{ type: 'value', text: 'tensor(2.5000)' }], executionCount: 1, metadata: {} },
    { type: 'code', id: 'c', source: 'import torch\r\nprint(torch.ones(2))', outputs: [], executionCount: null, language: 'python', metadata: {} },
  ],
};

describe('notebookToTypeScript()', () => {
  it('writes code cells as code and Markdown (and Python) as comments, in the percent format', () => {
    expect(notebookToTypeScript(doc, 'My\nloss')).toBe(
      [
        '// My loss: a notebook exported from Neural Notebook.',
        '// Cells ran one after another in one scope, with the engine in scope (tensor, nn, optim, ...):',
        '// as a file, it needs those imported, and a name declared in two cells declared once.',
        '',
        '// %% [markdown]',
        '// # Loss',
        '//',
        '// Mean squared error: $\\frac1n \\sum (y - \\hat y)^2$',
        '',
        '// %%',
        'const y: Tensor = tensor([1, 2]);',
        'y.pow(2).mean()',
        '',
        '// %%',
        '// (python code from the imported notebook, kept as comments: it does not run as TypeScript)',
        '// import torch',
        '// print(torch.ones(2))',
        '',
      ].join('\n'),
    );
  });

  it('gives a file TypeScript compiles: only the code cells are code', () => {
    const compiled = transpile(notebookToTypeScript(doc, 'x'));
    expect(compiled.ok).toBe(true);
    // Markdown that would be a syntax error as code stays a comment.
    expect(transpile(notebookToTypeScript({ metadata: {}, cells: [{ type: 'markdown', id: 'm', source: "it's *not* code {", metadata: {} }] }, 'm')).ok).toBe(true);
  });
});
