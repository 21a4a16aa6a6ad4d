/**
 * Figures the backpropagation lesson states (lessons/backpropagation.mdx), read from its text and
 * recomputed with the engine and the code the widgets use, so that neither can drift.
 */
import { describe, expect, it } from 'vitest';
import lesson from '../../../lessons/backpropagation.mdx?raw';
import { zeros } from '../../engine';
import { figureIn, figuresIn, writtenLike } from '../../common/lesson-figures';
import { buildGraph, gradientsAfter } from './graph';
import { errorAgainstStep, gradientCheck } from './gradient-check';
import { lossesAt } from './losses';
import { GRAPH_PRESETS } from './presets';

/** Expects the figures at the `{}` places of `template` to be `computed`, rounded as the lesson rounds them. */
function expectFigures(template: string, ...computed: number[]): void {
  const found = figuresIn(lesson, template);
  expect(found.length, template).toBe(computed.length);
  found.forEach((figure, i) => expect(writtenLike(computed[i]!, figure), `the lesson's "${template}" with {} = ${figure.text}`).toBe(figure.canonical));
}

const gradOf = (g: ReturnType<typeof buildGraph>, name: string): number => g.trace.nodes.find((n) => n.name === name)!.grad![0]!;
const network = GRAPH_PRESETS.find((p) => p.id === 'network')!;

