/** The cnn-sizes lesson's exercises (prompts in lessons/cnn-sizes.mdx). */
import type { ExerciseSpec } from '../exercises';

/** Every exercise of the lesson, in page order. */
export const exercises: readonly ExerciseSpec[] = [
  {
    id: 'cnn-sizes/resnet-stem-shape',
    kind: 'shape',
    points: 1,
    answer: [8, 64, 112, 112],
    hints: ['The batch stays 8 and the channels become out_channels.', '$\\lfloor (224 + 2 \\cdot 3 - 7)/2 \\rfloor + 1$.'],
    mistakes: [
      { value: [8, 64, 109, 109], feedback: 'That forgets the padding of 3 on each side: the padded image is 230 wide.' },
      { value: [8, 64, 113, 113], feedback: 'That rounds $111.5$ up; PyTorch floors, so the last row of the padded input is never covered.' },
      { value: [64, 112, 112], feedback: 'Right size, but the batch dimension is missing: the input is a batch of 8.' },
    ],
    solution:
      '$\\lfloor (224 + 6 - 6 - 1)/2 \\rfloor + 1 = \\lfloor 111.5 \\rfloor + 1 = 112$, so the output is $(8, 64, 112, 112)$. The last row of the padded input is never covered.',
  },
  {
    id: 'cnn-sizes/resnet-stem-parameters',
    kind: 'numeric',
    points: 1,
    answer: 9_408,
    tolerance: { abs: 0 },
    units: 'parameters',
    hints: ['64 filters, each reading 3 channels through a $7 \\times 7$ window, and `bias=False`.'],
    mistakes: [{ value: 9_472, feedback: 'That adds 64 biases, but the layer is built with `bias=False`.' }],
    solution: '$64 \\cdot 3 \\cdot 49 = 9{,}408$ weights and no biases: 9,408 parameters.',
  },
  {
    id: 'cnn-sizes/vgg-in-features',
    kind: 'numeric',
    points: 1,
    answer: 25_088,
    tolerance: { abs: 0 },
    units: 'features',
    hints: ['Flatten turns $(512, 7, 7)$ into one vector per image: how long is it?'],
    mistakes: [
      { value: 32_768, feedback: 'That is $512 \\cdot 8 \\cdot 8$, what a $256 \\times 256$ image leaves. The question is about $224 \\times 224$.' },
      { value: 3_584, feedback: 'That is $512 \\cdot 7$: Flatten multiplies all three dimensions.' },
    ],
    solution:
      '$512 \\cdot 7 \\cdot 7 = 25{,}088$. A $256 \\times 256$ image leaves $(512, 8, 8)$ after the pools; without the adaptive pool, Flatten gives 32,768 numbers and the widget reports “Linear expects in_features = 32768 (512 × 8 × 8), got 25088”. With it, the $8 \\times 8$ map is averaged down to $7 \\times 7$ and the classifier works unchanged.',
  },
  {
    id: 'cnn-sizes/conv-as-linear',
    kind: 'numeric',
    points: 1,
    answer: 37_752_832,
    tolerance: { abs: 0 },
    units: 'parameters',
    hints: ['The kernel covers the whole $(256, 6, 6)$ map: each of the 4096 filters has $256 \\cdot 36$ weights and a bias.'],
    mistakes: [{ value: 37_748_736, feedback: 'That counts the weights only: add the 4096 biases.' }],
    solution:
      'A $6 \\times 6$ kernel on the $(256, 6, 6)$ map fits exactly once: the output is $(N, 4096, 1, 1)$. The layer has $4096 \\cdot 256 \\cdot 36 + 4096 = 37{,}752{,}832$ parameters, exactly as many as the Linear layer: a convolution whose window covers the whole input *is* a fully connected layer.',
  },
  {
    id: 'cnn-sizes/parameters-and-arithmetic',
    kind: 'choice',
    points: 1,
    multiple: false,
    options: [
      { id: 'split', text: 'Most parameters are in the Linear layers; most multiply-adds are in the convolutions', correct: true, feedback: 'Right: 94.0 % of the parameters and 94.8 % of the arithmetic, in different places.' },
      { id: 'both-conv', text: 'Both are mostly in the convolutions', correct: false, feedback: 'The convolutions do most of the arithmetic, but their filters are small: the Linear layers hold most of the parameters.' },
      { id: 'both-linear', text: 'Both are mostly in the Linear layers', correct: false, feedback: 'The Linear layers hold most of the parameters, but each weight is used once per image; a filter is used at every position.' },
      { id: 'reverse', text: 'Most parameters are in the convolutions; most multiply-adds are in the Linear layers', correct: false, feedback: 'It is the other way round: a filter is small but used at every position of a large image.' },
    ],
    hints: ['A filter’s weight is used once per position of the output; a Linear weight once per image.'],
    solution:
      '94.0 % of the parameters are in the three Linear layers, and 94.8 % of the 1.14 billion multiply-adds are in the five convolutions. A convolution’s filter is small but is applied at every position of a large image; a Linear weight is used once per image, but there is one for every pair of input and output.',
  },
  {
    id: 'cnn-sizes/flatten-features',
    kind: 'code',
    points: 2,
    starter: [
      'const rng = new Rng(0);',
      '// VGG16’s last feature map for a batch of 2 images.',
      'const features = randn([2, 512, 7, 7], rng);',
      '// Flatten everything but the batch, then build a Linear layer to 10 classes.',
      'const flat = features; // flatten here',
      'const fc = new nn.Linear(1, 10, { rng }); // fix in_features',
      'const out = fc.forward(flat);',
    ].join('\n'),
    checks: ['expectShape(flat, [2, 25088]);', 'expectShape(out, [2, 10]);'].join('\n'),
    hints: ['`features.flatten(1)` keeps dimension 0 (the batch) and flattens the rest.', 'in_features is $512 \\cdot 7 \\cdot 7$.'],
    solution: '```ts\nconst flat = features.flatten(1);\nconst fc = new nn.Linear(512 * 7 * 7, 10, { rng });\n```',
  },
];
