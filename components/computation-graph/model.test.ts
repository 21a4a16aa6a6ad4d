import { describe, expect, it } from 'vitest';
import { parseState } from '../../lib/common';
import { buildGraph, GRAPH_PRESETS } from '../../lib/course/backpropagation';
import { describeStep, graphSchema, hasNonFinite, inputValues, nodeLabel, valuesFor } from './model';
import { layoutTrace, NODE } from './layout';

describe('computation-graph model', () => {
  it('graphSchema reads the expression, the values and the step from a link, and refuses bad ones with a notice', () => {
    const ok = parseState(graphSchema, new URLSearchParams('expr=a*a%2Ba&vals=a:3&step=2'));
    expect(ok.values).toEqual({ expr: 'a*a+a', vals: { a: 3 }, step: 2 });
    const bad = parseState(graphSchema, new URLSearchParams('expr=a%2B&vals=a:1e9&step=x'));
    expect(bad.values.expr).toBe('(a*b + c).tanh()');
    expect(bad.notices.map((n) => n.name)).toEqual(['expr', 'vals', 'step']);
  });

  it('inputValues() takes the preset\'s values for a link that names only the expression, the reader\'s over them', () => {
    const network = GRAPH_PRESETS.find((p) => p.id === 'network')!;
    expect(inputValues(network.expression, {})).toEqual(network.values);
    expect(inputValues(network.expression, { c: 5 }).c).toBe(5);
    expect(inputValues('q*2', {})).toEqual({});
  });

  it('describeStep() states the step, the local derivative and the product, as the lib computes them', () => {
    const g = buildGraph('a*a + a', { a: 3 });
    expect(describeStep(g, 0)).toBe('Forward pass done: the output is 12. The backward pass starts from d(output)/d(output) = 1.');
    expect(describeStep(g, 2)).toBe(
      'Step 2 of 2: × (MulBackward0) has gradient 1 and hands it back to a: local derivative 3, times 1, gives 3; to a: local derivative 3, times 1, gives 3. Every gradient is now complete.',
    );
  });

  it('nodeLabel() writes numbers as the other widgets do (4 significant digits, a true minus, powers of ten) and names nodes', () => {
    expect(nodeLabel(buildGraph('x * 0.00001234', { x: 1 }).trace.nodes[1]!)).toBe('1.234×10⁻⁵');
    expect(nodeLabel(buildGraph('x - 1.57294', { x: 1 }).trace.nodes[1]!)).toBe('1.573');
    const g = buildGraph('(x - 2).tanh()', { x: 1 });
    expect(g.trace.nodes.map(nodeLabel)).toEqual(['x', '2', '−', 'tanh']);
  });

  it('valuesFor() keeps values of names still in use, takes a preset\'s, and starts new names at 1', () => {
    expect(valuesFor(['a', 'z'], { a: 4, b: 2 })).toEqual({ a: 4, z: 1 });
    expect(valuesFor(['a'], { a: 4 }, { id: 'tanh', label: '', expression: '', values: { a: 0.5 } })).toEqual({ a: 0.5 });
  });

  it('hasNonFinite() flags exp overflow and log of a negative number', () => {
    expect(hasNonFinite(buildGraph('exp(x)', { x: 800 }))).toBe(true);
    expect(hasNonFinite(buildGraph('log(x)', { x: -1 }))).toBe(true);
    expect(hasNonFinite(buildGraph('log(x)', { x: 2 }))).toBe(false);
  });

  it('layoutTrace() puts every input left of the op that uses it, and keeps both edges of a value used twice', () => {
    const g = buildGraph('(a*b + c).tanh()', { a: 1, b: 2, c: 3 });
    const l = layoutTrace(g.trace);
    for (const e of g.trace.edges) expect(l.nodes[e.from]!.x).toBeLessThan(l.nodes[e.to]!.x);
    expect(l.width).toBeGreaterThan(4 * NODE.width);
    const twice = layoutTrace(buildGraph('a*a', { a: 1 }).trace);
    expect(twice.edges).toHaveLength(2);
    expect(twice.edges.every((e) => e.points.length >= 2)).toBe(true);
  });
});
