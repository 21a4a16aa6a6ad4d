/** The rnn-shapes lesson's exercises (prompts in lessons/rnn-shapes.mdx). */
import type { ExerciseSpec } from '../exercises';

/** Every exercise of the lesson, in page order. */
export const exercises: readonly ExerciseSpec[] = [
  {
    id: 'rnn-shapes/bidirectional-output',
    kind: 'shape',
    points: 1,
    answer: [32, 50, 1024],
    hints: ['With `batch_first=True`, `output` is $(N, L, D \\cdot H_{out})$.', 'Bidirectional means $D = 2$: both directions’ states are concatenated.'],
    mistakes: [
      { value: [50, 32, 1024], feedback: 'That is the layout with batch_first=False; this RNN has batch_first=True, so the batch comes first.' },
      { value: [32, 50, 512], feedback: 'That is one direction: a bidirectional RNN concatenates both, $2 \\cdot 512$ features.' },
    ],
    solution: '`input` is $(32, 50, 300)$, that is $(N, L, H_{in})$, and `output` is $(32, 50, 1024)$: $D \\cdot H_{out} = 2 \\cdot 512$.',
  },
  {
    id: 'rnn-shapes/bidirectional-h-n',
    kind: 'shape',
    points: 1,
    answer: [4, 32, 512],
    hints: ['`h_n` is $(D \\cdot \\text{num\\_layers}, N, H_{out})$.', 'batch_first does not apply to `h_n`.'],
    mistakes: [
      { value: [32, 4, 512], feedback: 'batch_first does not apply to `h_n`: its first dimension is always $D \\cdot \\text{num\\_layers}$.' },
      { value: [2, 32, 512], feedback: 'That counts the layers but not the directions: $D \\cdot \\text{num\\_layers} = 2 \\cdot 2 = 4$.' },
      { value: [4, 32, 1024], feedback: 'Each entry of `h_n` is one direction of one layer, $H_{out} = 512$; only `output` concatenates the two directions.' },
    ],
    solution: '`h_n` is $(4, 32, 512)$: batch_first does not apply to `h_n`, and $D \\cdot \\text{num\\_layers} = 2 \\cdot 2 = 4$.',
  },
  {
    id: 'rnn-shapes/bidirectional-parameters',
    kind: 'numeric',
    points: 1,
    answer: 2_408_448,
    tolerance: { abs: 0 },
    units: 'parameters',
    hints: [
      'Each direction of each layer has $W_{ih}$, $W_{hh}$ and two biases of 512.',
      'Layer 1 reads the concatenated output of layer 0: 1024 features, not 300.',
    ],
    mistakes: [
      { value: 1_667_072, feedback: 'That gives layer 1 an input of 300 features. Layer 1 reads layer 0’s output: both directions, 1024 features.' },
      { value: 942_080, feedback: 'That is one direction: a bidirectional RNN has a second set of weights for the reverse direction.' },
    ],
    solution:
      'Layer 0 has $2 \\times (512 \\cdot 300 + 512^2 + 2 \\cdot 512) = 833{,}536$, layer 1 reads 1,024 features and has $2 \\times (512 \\cdot 1024 + 512^2 + 2 \\cdot 512) = 1{,}574{,}912$, so $2{,}408{,}448$ in all.',
  },
  {
    id: 'rnn-shapes/dropout-one-layer',
    kind: 'choice',
    points: 1,
    multiple: false,
    options: [
      { id: 'nothing', text: 'Nothing: dropout applies between layers, and there is only one', correct: true, feedback: 'Right, and PyTorch warns about it when the module is built.' },
      { id: 'inputs', text: 'It drops half of the input features at every step', correct: false, feedback: 'nn.RNN never drops its input: its dropout acts on the outputs of every layer but the last.' },
      { id: 'hidden', text: 'It drops half of the hidden state between steps', correct: false, feedback: 'nn.RNN has no dropout between time steps; its dropout acts between layers.' },
      { id: 'output', text: 'It drops half of `output`', correct: false, feedback: 'The last layer’s output is never dropped; here the only layer is the last.' },
    ],
    hints: ['PyTorch’s documentation: “dropout on the outputs of each RNN layer except the last layer”.'],
    solution: 'Nothing: dropout is applied to the outputs of every layer but the last, and there is only one layer. PyTorch warns about exactly this when the module is built.',
  },
  {
    id: 'rnn-shapes/longer-sequence',
    kind: 'choice',
    points: 1,
    multiple: true,
    options: [
      { id: 'output-grows', text: '`output` grows from $(5, N, 20)$ to $(500, N, 20)$', correct: true, feedback: '`output` has one row per time step.' },
      { id: 'h-n-same', text: '`h_n` stays $(2, N, 20)$', correct: true, feedback: '`h_n` holds one state per layer, at the last step only.' },
      { id: 'params-same', text: 'The number of parameters stays 1,480', correct: true, feedback: 'Every step uses the same weights.' },
      { id: 'h-n-grows', text: '`h_n` grows to $(500, N, 20)$', correct: false, feedback: '`h_n` has one entry per layer (and direction), not per step.' },
      { id: 'params-grow', text: 'The parameters grow with the sequence', correct: false, feedback: 'The weights are shared across time steps: the count does not depend on the length.' },
    ],
    hints: ['Which of `output`, `h_n` and the weights has one entry per time step?'],
    solution: '`output` grows from $(5, N, 20)$ to $(500, N, 20)$; `h_n` stays $(2, N, 20)$, one state per layer; the parameters stay 1,480, because every step uses the same weights.',
  },
  {
    id: 'rnn-shapes/batch-first-call',
    kind: 'code',
    points: 2,
    starter: [
      'const rng = new Rng(0);',
      '// A batch of 3 sequences of 5 steps, 10 features each, batch first.',
      'const input = randn([3, 5, 10], rng);',
      '// Build an nn.RNN with 20 hidden units and 2 layers that reads this input, and run it.',
      'const rnn = new nn.RNN(10, 20, { numLayers: 2, rng });',
      'const [output, hN] = rnn.forward(input);',
    ].join('\n'),
    checks: ['expectShape(output, [3, 5, 20]);', 'expectShape(hN, [2, 3, 20]);'].join('\n'),
    hints: ['Without `batchFirst`, nn.RNN reads dimension 0 as time: this input would be 3 steps of a batch of 5.', 'Add `batchFirst: true` to the options.'],
    solution: '```ts\nconst rnn = new nn.RNN(10, 20, { numLayers: 2, batchFirst: true, rng });\n```\n\n`output` is $(N, L, H_{out}) = (3, 5, 20)$ and `h_n` stays $(\\text{num\\_layers}, N, H_{out}) = (2, 3, 20)$.',
  },
];
