/** The activation-functions lesson's exercises (prompts in lessons/activation-functions.mdx). */
import type { ExerciseSpec } from '../exercises';

/** Every exercise of the lesson, in page order. */
export const exercises: readonly ExerciseSpec[] = [
  {
    id: 'activation-functions/collapse-parameters',
    kind: 'numeric',
    points: 1,
    answer: 105,
    tolerance: { abs: 0 },
    units: 'parameters',
    hints: [
      'Without activations, the ten layers compose to one affine map $\\mathbf{x} \\mapsto W\'\\mathbf{x} + \\mathbf{b}\'$.',
      'What shape must $W\'$ have to take 20 numbers to 5? And how long is $\\mathbf{b}\'$?',
    ],
    mistakes: [
      { value: 100, feedback: 'That counts the weights of $W\'$ only: the equivalent layer keeps a bias, one per output.' },
      { value: 83_405, feedback: 'That is the ten-layer network itself (20→100, eight 100→100, 100→5). The question asks for the single layer they collapse to.' },
    ],
    solution: '$20 \\times 5 + 5 = 105$: one weight matrix $W\' \\in \\mathbb{R}^{5 \\times 20}$ and a bias in $\\mathbb{R}^5$, however many layers there were.',
  },
  {
    id: 'activation-functions/sigmoid-saturation',
    kind: 'numeric',
    points: 1,
    answer: 6.9,
    tolerance: { abs: 0.02 },
    hints: [
      'Saturated means $|\\sigma\'(z)| < \\varepsilon$, with $\\sigma\'(z) = \\sigma(z)(1 - \\sigma(z))$.',
      'For large $z$, $\\sigma\'(z) \\approx e^{-z}$: solve $e^{-z} = 0.001$.',
    ],
    mistakes: [{ value: 4.15, feedback: 'That is tanh’s threshold. The sigmoid is flatter near 0 but saturates later: about twice as far out.' }],
    solution:
      'About $|z| > 6.91$ (tanh: $|z| > 4.15$). For large $z$, $\\sigma\'(z) = \\sigma(z)(1 - \\sigma(z)) \\approx e^{-z}$, and $e^{-z} < 0.001$ once $z > \\ln 1000 \\approx 6.91$.',
  },
  {
    id: 'activation-functions/softmax-overflow',
    kind: 'choice',
    points: 1,
    multiple: false,
    options: [
      { id: 'first', text: 'Only $e^{89}$: the column reads (NaN, 0, 0)', correct: true, feedback: '$e^{89} \\approx 4.5 \\times 10^{38}$ is above float32’s largest value, $3.4 \\times 10^{38}$; $e^{88}$ is below it.' },
      { id: 'both', text: '$e^{89}$ and $e^{88}$: the column reads (NaN, NaN, 0)', correct: false, feedback: '$e^{88} \\approx 1.65 \\times 10^{38}$ still fits in float32: only one exponential overflows.' },
      { id: 'none', text: 'None: both rows work', correct: false, feedback: 'Float32 tops out at about $3.4 \\times 10^{38}$, and $e^{89}$ is above it.' },
    ],
    hints: ['Float32’s largest value is about $3.4 \\times 10^{38}$, that is $e^{88.72}$.'],
    solution:
      'With $(88, 87, 0)$ the formula still works, because $e^{88} \\approx 1.65 \\times 10^{38}$ is below the float32 limit; with $(89, 88, 0)$ only $e^{89}$ overflows, and the column reads (NaN, 0, 0): $e^{88}$ and $e^0$ are finite, and a finite number divided by $\\infty$ is 0.',
  },
  {
    id: 'activation-functions/tanh-derivative',
    kind: 'code',
    points: 2,
    starter: [
      '// The derivative of tanh, from tanh itself: tanh\'(z) = 1 - tanh(z)^2.',
      'const tanhPrime = (z: Tensor): Tensor => {',
      '  return z; // replace this line',
      '};',
      'const z = linspace(-3, 3, 7);',
      'console.log(tanhPrime(z));',
    ].join('\n'),
    checks: [
      'const zs = linspace(-4, 4, 17);',
      'expectShape(tanhPrime(zs), [17]);',
      'expectClose(tanhPrime(tensor([0])), [1], { atol: 1e-6 });',
      'const zg = tensor(zs.toArray(), { requiresGrad: true });',
      'zg.tanh().sum().backward();',
      'expectClose(tanhPrime(zs), zg.grad!, { atol: 1e-5 });',
    ].join('\n'),
    hints: ['`z.tanh()` gives $\\tanh z$; `square()` and `neg()` or `mul()` do the rest.', 'One way: `ones(z.shape).sub(z.tanh().square())`.'],
    solution: 'Since $\\tanh\'(z) = 1 - \\tanh^2 z$:\n\n```ts\nconst tanhPrime = (z: Tensor): Tensor => ones(z.shape).sub(z.tanh().square());\n```',
  },
];
