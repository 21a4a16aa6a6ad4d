/**
 * The notebook a reader finds on their first visit to the notebook page: what the cells can do,
 * in cells that run (lib/notebook/starter-notebook.node.test.ts runs them).
 */
import type { NotebookDoc } from './document';

const cell = (type: 'code' | 'markdown', id: string, source: string) =>
  type === 'code' ? { type, id, source, outputs: [], executionCount: null, metadata: {} } : { type, id, source, metadata: {} };

/** A first notebook: a Markdown cell that explains, and code cells that show tensors, gradients, display and plot. */
export function starterNotebook(): NotebookDoc {
  return {
    metadata: {},
    cells: [
      cell(
        'markdown',
        'welcome',
        [
          '# Getting started',
          '',
          'Code cells run TypeScript with the course’s engine in scope (`tensor`, `nn`, `optim`, …), and share one kernel:',
          'a variable defined in one cell is visible in the next. **Shift+Enter** runs a cell and moves on.',
          '',
          'Markdown cells take notes with math: the derivative of the sigmoid is $\\sigma\'(z) = \\sigma(z)\\,(1 - \\sigma(z))$.',
        ].join('\n'),
      ),
      cell('code', 'gradient', ['const z = tensor([-2, 0, 2], { requiresGrad: true });', 'const s = z.sigmoid();', 's.sum().backward();', 'console.log(z.grad);', '// σ(z)(1 − σ(z)), by hand: the same numbers', 's.mul(s.neg().add(1))'].join('\n')),
      cell('code', 'plot', ['const xs = Array.from({ length: 81 }, (_, i) => -4 + i / 10);', "plot({ x: xs, y: xs.map((x) => Math.tanh(x)) }, { title: 'tanh', xLabel: 'z', yLabel: 'tanh(z)' });"].join('\n')),
    ],
  } as NotebookDoc;
}