describe('backpropagation lesson claims', () => {
  it('the worked example (a*b + c).tanh() at a = 0.5, b = −2, c = 1.5: forward values and every gradient', () => {
    const preset = GRAPH_PRESETS.find((p) => p.id === 'tanh')!;
    expect(lesson).toContain('With $a = 0.5$, $b = -2$ and $c = 1.5$');
    expect(preset.values).toEqual({ a: 0.5, b: -2, c: 1.5 });
    const g = buildGraph(preset.expression, preset.values);
    const value = (op: string): number => g.trace.nodes.find((n) => n.op === op)!.value[0]!;
    expectFigures('the forward pass gives $u = {}$, $z = {}$ and $y = \\tanh 0.5 \\approx {}$', value('mul'), value('add'), value('tanh'));
    const zbar = g.trace.nodes.find((n) => n.op === 'add')!.grad![0]!;
    expectFigures('\\bar z &= \\bar y\\,(1 - \\tanh^2 z) \\approx {}', zbar);
    expectFigures('\\bar u &= \\bar z \\cdot 1 \\approx {}, \\qquad \\bar c = \\bar z \\cdot 1 \\approx {}', g.trace.nodes.find((n) => n.op === 'mul')!.grad![0]!, gradOf(g, 'c'));
    expectFigures('\\bar a &= \\bar u \\cdot b \\approx {}, \\qquad \\bar b = \\bar u \\cdot a \\approx {}', gradOf(g, 'a'), gradOf(g, 'b'));
    expectFigures('lowers $y$ by about {} times as much, and raising $b$ raises it by\nabout {} times', -gradOf(g, 'a'), gradOf(g, 'b'));
    expect(g.trace.nodes.filter((n) => n.gradFn).map((n) => n.gradFn)).toEqual(['MulBackward0', 'AddBackward0', 'TanhBackward0']);
  });

  it('the network preset has 12 inputs, so 24 evaluations by central differences', () => {
    const [inputs, evaluations] = figuresIn(lesson, 'preset in the widget has {} inputs (nine weights and biases, two features and a target), so {}\nevaluations');
    const g = buildGraph(network.expression, network.values);
    expect(g.inputs.length).toBe(inputs!.value);
    expect(2 * g.inputs.length).toBe(evaluations!.value);
    expect(g.inputs.filter((n) => !['x1', 'x2', 'y'].includes(n))).toHaveLength(9);
  });

  it('a*a + a at 3: gradient 2a + 1 = 7; assigning instead of adding keeps the second factor\'s 3', () => {
    const g = buildGraph('a*a + a', { a: 3 });
    expectFigures('= 2a + 1 = {} .', gradOf(g, 'a'));
    let assigned = NaN;
    for (const step of g.steps) for (const part of step.parts) if (g.trace.nodes[part.input]!.name === 'a') assigned = part.product;
    expectFigures("that is the second factor's,\nand it gets {} here instead of 7", assigned);
    expect(gradientsAfter(g, g.steps.length)[0]).toBe(7);
  });

  it('a bias broadcast over a batch of 3 gets gradient 3 under the summed loss', () => {
    const b = zeros([4], { requiresGrad: true });
    zeros([3, 4]).add(b).sum().backward();
    const figure = figureIn(lesson, 'each $\\bar b_j$ is {}.');
    expect(b.grad!.toArray()).toEqual([figure.value, figure.value, figure.value, figure.value]);
    expect(lesson).toContain('With a batch of 3 and the loss');
  });

  it('target 1 at z = −5: p, both gradients, their ratio; the largest squared-error gradient 4/27 at p = 1/3', () => {
    const at = lossesAt(-5, 1);
    expectFigures('the unit says $p \\approx {}$, confidently wrong', at.p);
    expectFigures('Under\ncross-entropy $\\partial L/\\partial z \\approx {}$; under squared error it is about ${}$,\nsome {} times smaller', at.crossEntropyGrad, at.squaredErrorGrad, Math.round(at.crossEntropyGrad / at.squaredErrorGrad / 10) * 10);
    let largest = 0;
    let argmax = 0;
    // A scan of the autograd gradient (the maximum is near z = −0.69, well inside [−3, 2]).
    for (let z = -3; z <= 2; z += 1e-3) {
      const g = Math.abs(lossesAt(z, 1).squaredErrorGrad);
      if (g > largest) (largest = g), (argmax = z);
    }
    expect(largest).toBeCloseTo(4 / 27, 6);
    expect(1 / (1 + Math.exp(-argmax))).toBeCloseTo(1 / 3, 3);
    expectFigures('never exceeds $4/27 \\approx {}$ in size', largest);
    expect(Math.abs(lossesAt(-40, 1).crossEntropyGrad)).toBeCloseTo(1, 12);
  });

  it('gradient checking of the network preset: the errors at each step h in float64 and float32 as the lesson states', () => {
    const steps = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8];
    const f64 = errorAgainstStep(network.expression, network.values, steps, 'float64');
    const f32 = errorAgainstStep(network.expression, network.values, steps, 'float32');
    expectFigures('largest relative error is about ${}$ with\n$h = 10^{-2}$ and ${}$ with $h = 10^{-3}$', f64[1]!, f64[2]!);
    expect(f64[1]! / f64[2]!).toBeCloseTo(100, -1); // "a hundred times smaller"
    expectFigures('It bottoms out near ${}$ at $h = 10^{-5}$', f64[4]!);
    expect(Math.min(...f64)).toBe(f64[4]);
    expectFigures('around $h = 10^{-2}$, with a relative error of about ${}$', f32[1]!);
    expect(Math.min(...f32)).toBe(f32[1]);
    expectFigures('$h = 10^{-5}$ the float32 estimate is off by about ${}$', f32[4]!);
    const [digits32, digits64] = figuresIn(lesson, 'with about {} significant digits instead of {}');
    expect(Math.floor(-Math.log10(2 ** -24))).toBe(digits32!.value);
    expect(Math.round(-Math.log10(2 ** -53))).toBe(digits64!.value);
    // The rule of thumb: h from 1e-5 to 1e-6 in float64 gives errors at or below 1e-9.
    expect(Math.max(f64[4]!, f64[5]!)).toBeLessThan(1e-9);
  });

  it('ReLU at 0: the engine (and PyTorch 1.13) gives 0, a central difference 0.5', () => {
    const [engine, numeric] = figuresIn(lesson, "at $x = 0$ ReLU's engine gradient is {} (as in PyTorch) while the central difference straddles the\nkink and gives {}");
    const [row] = gradientCheck('relu(x)', { x: 0 }, 1e-3, 'float64');
    expect(row!.autograd).toBe(engine!.value);
    expect(row!.numeric).toBe(numeric!.value);
  });

  it('the code cell: at x = 0 the central difference of tanh(3 softsign(x)) is off by a few times h, elsewhere by far less', () => {
    expect(lesson).toContain('see the gap to central differences grow to a few times $h$');
    const f = (x: number): number => Math.tanh(3 * (x / (1 + Math.abs(x))));
    const exact = (x: number): number => (3 / (1 + Math.abs(x)) ** 2) * (1 - f(x) ** 2);
    const h = 1e-6;
    const gapAt = (x: number): number => Math.abs((f(x + h) - f(x - h)) / (2 * h) - exact(x));
    expect(gapAt(0) / h).toBeGreaterThan(1);
    expect(gapAt(0) / h).toBeLessThan(10);
    for (const x of [-3, -1.8, -0.6, 0.6, 1.8, 3]) expect(gapAt(x)).toBeLessThan(1e-9);
  });
});
