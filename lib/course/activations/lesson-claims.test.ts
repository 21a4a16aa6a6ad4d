/**
 * Figures the activation-functions lesson states (lessons/activation-functions.mdx), read from the
 * lesson's text and recomputed with the code the widgets use, so that neither can drift.
 */
import { describe, expect, it } from 'vitest';
import lessonText from '../../../lessons/activation-functions.mdx?raw';
import { binaryCrossEntropyWithLogits, tensor } from '../../engine';
import { figureIn, figuresIn, writtenLike } from '../../common/lesson-figures';
import { ACTIVATIONS, DEFAULT_ACTIVATION_PARAMS } from '../../ml/activations/functions';
import { saturatedIntervals } from './saturation';
import { exercises } from './exercises';
import { softmax } from './softmax';
import { FLOAT32_EXP_LIMIT, softmaxColumns } from './softmax-float32';

/** The lesson and its exercises' solutions (where the answers to its questions now are). */
const lesson = [lessonText, ...exercises.map((e) => e.solution)].join('\n');
const p = DEFAULT_ACTIVATION_PARAMS;
const sigmoidPrime = (z: number): number => ACTIVATIONS.sigmoid.derivative(z, p);
const tanhPrime = (z: number): number => ACTIVATIONS.tanh.derivative(z, p);

/** Where the explorer's shading begins on the right: |f'(z)| < ε beyond it. */
function saturationEdge(derivative: (z: number) => number, eps: number): number {
  const right = saturatedIntervals(derivative, eps, -20, 20).find((i) => i.openRight);
  if (!right) throw new Error('no saturated region on the right');
  return right.from;
}

/** Expects the figure at `{}` in `template` to be `computed`, rounded as the lesson rounds it. */
function expectFigure(template: string, computed: number): void {
  const figure = figureIn(lesson, template);
  expect(writtenLike(computed, figure), `the lesson's "${template}" with {} = ${figure.text}`).toBe(figure.canonical);
}

describe('activation lesson claims', () => {
  it('σ′(z) < 0.01 beyond the threshold the lesson states, and σ′(10) as it states', () => {
    expectFigure("$\\sigma'(z) < 0.01$ once $|z| > {}$", saturationEdge(sigmoidPrime, 0.01));
    expectFigure("$\\sigma'(10) \\approx {}$", sigmoidPrime(10));
    expect(lesson).toContain("where $\\sigma'(0) = \\tfrac14$");
    expect(sigmoidPrime(0)).toBe(0.25);
  });

  it('question 2: with ε = 0.001 the sigmoid and tanh saturate beyond the thresholds the answer gives', () => {
    const [sigmoidEdge, tanhEdge] = figuresIn(lesson, 'About $|z| > {}$ (tanh: $|z| > {}$)');
    expect(writtenLike(saturationEdge(sigmoidPrime, 0.001), sigmoidEdge!)).toBe(sigmoidEdge!.canonical);
    expect(writtenLike(saturationEdge(tanhPrime, 0.001), tanhEdge!)).toBe(tanhEdge!.canonical);
    const [half, shift] = figuresIn(lesson, 'Halving 6.91 gives {}; the factor 4 adds about $\\tfrac12 \\ln 4 \\approx {}$');
    expect(writtenLike(saturationEdge(sigmoidPrime, 0.001) / 2, half!)).toBe(half!.canonical);
    expect(writtenLike(0.5 * Math.log(4), shift!)).toBe(shift!.canonical);
  });

  it('tanh′(z) = 4σ′(2z)', () => {
    for (const z of [-3, -0.5, 0, 0.7, 2.5]) expect(tanhPrime(z)).toBeCloseTo(4 * sigmoidPrime(2 * z), 14);
  });

  it('swish dips to the minimum the lesson states, where it states, and its largest slope is as the table says', () => {
    const swish = (z: number): number => ACTIVATIONS.swish.value(z, { alpha: 0.01, beta: 1 });
    let min = Infinity;
    let argMin = 0;
    let maxSlope = -Infinity;
    for (let z = -5; z <= 10; z += 1e-4) {
      const v = swish(z);
      if (v < min) (min = v), (argMin = z);
      maxSlope = Math.max(maxSlope, ACTIVATIONS.swish.derivative(z, { alpha: 0.01, beta: 1 }));
    }
    const [value, at] = figuresIn(lesson, 'it dips to a minimum of about ${}/\\beta$ at\n$z \\approx {}/\\beta$');
    expect(writtenLike(min, value!)).toBe(value!.canonical);
    expect(writtenLike(argMin, at!)).toBe(at!.canonical);
    expectFigure('| about $[-0.278/\\beta, \\infty)$ | about {} |', maxSlope);
  });

  it('question 3 and the widget: softmax(1000, 999, −1000) and its naive column (NaN, NaN, 0) in float32', () => {
    const [p1, p2, p3] = figuresIn(lesson, '2. About $({}, {}, {})$');
    const columns = softmaxColumns([1000, 999, -1000], 0, 1);
    columns.stable.forEach((pi, i) => expect(writtenLike(pi, [p1, p2, p3][i]!)).toBe([p1, p2, p3][i]!.canonical));
    expect(softmax([1000, 999, -1000]).map((v) => v.toFixed(3))).toEqual(columns.stable.map((v) => v.toFixed(3)));
    expect(lesson).toContain('the column reads\n   (NaN, NaN, 0)');
    expect(columns.naive.map(String)).toEqual(['NaN', 'NaN', '0']);
    expect(lesson).toContain('the column reads (NaN, 0, 0)');
    expect(softmaxColumns([89, 88, 0], 0, 1).naive.map(String)).toEqual(['NaN', '0', '0']);
    expect(softmaxColumns([88, 87, 0], 0, 1).naive.every(Number.isFinite)).toBe(true);
    expectFigure('$e^{88} \\approx {}$', Math.fround(Math.exp(88)));
  });

  it('float32 overflow: e^x passes the largest float32 above the stated threshold; float64 at the stated e^{709.78}', () => {
    expectFigure('The largest float32 is about\n${}$', 3.4028234663852886e38);
    expectFigure('$e^{x}$ passes it once $x > {}$', FLOAT32_EXP_LIMIT);
    expectFigure('reaches about ${}$', Number.MAX_VALUE);
    expectFigure('that is $e^{{}}$', Math.log(Number.MAX_VALUE));
    expect(Math.exp(709.79)).toBe(Infinity);
  });

  it('a logit of 20 and target 0: BCE with logits gives the stated loss (the engine and PyTorch agree)', () => {
    const loss = binaryCrossEntropyWithLogits(tensor([20]), tensor([0])).item();
    expectFigure('For a logit of 20 and target 0 the loss is {}', loss);
    expect(Math.fround(1 / (1 + Math.exp(-20)))).toBe(1); // σ(20) rounds to 1 in float32
  });

  it('question 1: ten linear layers 20 → 100 → … → 5 collapse to one layer with the stated count', () => {
    expectFigure('${} \\times 5 + 5 = 105$: one weight matrix', 20);
    expectFigure('$20 \\times 5 + 5 = {}$: one weight matrix', 20 * 5 + 5);
  });
});
