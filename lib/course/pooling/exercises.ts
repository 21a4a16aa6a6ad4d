/** The pooling lesson's exercises (prompts in lessons/pooling.mdx). */
import type { ExerciseSpec } from '../exercises';

/** Every exercise of the lesson, in page order. */
export const exercises: readonly ExerciseSpec[] = [
  {
    id: 'pooling/alexnet-pool',
    kind: 'shape',
    points: 1,
    answer: [96, 27, 27],
    hints: ['Pooling works on each channel separately: the 96 channels stay 96.', '$H_\\text{out} = \\lfloor (55 - 3)/2 \\rfloor + 1$.'],
    mistakes: [
      { value: [96, 26, 26], feedback: 'One short: $\\lfloor (55 - 3)/2 \\rfloor = 26$, and the formula adds 1 for the first window.' },
      { value: [96, 53, 53], feedback: 'That is the size with stride 1; `nn.MaxPool2d(3, stride=2)` moves two cells at a time.' },
    ],
    solution:
      '$\\lfloor (55 - 3)/2 \\rfloor + 1 = 27$, so $96 \\times 27 \\times 27$, and no parameters: pooling has none. `nn.MaxPool2d(2)` gives $\\lfloor (55 - 2)/2 \\rfloor + 1 = 27$ too, but $53/2 = 26.5$ is floored, so its last row and column are never read.',
  },
  {
    id: 'pooling/max-gradient-cells',
    kind: 'numeric',
    points: 1,
    answer: 4,
    tolerance: { abs: 0 },
    units: 'cells',
    hints: ['A max pool’s output is one input cell of its window, copied: which cells does its gradient go back to?'],
    mistakes: [
      { value: 16, feedback: 'That is average pooling, which spreads each output’s gradient over its whole window. Max pooling sends it to the window’s maximum only.' },
      { value: 1, feedback: 'There are four windows, and each sends its gradient to its own maximum.' },
    ],
    solution: 'Four: one per window, the arg-max of each, each receiving 1. Through average pooling all 16 receive $1/4$.',
  },
  {
    id: 'pooling/padded-average-corner',
    kind: 'numeric',
    points: 1,
    answer: 4 / 9,
    tolerance: { abs: 0.005 },
    hints: ['The corner’s $3 \\times 3$ window holds 4 cells of the map and 5 of padding.', 'The padding counts as zeros, and with `count_include_pad=True` the divisor stays 9.'],
    mistakes: [
      { value: 1, feedback: 'That divides by the 4 real cells only (count_include_pad=False). PyTorch’s default divides by 9, padding included.' },
      { value: 6 / 9, feedback: 'That is an edge window (6 ones); the corner window holds 4.' },
    ],
    solution:
      '$4/9$ at the four corners, $6/9$ at the four edges and 1 in the middle. The padding counts as zeros and the divisor stays 9 (`count_include_pad=True`): a corner window holds 4 ones and 5 zeros, an edge window 6 ones.',
  },
  {
    id: 'pooling/max-padding',
    kind: 'choice',
    points: 1,
    multiple: false,
    options: [
      { id: 'never-wins', text: 'So that padding never wins: the max of a window is the max of its real values', correct: true, feedback: 'Right: $-\\infty$ loses to every real value.' },
      { id: 'speed', text: 'Because $-\\infty$ is faster to compare than 0', correct: false, feedback: 'Comparisons cost the same. The reason is which value wins the max.' },
      { id: 'gradient', text: 'So that the padding receives the gradient', correct: false, feedback: 'The padding should never be the maximum, so it never receives any gradient.' },
    ],
    hints: ['Think of a map that is negative near its border: what would a zero in the window do to the max?'],
    solution:
      'The max of a window should be the max of its real values. Zeros would beat negative values and put 0 at the border of any map that is negative there; $-\\infty$ never wins.',
  },
  {
    id: 'pooling/max-pool-backward',
    kind: 'code',
    points: 2,
    starter: [
      'const x = tensor([[[[1, 3, 2, 0], [4, 6, 5, 1], [0, 2, 9, 8], [3, 1, 7, 4]]]], { requiresGrad: true });',
      '// Max-pool x with 2 x 2 windows, backpropagate the sum, and count the input cells with a nonzero gradient.',
      'const pooled = x; // replace x by the pooled map',
      'const nonzero = 0; // count the nonzero entries of x.grad',
    ].join('\n'),
    checks: ['expectShape(pooled, [1, 1, 2, 2]);', 'expectClose(pooled.squeeze(), [[6, 5], [3, 9]]);', "check('nonzero counts the cells that receive a gradient', nonzero === 4, `expected 4 cells, got ${nonzero}`);"].join('\n'),
    hints: ['`maxPool2d(x, 2)`, then `pooled.sum().backward()`.', '`x.grad!.ne(0).sum().item()` counts the nonzero entries.'],
    solution:
      '```ts\nconst pooled = maxPool2d(x, 2);\npooled.sum().backward();\nconst nonzero = x.grad!.ne(0).sum().item();\n```\n\nEach window sends its gradient to its maximum only: 4 cells of 16.',
  },
];
