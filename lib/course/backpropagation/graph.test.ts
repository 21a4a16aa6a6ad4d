import { describe, expect, it } from 'vitest';
import { tensor } from '../../engine';
import { evaluate, parseExpression } from './expression';
import { buildGraph, gradientsAfter } from './graph';
import { GRAPH_PRESETS } from './presets';

/** Central-difference estimate of d(text)/d(name) in float64. */
function centralDifference(text: string, values: Record<string, number>, name: string, h = 1e-6): number {
  const at = (v: number): number =>
    evaluate(parseExpression(text), Object.fromEntries(Object.entries({ ...values, [name]: v }).map(([k, x]) => [k, tensor(x, { dtype: 'float64' })]))).item();
  return (at(values[name]! + h) - at(values[name]! - h)) / (2 * h);
}

const labelOf = (g: ReturnType<typeof buildGraph>, id: number): string => g.trace.nodes[id]!.name ?? g.trace.nodes[id]!.op ?? 'constant';

describe('buildGraph()', () => {
  it('buildGraph() steps back through (a*b + c).tanh() with the local derivatives worked by hand', () => {
    const g = buildGraph('(a*b + c).tanh()', { a: 0.5, b: -2, c: 1.5 });
    const y = Math.tanh(0.5);
    const steps = g.steps.map((s) => ({ node: labelOf(g, s.node), grad: s.grad, parts: s.parts.map((p) => [labelOf(g, p.input), p.local, p.product]) }));
    expect(steps).toEqual([
      { node: 'tanh', grad: 1, parts: [['add', 1 - y * y, 1 - y * y]] },
      { node: 'add', grad: 1 - y * y, parts: [['mul', 1, 1 - y * y], ['c', 1, 1 - y * y]] },
      { node: 'mul', grad: 1 - y * y, parts: [['a', -2, -2 * (1 - y * y)], ['b', 0.5, 0.5 * (1 - y * y)]] },
    ]);
  });

  it('gradientsAfter() fills in gradients step by step, ending at the engine\'s own .grad for every node', () => {
    const g = buildGraph('(a*b + c).tanh()', { a: 0.5, b: -2, c: 1.5 });
    expect(gradientsAfter(g, 0).filter((v) => v !== null)).toEqual([1]);
    const final = gradientsAfter(g, g.steps.length);
    g.trace.nodes.forEach((n, i) => expect(final[i]).toBeCloseTo(n.grad![0]!, 15));
  });

  it('buildGraph() adds the gradients of a value used twice: a*a + a at 3 has gradient 7 (2a + 1)', () => {
    const g = buildGraph('a*a + a', { a: 3 });
    const mul = g.steps.find((s) => labelOf(g, s.node) === 'mul')!;
    expect(mul.parts.map((p) => [labelOf(g, p.input), p.argument, p.local])).toEqual([['a', 0, 3], ['a', 1, 3]]);
    expect(gradientsAfter(g, g.steps.length)[0]).toBe(7);
  });

  it.each(GRAPH_PRESETS)('buildGraph() of the $id preset: every input\'s gradient agrees with central differences (1e-8)', (preset) => {
    const g = buildGraph(preset.expression, preset.values);
    expect([...g.inputs].sort()).toEqual(Object.keys(preset.values).sort());
    for (const node of g.trace.nodes.filter((n) => n.name !== null)) {
      expect(node.grad![0]).toBeCloseTo(centralDifference(preset.expression, { ...preset.values }, node.name!), 8);
    }
  });

  it('buildGraph() of an expression without inputs has no steps; a missing input value is 1', () => {
    expect(buildGraph('2 * 3', {}).steps).toEqual([]);
    expect(buildGraph('x * 2', {}).trace.nodes[0]!.value).toEqual([1]);
  });

  it('buildGraph() of exp(1000) keeps going with Infinity, as float64 does', () => {
    const g = buildGraph('exp(x)', { x: 1000 });
    expect(g.trace.nodes[g.trace.root]!.value[0]).toBe(Infinity);
  });
});
