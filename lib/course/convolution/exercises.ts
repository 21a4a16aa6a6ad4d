/** The convolution lesson's exercises (prompts in lessons/convolution.mdx). */
import type { ExerciseSpec } from '../exercises';

/** Every exercise of the lesson, in page order. */
export const exercises: readonly ExerciseSpec[] = [
  {
    id: 'convolution/lenet-shape',
    kind: 'shape',
    points: 1,
    answer: [6, 28, 28],
    hints: ['Each filter gives one output channel: how many filters does `nn.Conv2d(1, 6, 5)` have?', 'Use $H_\\text{out} = \\lfloor (H + 2p - k)/s \\rfloor + 1$ with $p = 0$, $s = 1$.'],
    mistakes: [
      { value: [6, 27, 27], feedback: 'One short: a $5 \\times 5$ window fits $32 - 5 + 1 = 28$ times along each side.' },
      { value: [1, 28, 28], feedback: 'The height and width are right, but the channels are the layer’s out_channels, 6, not its in_channels.' },
      { value: [6, 32, 32], feedback: 'That would need padding 2; `nn.Conv2d(1, 6, 5)` has padding 0, so the image shrinks by 4.' },
    ],
    solution: '$H_\\text{out} = \\lfloor (32 - 4 - 1)/1 \\rfloor + 1 = 28$, so the output is $6 \\times 28 \\times 28$.',
  },
  {
    id: 'convolution/lenet-parameters',
    kind: 'numeric',
    points: 1,
    answer: 156,
    tolerance: { abs: 0 },
    units: 'parameters',
    hints: ['Each of the 6 filters has one weight per input channel and kernel position, plus one bias.'],
    mistakes: [{ value: 150, feedback: 'That counts the weights only: each of the 6 filters also has a bias.' }],
    solution: '$(1 \\cdot 5 \\cdot 5 + 1) \\cdot 6 = 156$.',
  },
  {
    id: 'convolution/stride-two-size',
    kind: 'shape',
    points: 1,
    answer: [4, 4],
    hints: ['$H_\\text{out} = \\lfloor (H - k)/s \\rfloor + 1$ with $H = 10$, $k = 3$, $s = 2$.', '$(10 - 3)/2 = 3.5$: what does the floor make of it?'],
    mistakes: [
      { value: [5, 5], feedback: 'That rounds 3.5 up. PyTorch floors: a window that would run past the edge is not taken.' },
      { value: [8, 8], feedback: 'That is the size with stride 1; stride 2 takes every other window.' },
    ],
    solution:
      '$\\lfloor (10 - 2 - 1)/2 \\rfloor + 1 = \\lfloor 3.5 \\rfloor + 1 = 4$, so $4 \\times 4$. The windows start at rows 0, 2, 4 and 6 and the last one covers rows 6–8: row 9 and, likewise, column 9 are never read.',
  },
  {
    id: 'convolution/wide-layer-parameters',
    kind: 'numeric',
    points: 1,
    answer: 73_856,
    tolerance: { abs: 0 },
    units: 'parameters',
    hints: ['A filter reads all 64 input channels through a $3 \\times 3$ window; there are 128 filters, each with a bias.'],
    mistakes: [
      { value: 73_728, feedback: 'That counts the weights only: add one bias per output channel (128).' },
      { value: 1_152, feedback: 'That is one filter’s weights ($64 \\cdot 3 \\cdot 3$ plus nothing): the layer has 128 filters, each with a bias.' },
    ],
    solution: '$(64 \\cdot 3 \\cdot 3 + 1) \\cdot 128 = 73{,}856$, for any image size: the weights are shared across positions. Only the size of the output, and the computation, grow with the image.',
  },
  {
    id: 'convolution/parameters-and-image-size',
    kind: 'choice',
    points: 1,
    multiple: false,
    options: [
      { id: 'same', text: 'No: the count is the same for $32 \\times 32$ and $224 \\times 224$ images', correct: true, feedback: 'Right: the same filters slide over every position.' },
      { id: 'grows', text: 'Yes: a larger image needs more weights', correct: false, feedback: 'The weights are shared across positions: the image size changes the output’s size and the arithmetic, not the weights.' },
      { id: 'shrinks', text: 'Yes: a smaller image needs fewer weights, since fewer windows fit', correct: false, feedback: 'Fewer windows fit, but every window uses the same filter: the weights do not depend on how many windows there are.' },
    ],
    hints: ['Does the formula $(C_\\text{in} k^2 + 1) C_\\text{out}$ mention the image size?'],
    solution: 'No. A convolution’s weights are shared across positions, so $(64 \\cdot 3 \\cdot 3 + 1) \\cdot 128$ holds for any image size; only the output and the computation grow.',
  },
  {
    id: 'convolution/sobel-stride-two',
    kind: 'code',
    points: 2,
    starter: [
      '// A flat 10 x 10 image (every pixel 0.5) and the Sobel x kernel, as (N, C, H, W) and (C_out, C_in, k, k).',
      'const image = full([1, 1, 10, 10], 0.5);',
      'const sobelX = tensor([[[[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]]]);',
      '// Convolve with stride 2 and no padding.',
      'const edges = conv2d(image, sobelX); // fix the options',
      'console.log(edges.shape);',
    ].join('\n'),
    checks: ['expectShape(edges, [1, 1, 4, 4]);', 'expectClose(edges, zeros([1, 1, 4, 4]), { atol: 1e-6 });'].join('\n'),
    hints: ['`conv2d(input, weight, bias?, options)` takes `{ stride, padding }` as PyTorch’s F.conv2d does.', 'Pass `null` for the bias: `conv2d(image, sobelX, null, { stride: 2 })`.'],
    solution:
      'Stride 2 gives $\\lfloor (10 - 3)/2 \\rfloor + 1 = 4$ positions each way, and the Sobel weights sum to 0, so a flat image gives 0 everywhere:\n\n```ts\nconst edges = conv2d(image, sobelX, null, { stride: 2 });\n```',
  },
];
