/**
 * Figures the pooling lesson states (lessons/pooling.mdx), read from its text and recomputed with
 * the code the widget uses (poolForwardBackward, sizeSteps), so that neither can drift.
 */
import { describe, expect, it } from 'vitest';
import lessonText from '../../../lessons/pooling.mdx?raw';
import { exercises } from './exercises';
import { arange, nn, ones, randn, Rng } from '../../engine';
import { figureIn, figuresIn } from '../../common/lesson-figures';
import { conv2dParameterCount, linearParameterCount } from '../../ml/shapes/conv';
import { sizeSteps } from '../../ml/shapes/size-arithmetic';
import { poolForwardBackward } from './forward-backward';
import type { PoolMode } from './pool';

/** The lesson and its exercises' solutions (where the answers to its questions now are). */
const lesson = [lessonText, ...exercises.map((e) => e.solution)].join('\n');

const total = (c: { weights: number; biases: number }): number => c.weights + c.biases;
const pooled = (input: number, kernel: number, stride: number, padding = 0) => {
  const r = sizeSteps(input, { kernel, stride, padding, dilation: 1 });
  if (!r.ok) throw new Error(r.reason);
  return r;
};
/** PyTorch's ceil_mode size: ceil instead of floor, minus one if the last window would start in the right padding. */
const ceilSize = (input: number, kernel: number, stride: number, padding = 0): number => {
  let size = Math.ceil((input + 2 * padding - kernel) / stride) + 1;
  if ((size - 1) * stride >= input + padding) size--;
  return size;
};

// The example map and the line preset of the widget (components/pooling/model.ts).
const EXAMPLE = [1, 3, 2, 0, 5, 1, 4, 2, 1, 1, 2, 6, 0, 1, 7, 3, 1, 0, 2, 5, 3, 2, 4, 4, 6, 0, 1, 8, 2, 1, 1, 2, 0, 3, 1, 3];
const line = (col: number): Float64Array => Float64Array.from({ length: 48 }, (_, i) => (i % 8 === col ? 9 : 0));
const run = (mode: PoolMode, map: Float64Array, height: number, width: number, kernel: number, stride: number, padding = 0) => {
  const n = pooled(height, kernel, stride, padding).size * pooled(width, kernel, stride, padding).size;
  return poolForwardBackward({ mode, map, height, width, spec: { kernel, stride, padding }, upstream: new Float64Array(n).fill(1) });
};

/** The figures at the {} places of `template` in the lesson, as numbers. */
const stated = (template: string): number[] => figuresIn(lesson, template).map((f) => f.value);

