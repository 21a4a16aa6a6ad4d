/**
 * A notebook as one TypeScript file in the "percent" format (`// %%` starts a code cell,
 * `// %% [markdown]` a Markdown cell), which Jupytext and VS Code read as cells. Code cells are
 * code; Markdown cells, and code in another language (an imported Python notebook), are comments.
 */
import type { NotebookDoc } from './document';

function commented(text: string): string {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => (line.replace(/\r$/, '') === '' ? '//' : `// ${line.replace(/\r$/, '')}`))
    .join('\n');
}

/** The notebook `name` as a .ts file's text. */
export function notebookToTypeScript(doc: NotebookDoc, name: string): string {
  const header = [
    `// ${name.replace(/[\r\n]+/g, ' ')}: a notebook exported from Neural Notebook.`,
    '// Cells ran one after another in one scope, with the engine in scope (tensor, nn, optim, ...):',
    '// as a file, it needs those imported, and a name declared in two cells declared once.',
  ].join('\n');
  const cells = doc.cells.map((cell) => {
    if (cell.type === 'markdown') return `// %% [markdown]\n${commented(cell.source)}`;
    if (cell.language !== undefined) {
      return `// %%\n// (${cell.language} code from the imported notebook, kept as comments: it does not run as TypeScript)\n${commented(cell.source)}`;
    }
    return `// %%\n${cell.source.replace(/\n$/, '')}`;
  });
  return `${[header, ...cells].join('\n\n')}\n`;
}
