/** The overfitting-and-dropout lesson's exercises (prompts in lessons/overfitting-and-dropout.mdx). */
import type { ExerciseSpec } from '../exercises';

/** Every exercise of the lesson, in page order. */
export const exercises: readonly ExerciseSpec[] = [
  {
    id: 'overfitting-and-dropout/dropout-scaling',
    kind: 'numeric',
    points: 1,
    answer: 6.25,
    tolerance: { abs: 1e-9 },
    hints: ['In training mode, the elements that are kept are scaled so that the expected output equals the input.', 'The scale is $1/(1 - p)$.'],
    mistakes: [
      { value: 5, feedback: 'That is the input unchanged, what evaluation mode gives. In training mode the kept elements are scaled by $1/(1 - p)$.' },
      { value: 4, feedback: 'That multiplies by $1 - p = 0.8$. PyTorch scales the kept elements up, by $1/(1 - p)$, during training, so that evaluation needs no change.' },
    ],
    solution:
      'The kept elements are multiplied by $1/(1 - 0.2) = 1.25$: the output is $(1.25, 0, 3.75, 5, 6.25)$, so the fifth element is $6.25$. In evaluation mode the layer returns $(1, 2, 3, 4, 5)$ unchanged.',
  },
  {
    id: 'overfitting-and-dropout/changing-validation',
    kind: 'choice',
    points: 1,
    multiple: false,
    options: [
      { id: 'no-eval', text: 'The model is still in training mode: `model.eval()` was not called', correct: true, feedback: 'Right: dropout then thins the network differently on every forward pass.' },
      { id: 'learning-rate', text: 'The learning rate is too high', correct: false, feedback: 'Evaluation does not train: the learning rate plays no part in it.' },
      { id: 'shuffle', text: 'The validation set is shuffled before each evaluation', correct: false, feedback: 'Accuracy does not depend on the order of the examples.' },
    ],
    hints: ['The model is trained and fixed. What in it can still be random at evaluation?'],
    solution:
      'The model is still in training mode: `model.eval()` was not called, so dropout thins the network differently on every forward pass, and the accuracy changes with it. In this lesson, forgetting `eval()` dropped the validation accuracy of the trained network from 91.2 % to 82.8 %.',
  },
  {
    id: 'overfitting-and-dropout/fc-share',
    kind: 'numeric',
    points: 1,
    answer: 88.8,
    tolerance: { abs: 0.6 },
    units: '%',
    hints: ['Count each layer’s weights and biases: a `Conv2d(c, k, 3)` has $k \\cdot c \\cdot 9 + k$, a `Linear(n, m)` has $m \\cdot n + m$.', 'The two convolutions have 80 and 1,168 parameters.'],
    mistakes: [{ value: 11.2, feedback: 'That is the convolutions’ share. The question asks for the fully connected layers’.' }],
    solution:
      'The convolutions have $8 \\cdot 1 \\cdot 9 + 8 = 80$ and $16 \\cdot 8 \\cdot 9 + 16 = 1{,}168$ parameters; the `Linear` layers $64 \\cdot 144 + 64 = 9{,}280$ and $10 \\cdot 64 + 10 = 650$. That is $9{,}930$ of $11{,}178$, 88.8 %: the fully connected layers are where the network can memorise, so that is where dropout goes.',
  },
  {
    id: 'overfitting-and-dropout/train-and-eval',
    kind: 'code',
    points: 2,
    starter: [
      'const rng = new Rng(0);',
      'const drop = new nn.Dropout(0.2, { rng });',
      'const x = tensor([1, 2, 3, 4, 5]);',
      '// A new module is in training mode, as in PyTorch.',
      'const trained = drop.forward(x);',
      '// Switch the layer to evaluation mode, and pass x through it again.',
      'const evaluated = trained; // replace',
    ].join('\n'),
    checks: [
      "check('in training mode each element is dropped or scaled by 1/(1 − p)', Array.from(trained.data).every((v, i) => v === 0 || Math.abs(v - 1.25 * (i + 1)) < 1e-6), `expected 0 or 1.25 x for each element, got ${trained}`);",
      "check('the layer is in evaluation mode', !drop.training, 'expected drop.training to be false: call drop.eval()');",
      'expectClose(evaluated, x);',
    ].join('\n'),
    hints: ['`drop.eval()` switches the layer (and, on a model, every layer in it) to evaluation mode.'],
    solution: '```ts\ndrop.eval();\nconst evaluated = drop.forward(x);\n```\n\nIn evaluation mode dropout is the identity: `evaluated` is $x$ itself, and `drop.train()` would switch it back.',
  },
  {
    id: 'overfitting-and-dropout/dropout-rate',
    kind: 'experiment',
    points: 2,
    widget: 'dropout-training',
    start: { n: 200, p: 0.5, at: 'fc', wd: 0, epochs: 20, lr: 0.003, seed: 1 },
    mayChange: ['p', 'at'],
    goal: { run: 'b', metric: 'validationLoss', target: 0.65, epochs: 20 },
    hints: [
      'Compare run B with run A first: on 200 digits, how much does p = 0.5 lower the validation loss?',
      'With ten times fewer digits than units to drop, a strong dropout slows learning as much as it curbs overfitting. Try a smaller p, and look at where the dropout goes.',
    ],
    solution:
      'A weaker dropout between the fully connected layers: with $p = 0.25$ run B ends at a validation loss of 0.600, against 0.705 with $p = 0.5$ and 0.732 for run A, without dropout; $p = 0.2$ and $p = 0.3$ pass too. On 200 digits a strong dropout slows the learning as much as it curbs the overfitting. Dropout after the pools does worse here: the convolutions have few weights to regularise, and a dropped value of a feature map is mostly recovered from its neighbours.',
  },
  {
    id: 'overfitting-and-dropout/shifts-or-dropout',
    kind: 'experiment',
    points: 2,
    widget: 'dropout-training',
    start: { n: 100, p: 0.5, at: 'fc', wd: 0, epochs: 60, lr: 0.003, seed: 1, shift: 0 },
    mayChange: ['p', 'at', 'shift'],
    goal: { run: 'b', metric: 'validationAccuracy', target: 0.77, epochs: 60 },
    hints: [
      'Run A has no remedy and run B starts with dropout: compare their validation accuracy after 60 epochs. Does another dropout rate or placement do much better?',
      'Dropout changes the network. The other remedy in run B’s controls changes the data: a shifted 3 is still a 3.',
    ],
    solution:
      'Random shifts of up to 1 pixel: without dropout (placement “No dropout”) run B ends its 60 epochs at a validation accuracy of 78.4 %, and with $p = 0.25$ between the fully connected layers as well at 78.6 %. Dropout alone does not get there: run B starts at 74.0 % with $p = 0.5$, the best of the widget’s rates and placements ($p = 0.25$ after each pool) ends at 75.8 %, and run A, without a remedy, ends at 73.8 %. With 10 digits of each class, the network learns the exact pixels of its training digits; shifted copies are new examples of the same digits, which is what it lacks. Shifts of up to 2 pixels end at 73.4 %: MNIST’s digits fill a box of about $10 \\times 10$ pixels in the middle of the $14 \\times 14$ image, so moves of two pixels take ink to its edge, and the network learns from them more slowly. These are seed 1’s runs, and seed 1 is the luckiest of five: over seeds 1 to 5 (the lesson’s section on shifted digits), shifts of up to 1 pixel lowered the validation loss on 100 digits after 60 epochs in 4 seeds but raised the accuracy in only 2.',
  },
  {
    id: 'overfitting-and-dropout/claim-median',
    kind: 'numeric',
    points: 2,
    // The median over seeds 1 to 4 of run B's minus run A's final validation loss at 300 digits, from the lesson's runs (claim-lesson.node.test.ts computes it).
    answer: -0.055,
    tolerance: { abs: 0.0015 },
    hints: [
      'Untick every training size but 300, set the seeds to 4 and the epochs to 30, and press Run: eight runs.',
      'In the table, the first number under Final validation loss is the median over the seeds (with four seeds, the mean of the middle two). A negative difference means dropout lowered the loss.',
    ],
    mistakes: [{ value: 0.055, feedback: 'That is the size of the difference without its sign: run B minus run A is negative when dropout lowers the loss.' }],
    solution:
      'Seeds 1 to 4 give differences of −0.203, −0.081, +0.130 and −0.028: the median, the mean of the middle two, is −0.055, and dropout lowered the final validation loss in 3 of the 4 seeds. Over five seeds (the lesson’s table) the median at 300 digits is −0.045, in 4 of 5 seeds: a few seeds are few, and one of them went the other way.',
  },
];
