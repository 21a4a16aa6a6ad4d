/** The hyperparameter-search lesson's exercises (prompts in lessons/hyperparameter-search.mdx). */
import type { ExerciseSpec } from '../exercises';

/** Every exercise of the lesson, in page order. */
export const exercises: readonly ExerciseSpec[] = [
  {
    id: 'hyperparameter-search/grid-distinct-values',
    kind: 'numeric',
    points: 1,
    answer: 7,
    tolerance: { abs: 0 },
    units: 'learning rates',
    hints: ['A budget of $n$ trials affords a $k \\times k$ grid with $k = \\lfloor \\sqrt n \\rfloor$.', 'Every trial of one column of the grid shares its learning rate.'],
    mistakes: [
      { value: 50, feedback: 'That is what random search tries: 50 trials, 50 different learning rates. A grid repeats each of its values once per value of the other parameter.' },
      { value: 49, feedback: 'That is the number of trials of the 7 × 7 grid; its learning rates take only 7 different values, each tried 7 times.' },
    ],
    solution: '$\\lfloor \\sqrt{50} \\rfloor = 7$: a $7 \\times 7$ grid of 49 trials, on only 7 distinct learning rates. Random search with 50 trials tries 50 distinct learning rates.',
  },
  {
    id: 'hyperparameter-search/expected-improvement',
    kind: 'numeric',
    points: 1,
    answer: 0.01978,
    tolerance: { abs: 2e-4 },
    hints: [
      '$z = (f^\\ast - \\mu)/\\sigma = (0.25 - 0.30)/0.10 = -0.5$.',
      '$\\Phi(-0.5) \\approx 0.3085$ and $\\varphi(-0.5) \\approx 0.3521$.',
    ],
    mistakes: [
      { value: 0, feedback: 'The mean is above the best value, but the surrogate is uncertain: part of its distribution lies below 0.25, and that part counts.' },
      { value: -0.05, feedback: 'That is $f^\\ast - \\mu$ alone: expected improvement also averages over the uncertainty, and is never negative.' },
    ],
    solution:
      'With $z = (0.25 - 0.30)/0.10 = -0.5$: $\\mathrm{EI} = (0.25 - 0.30)\\,\\Phi(-0.5) + 0.10\\,\\varphi(-0.5) \\approx -0.05 \\cdot 0.3085 + 0.10 \\cdot 0.3521 \\approx 0.0198$. Positive, although the mean is worse than the best: the uncertainty is worth something.',
  },
  {
    id: 'hyperparameter-search/bo-few-trials',
    kind: 'choice',
    points: 1,
    multiple: false,
    options: [
      { id: 'same', text: 'Exactly what random search does with the same seed', correct: true, feedback: 'Right: its first four trials are random search\'s first four points, before there is a model to fit.' },
      { id: 'better', text: 'Better than random search, since it uses a model', correct: false, feedback: 'There is no model before the first trials: this implementation starts with four random trials.' },
      { id: 'grid', text: 'A 2 × 2 grid', correct: false, feedback: 'Its first trials are random, not a grid.' },
    ],
    hints: ['What can a Gaussian process predict before it has seen any trial?'],
    solution: 'With 4 trials Bayesian optimisation never fits its model: its first four trials are random search\'s first four, so the two are the same, trial for trial (the toy verdict shows equal medians at 4 trials).',
  },
  {
    id: 'hyperparameter-search/grid-alignment',
    kind: 'experiment',
    points: 2,
    widget: 'hyperparameter-search',
    start: { objective: 'toy', budget: 9, seed: 1 },
    mayChange: ['budget'],
    goal: { method: 'grid', atMost: 0.05 },
    hints: [
      'With a budget of 9 the $3 \\times 3$ grid tries $u = 1/6$, $1/2$ and $5/6$. The valley is at $u = 0.62$ and about $0.06$ wide: which $k$ puts a column $(i + 0.5)/k$ close to it?',
      'A budget of $n$ buys a $k \\times k$ grid with $k = \\lfloor \\sqrt n \\rfloor$, so every budget from $k^2$ to $(k + 1)^2 - 1$ gives the same grid. More is not always better.',
    ],
    solution:
      'Any budget from 16 to 24: the $4 \\times 4$ grid has a column at $u = 2.5/4 = 0.625$, where grid search finds 0.006. A budget of 25 fails again: the $5 \\times 5$ grid\'s columns at $0.5$ and $0.7$ straddle the valley, and its best is 0.591. More trials, a worse result: where a grid\'s lines fall matters more than how many there are.',
  },
  {
    id: 'hyperparameter-search/one-race',
    kind: 'experiment',
    points: 2,
    widget: 'hyperparameter-search',
    start: { objective: 'real', budget: 25, seed: 1 },
    mayChange: ['seed'],
    goal: { method: 'random', beats: 'bayes' },
    hints: [
      'The verdict table says Bayesian optimisation found the lower loss for 11 of seeds 1 to 20. The other 9 are there to be found.',
      'Race a seed, read the table\'s best values for Random and Bayesian, and try the next seed if Bayesian is lower.',
    ],
    solution:
      'Seeds 4, 5, 7, 9, 11, 13, 15, 19 and 20 among 1 to 20. With seed 4, random search ends at 0.1407 and Bayesian optimisation at 0.1457. One race is one draw: on this objective the method with the better median loses 9 times in 20.',
  },
  {
    id: 'hyperparameter-search/own-search',
    kind: 'code',
    points: 2,
    starter: [
      '// The toy objective: a narrow valley at u = 0.62; v barely matters.',
      'const f = (u: number, v: number): number => 1 - Math.exp(-((u - 0.62) ** 2) / (2 * 0.06 ** 2)) + 0.02 * v;',
      '// A search strategy: given a budget and a seeded Rng, the points [u, v] in [0, 1]² it tries.',
      'const search = (budget: number, rng: Rng): number[][] => {',
      '  const points: number[][] = [];',
      '  for (let i = 0; i < budget; i++) points.push([rng.random(), rng.random()]); // random search: replace',
      '  return points;',
      '};',
      'const tried = search(9, new Rng(1));',
      'console.log(Math.min(...tried.map(([u, v]) => f(u, v))));',
    ].join('\n'),
    checks: [
      'const bests = Array.from({ length: 20 }, (_, s) => search(9, new Rng(s + 1)));',
      "check('at most 9 points for a budget of 9', bests.every((p) => p.length <= 9), 'a search returned more points than its budget');",
      "check('every point in [0, 1]²', bests.every((p) => p.every((x) => x.length === 2 && x.every((c) => c >= 0 && c <= 1))), 'a point lies outside the unit square');",
      'const values = bests.map((p) => Math.min(...p.map(([u, v]) => f(u!, v!)))).sort((a, b) => a - b);',
      "check('median best below 0.05 over seeds 1 to 20', (values[9]! + values[10]!) / 2 < 0.05, `the median best value is ${((values[9]! + values[10]!) / 2).toFixed(3)}`);",
    ].join('\n'),
    hints: [
      'Random search with 9 trials finds a median best of 0.136 here: it spreads its trials over $v$, which does not matter.',
      'Spend every trial on the axis that matters: 9 values of $u$, with $v = 0$.',
    ],
    solution:
      'Put all nine trials on the important axis, evenly:\n\n```ts\n  for (let i = 0; i < budget; i++) points.push([(i + 0.5) / budget, 0]);\n```\n\nThe point $u = 5.5/9 \\approx 0.611$ lies $0.009$ from the valley, where $f \\approx 0.011$. A grid that knows which parameter matters is nine times finer on it than a 3 × 3 grid; random search gets the same benefit without knowing.',
  },
];
