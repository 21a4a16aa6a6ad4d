/** The backpropagation lesson's exercises (prompts in lessons/backpropagation.mdx). */
import type { ExerciseSpec } from '../exercises';

/** Every exercise of the lesson, in page order. */
export const exercises: readonly ExerciseSpec[] = [
  {
    id: 'backpropagation/cube-gradient',
    kind: 'numeric',
    points: 1,
    answer: 12,
    tolerance: { abs: 1e-9 },
    hints: ['`a*a*a` is $(a \\cdot a) \\cdot a$: count the arrows that leave $a$ in the graph.', 'Each arrow brings back its own contribution, and the gradient of $a$ is their sum.'],
    mistakes: [
      { value: 4, feedback: 'That is one arrow’s contribution. $a$ is used three times, and the gradients of all three uses add up.' },
      { value: 8, feedback: 'That is the first product’s two contributions ($4 + 4$); the second product hands $a$ another $a \\cdot a = 4$.' },
    ],
    solution:
      'Three arrows leave $a$: `a*a*a` is $(a \\cdot a) \\cdot a$, so two go into the first product and one into the second. The second product hands $a$ its other factor, $a \\cdot a = 4$. The first product’s gradient is $a = 2$, and it hands $2 \\cdot a = 4$ to each of its two factors: $4 + 4 + 4 = 12 = 3a^2$.',
  },
  {
    id: 'backpropagation/squared-error-peak',
    kind: 'numeric',
    points: 1,
    answer: 4 / 27,
    tolerance: { abs: 0.001 },
    hints: [
      'With $L = \\tfrac12 (p - 1)^2$ and $p = \\sigma(z)$, $\\partial L / \\partial z = (p - 1)\\,p\\,(1 - p)$.',
      'Maximise $(1 - p)^2 p$ over $p$ in $(0, 1)$: its derivative vanishes at $p = 1/3$.',
    ],
    mistakes: [
      { value: 0.25, feedback: 'That is the largest slope of the sigmoid itself, $\\sigma\'(0) = 1/4$. The loss’s gradient also carries the factor $(p - 1)$.' },
      { value: 0.125, feedback: 'That is the gradient at $z = 0$ ($p = 1/2$), not its largest value: it peaks a little to the left, at $p = 1/3$.' },
    ],
    solution:
      'At $p = 1/3$, that is $z = \\ln \\tfrac12 \\approx -0.693$, where $|(p - 1)\\,p\\,(1 - p)|$ reaches $4/27 \\approx 0.148$. At $z = -5$ the unit is confidently wrong, yet its gradient is only about $-0.0066$, because $\\sigma\'(-5)$ is tiny; at $z = 0$ it is $-0.125$, about 19 times larger. Cross-entropy has no such trap: its gradient is $p - y$, close to $-1$ at $z = -5$.',
  },
  {
    id: 'backpropagation/relu-kink',
    kind: 'choice',
    points: 1,
    multiple: false,
    options: [
      { id: 'avoid', text: 'Neither: ReLU has no derivative at 0, so a gradient check should avoid such points', correct: true, feedback: 'Right: both numbers are conventions at a kink, and a check there compares two conventions.' },
      { id: 'engine', text: 'The engine’s 0, because autograd is exact', correct: false, feedback: 'Autograd is exact where a derivative exists. At the kink there is none; 0 is the rule PyTorch picks, not a measurement.' },
      { id: 'numeric', text: 'The central difference’s 0.5, because it measures the function', correct: false, feedback: 'It measures the average of the two slopes, $(h - 0)/(2h)$: a number no gradient of ReLU ever takes.' },
    ],
    hints: ['Type `relu(x)` with $x = 0$ in the gradient check: what does each column say?', 'What is the slope of ReLU just left of 0, and just right of it?'],
    solution:
      'The engine gives 0, as PyTorch does: at the kink the rule picks the left-hand slope. A central difference gives $(h - 0)/(2h) = 0.5$, the average of the two slopes. Neither is wrong, because ReLU has no derivative at 0; a gradient check should avoid such points rather than trust either number.',
  },
  {
    id: 'backpropagation/linear-gradient-by-hand',
    kind: 'code',
    points: 2,
    starter: [
      'const x = tensor([1, 2, 3]);',
      'const y = 2;',
      'const w = tensor([0.5, -1, 0.25], { requiresGrad: true });',
      'const loss = w.mul(x).sum().sub(y).pow(2);',
      'loss.backward();',
      '// By hand, without autograd: dL/dw = 2 (w·x − y) x.',
      'const byHand = zeros([3]); // replace',
    ].join('\n'),
    checks: ["expectShape(byHand, [3]);", "check('byHand does not come from autograd', !byHand.requiresGrad, 'expected a tensor computed from w, x and y, not one that records a graph (use w.detach())');", 'expectClose(byHand, w.grad!);'].join('\n'),
    hints: ['`w.detach().mul(x).sum().item()` is $w \\cdot x$ as a number.', 'Then `x.mul(2 * (dot - y))`.'],
    solution: '```ts\nconst dot = w.detach().mul(x).sum().item();\nconst byHand = x.mul(2 * (dot - y));\n```\n\nHere $w \\cdot x = 0.5 - 2 + 0.75 = -0.75$, so $\\partial L / \\partial w = 2(-0.75 - 2)\\,x = -5.5\\,x = (-5.5, -11, -16.5)$, as autograd says.',
  },
  {
    id: 'backpropagation/plateau-learning-rate',
    kind: 'experiment',
    points: 2,
    widget: 'loss-race',
    start: { bad: 8, lr: 0.3, seed: 1 },
    mayChange: ['lr'],
    goal: { run: 'b', metric: 'trainAccuracy', atLeast: 0.9, steps: 500 },
    hints: ["Run B's output gradient starts hundreds of times smaller than run A's. What multiplies the gradient in an SGD update?", 'Try the largest learning rates the slider offers.'],
    solution:
      "A learning rate of 3, ten times the default: run B then passes 90 % training accuracy by step 300, where at 1 it is still on the plateau at step 500. An SGD update is the learning rate times the gradient, so a larger rate makes up for part of the small factor $\\sigma'(z)$. It does not remove it: the plateau is shorter, not gone, and a rate that large can overshoot once the network leaves saturation. Cross-entropy needed no such tuning.",
  },
];
