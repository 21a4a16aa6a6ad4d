/** The exploding-gradients lesson's exercises (prompts in lessons/exploding-gradients.mdx). */
import type { ExerciseSpec } from '../exercises';

/** Every exercise of the lesson, in page order. */
export const exercises: readonly ExerciseSpec[] = [
  {
    id: 'exploding-gradients/quadratic-step-limit',
    kind: 'numeric',
    points: 1,
    answer: 0.5,
    tolerance: { abs: 1e-9 },
    hints: ['Each step multiplies $\\theta$ by $1 - \\eta a$.', 'The iteration diverges when $|1 - \\eta a| > 1$.'],
    mistakes: [
      { value: 0.25, feedback: 'That is $1/a$, the step that lands on the minimum in one step. Gradient descent still converges up to twice that.' },
      { value: 2, feedback: 'That is $2/a$ with $a = 1$; here $a = 4$.' },
    ],
    solution: 'Each step multiplies $\\theta$ by $1 - \\eta a$, which has modulus above 1 exactly when $\\eta > 2/a = 2/4 = 0.5$.',
  },
  {
    id: 'exploding-gradients/clipped-component',
    kind: 'numeric',
    points: 1,
    answer: 0.6,
    tolerance: { abs: 1e-4 },
    hints: ['The norm of $(60, 80)$ is 100.', 'Every component is scaled by $\\tau / \\lVert \\mathbf{g} \\rVert$.'],
    mistakes: [
      { value: 1, feedback: 'That clips each component by value to 1. Clipping by norm scales the whole vector so that its length is 1.' },
      { value: 60, feedback: 'The norm, 100, exceeds the threshold 1, so the gradient is scaled down.' },
    ],
    solution: '$\\lVert (60, 80) \\rVert = 100 > 1$, so both components are multiplied by $1/(100 + 10^{-6})$: $(0.6, 0.8)$, the same direction with length 1.',
  },
  {
    id: 'exploding-gradients/clip-keeps-direction',
    kind: 'choice',
    points: 1,
    multiple: false,
    options: [
      { id: 'norm', text: 'Clipping by global norm', correct: true, feedback: 'Every component is multiplied by the same positive number: the direction is kept.' },
      { id: 'value', text: 'Clipping by value', correct: false, feedback: 'Clipping by value caps each component on its own: $(60, 80)$ clipped to 1 becomes $(1, 1)$, a different direction.' },
      { id: 'both', text: 'Both', correct: false, feedback: 'Clipping by value caps components separately, which turns the vector.' },
    ],
    hints: ['Clip $(60, 80)$ both ways and compare the directions.'],
    solution: 'Clipping by norm multiplies every component by the same $c = \\min(1, \\tau / (\\lVert \\mathbf{g} \\rVert + 10^{-6}))$, so the step is still one of steepest descent; clipping by value turns $(60, 80)$ into $(1, 1)$.',
  },
  {
    id: 'exploding-gradients/clip-by-hand',
    kind: 'code',
    points: 2,
    starter: [
      'const g = tensor([60, 80]);',
      'const maxNorm = 1;',
      '// Clip g by its norm, as clip_grad_norm_ does: c = min(1, maxNorm / (norm + 1e-6)).',
      'const clipped = g; // replace',
      'console.log(clipped);',
    ].join('\n'),
    checks: [
      'expectShape(clipped, [2]);',
      'expectClose(clipped, [0.6, 0.8], { atol: 1e-5 });',
    ].join('\n'),
    hints: ['`g.norm().item()` is the norm as a number.', '`g.mul(c)` scales every component.'],
    solution: '```ts\nconst c = Math.min(1, maxNorm / (g.norm().item() + 1e-6));\nconst clipped = g.mul(c);\n```',
  },
  {
    id: 'exploding-gradients/rnn-clipping',
    kind: 'experiment',
    points: 2,
    widget: 'exploding-gradients',
    start: { model: 'rnn', scale: 2, lr: 0.01, seqlen: 30, seed: 1, clip: 'norm', max: 1 },
    mayChange: ['clip', 'max'],
    goal: { run: 'b', metric: 'trainLoss', atMost: 0.5, steps: 500 },
    hints: [
      "At the start run B clips by global norm at 1: it survives, but after 500 steps its training loss is still about 0.7. Look at run B's gradient bars at step 0: are the three tensors' gradients of similar size?",
      'Clipping by global norm multiplies every tensor by one factor, set by the whole gradient. Which modes cap each tensor, or each component, on its own?',
    ],
    solution:
      "Clip each tensor by its own norm at 1 (training loss 0.32 after 500 steps). By value at 0.1 the loss ends at 0.68, and by global norm above 0.7, at threshold 1 (0.74) as at 30 (0.96). The global norm keeps the gradient's direction, and at the start that direction is almost all readout and recurrent weights: their gradients are 66 and 34 times the input weights'. Scaled by one factor, the input weights barely move. Per tensor, each tensor's step is capped on its own, so every part of the network takes a full-sized step. The first updates are enormous (the loss starts near 10⁹), and what follows them is sensitive to the smallest difference: another seed gives other numbers, and per-tensor clipping is not ahead at every seed.",
  },
];