describe('pooling lesson claims', () => {
  it('2 × 2 pooling with stride 2: 6 → 3, 7 → 3 (2.5 floored), 7 → 4 with ceil_mode; AlexNet 55 → 27 → 13 → 6', () => {
    const [six, sixOut] = stated('gives $\\lfloor {}/2 \\rfloor + 1 = {}$. On a $7 \\times 7$ map');
    expect(pooled(6, 2, 2)).toMatchObject({ numerator: six, size: sixOut, exact: true });
    const [sevenOut, five, half] = stated('it also gives {}: ${}/2 = {}$ is\nfloored');
    expect(pooled(7, 2, 2)).toMatchObject({ numerator: five, size: sevenOut, exact: false, uncoveredReal: 1 });
    expect(five! / 2).toBe(half);
    expect(ceilSize(7, 2, 2)).toBe(figureIn(lesson, '$7 \\times 7$ map\ngives {}, the last window').value);
    const [a, b, c, d] = stated('$55 \\to {} \\to {} \\to {}$');
    expect([55, a!, b!].map((h) => pooled(h, 3, 2).size)).toEqual([a, b, c]);
    expect(d).toBeUndefined();
    expect(pooled(55, 2, 2)).toMatchObject({ size: figureIn(lesson, '`nn.MaxPool2d(2)` gives $\\lfloor (55 - 2)/2 \\rfloor + 1 = {}$').value, exact: false });
  });

  it('MaxPool2d takes dilation, as the lesson says: the engine matches PyTorch and the size formula with d', () => {
    expect(lesson).toContain('`nn.MaxPool2d` takes `dilation` (default 1)');
    // PyTorch 1.13: nn.MaxPool2d(2, dilation=2)(torch.arange(36.).view(1, 1, 6, 6)) is [[14, 16], [26, 28]].
    const y = new nn.MaxPool2d(2, { dilation: 2 }).forward(arange(36).reshape([1, 1, 6, 6]));
    expect(y.shape).toEqual([1, 1, 2, 2]);
    expect([...y.data]).toEqual([14, 16, 26, 28]);
    expect(sizeSteps(6, { kernel: 2, stride: 2, padding: 0, dilation: 2 })).toMatchObject({ ok: true, size: 2 });
  });

  it('the example map’s first window has max 4 and mean 2.5; all-ones backward reaches the stated 9 of 36 cells through max, all 36 (1/4 each) through average', () => {
    const map = Float64Array.from(EXAMPLE);
    const max = run('max', map, 6, 6, 2, 2);
    const avg = run('avg', map, 6, 6, 2, 2);
    expect(max.output[0]).toBe(4);
    expect(avg.output[0]).toBe(2.5);
    const [reached, of] = stated('only {} of the {} input cells receive one');
    expect(max.inputGrad.filter((g) => g !== 0)).toHaveLength(reached!);
    expect(max.inputGrad).toHaveLength(of!);
    expect([...avg.inputGrad].every((g) => g === 0.25)).toBe(true);
    // The window of y[1, 2] holds two 4s; the gradient goes to the first, x[3, 4].
    expect(max.output[1 * 3 + 2]).toBe(4);
    expect([max.inputGrad[3 * 6 + 4], max.inputGrad[3 * 6 + 5]]).toEqual([1, 0]);
  });

  it('question 2: a 4 × 4 map through MaxPool2d(2) sends gradient to four cells; AvgPool2d(2) sends 1/4 to all 16', () => {
    const map = Float64Array.from({ length: 16 }, (_, i) => (i * 7) % 16);
    expect(lesson).toContain('Four: one per window');
    expect(run('max', map, 4, 4, 2, 2).inputGrad.filter((g) => g !== 0)).toHaveLength(4);
    expect([...run('avg', map, 4, 4, 2, 2).inputGrad]).toEqual(new Array(16).fill(0.25));
  });

  it('question 3: AvgPool2d(3, stride=1, padding=1) on ones gives the stated 4/9 at corners, 6/9 at edges and 1 in the middle', () => {
    const [corner, edge] = stated('${}/9$ at the four corners, ${}/9$ at the four edges and 1 in the middle');
    const r = run('avg', new Float64Array(9).fill(1), 3, 3, 3, 1, 1);
    const expected = [corner, edge, corner, edge, 9, edge, corner, edge, corner].map((v) => v! / 9);
    r.output.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 15));
  });

  it('max pooling an all-negative map with padding keeps negative borders (−∞ padding)', () => {
    const map = Float64Array.from([-5, -3, -8, -2, -1, -6, -4, -7, -9, -2, -3, -5, -4, -8, -1, -6]);
    const r = run('max', map, 4, 4, 2, 2, 1);
    expect(r.output.every((v) => v < 0)).toBe(true);
    expect(r.output[0]).toBe(-5);
  });

  it('VGG16’s activations and its first fully connected layer, with and without the last pool, as stated', () => {
    expect([224, 112, 56, 28, 14].map((h) => pooled(h, 2, 2).size)).toEqual(stated('$224 \\to {} \\to {} \\to {} \\to {} \\to {}$'));
    expect([64 * 224 * 224, 64 * 112 * 112]).toEqual(stated('$64 \\times 224 \\times 224 =\n{}$ activations into $64 \\times 112 \\times 112 = {}$'));
    expect(512 * 7 * 7).toBe(figureIn(lesson, '$512 \\times 7 \\times 7 = {}$').value);
    expect(total(linearParameterCount(25_088, 4_096))).toBe(figureIn(lesson, '4{,}096 + 4{,}096 = {}$ parameters').value);
    expect(512 * 14 * 14).toBe(figureIn(lesson, '$512 \\times 14 \\times 14 = {}$').value);
    expect(total(linearParameterCount(100_352, 4_096))).toBe(figureIn(lesson, 'that one layer would need {}.').value);
  });

  it('shifting the bright line one column right changes the stated 12 of 48 inputs and none of the 12 outputs; the next shift moves them', () => {
    const [changed, inputs, outputs] = stated('press "→ right": {} of the {} input values change, but none of the\n{} outputs');
    for (const mode of ['max', 'avg'] as const) {
      const before = line(2);
      const after = line(3);
      expect(after).toHaveLength(inputs!);
      expect(after.filter((v, i) => v !== before[i])).toHaveLength(changed!);
      const y0 = run(mode, before, 6, 8, 2, 2).output;
      const y1 = run(mode, after, 6, 8, 2, 2).output;
      expect(y0).toHaveLength(outputs!);
      expect(y1.filter((v, i) => v !== y0[i])).toHaveLength(0);
      const y2 = run(mode, line(4), 6, 8, 2, 2).output;
      expect(y2.filter((v, i) => v !== y1[i]).length).toBeGreaterThan(0);
    }
  });

  it('dropout keeps the expected value by scaling the kept activations by 1/(1 − p), and does nothing in eval mode', () => {
    // PyTorch 1.13: nn.Dropout(0.25)(torch.ones(10000)) holds only 0 and 1.3333; after .eval() it returns its input.
    const p = figureIn(lesson, 'with\n$p = {}$ a kept 1 becomes').value;
    const dropout = new nn.Dropout(p, { rng: new Rng(5) });
    const y = dropout.forward(ones([10_000]));
    expect(new Set(y.data)).toEqual(new Set([0, Math.fround(1 / (1 - p))]));
    expect(lesson).toContain('a kept 1 becomes $1.\\overline{3}$');
    expect(1 / (1 - p)).toBeCloseTo(4 / 3, 15);
    dropout.eval();
    expect([...dropout.forward(ones([5])).data]).toEqual([1, 1, 1, 1, 1]);
  });

  it('AlexNet: 3,747,200 convolutional and 58,631,144 fully connected parameters, 62,378,344 in all (94 %)', () => {
    const conv = [[3, 96, 11], [96, 256, 5], [256, 384, 3], [384, 384, 3], [384, 256, 3]] as const;
    const fc = [[9216, 4096], [4096, 4096], [4096, 1000]] as const;
    const convTotal = conv.reduce((s, [i, o, k]) => s + total(conv2dParameterCount(i, o, [k, k])), 0);
    const fcTotal = fc.reduce((s, [i, o]) => s + total(linearParameterCount(i, o)), 0);
    expect(convTotal).toBe(3_747_200);
    expect(fcTotal).toBe(58_631_144);
    expect(convTotal + fcTotal).toBe(62_378_344);
    expect(Math.round((100 * fcTotal) / (convTotal + fcTotal))).toBe(94);
  });

  it('the small CNN of the lesson, built in the engine: 896 + 18,496 conv and 2,097,664 + 5,130 dense parameters, 99 % dense, 3 × 32 × 32 → 10', () => {
    const rng = new Rng(7);
    const model = new nn.Sequential(
      new nn.Conv2d(3, 32, 3, { rng, padding: 1 }), new nn.ReLU(), new nn.MaxPool2d(2),
      new nn.Conv2d(32, 64, 3, { rng, padding: 1 }), new nn.ReLU(), new nn.MaxPool2d(2),
      new nn.Dropout(0.25, { rng }),
      new nn.Flatten(),
      new nn.Linear(64 * 8 * 8, 512, { rng }), new nn.ReLU(),
      new nn.Dropout(0.5, { rng }),
      new nn.Linear(512, 10, { rng }),
    );
    const counts = new Map<string, number>();
    for (const [name, p] of model.namedParameters()) {
      const layer = name.split('.')[0] ?? '';
      counts.set(layer, (counts.get(layer) ?? 0) + p.numel());
    }
    const [conv1, conv2, convSum] = stated('have ${} + {} = {}$ parameters');
    const [fc1, fc2, fcSum] = stated('fully connected layers\n${} + {} = {}$: 99 per cent');
    expect([...counts.values()]).toEqual([conv1, conv2, fc1, fc2]);
    expect([conv1! + conv2!, fc1! + fc2!]).toEqual([convSum, fcSum]);
    const all = [...counts.values()].reduce((s, n) => s + n, 0);
    expect(all).toBe(figureIn(lesson, '99 per cent of the {} are in').value);
    expect(`${Math.round((100 * fcSum!) / all)} per cent of the`).toBe('99 per cent of the');
    model.eval();
    expect(model.forward(randn([1, 3, 32, 32], rng)).shape).toEqual([1, 10]);
  });
});
