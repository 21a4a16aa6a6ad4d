/** The computation-graph widget: URL fields, presets, and the labels and numbers it shows for each node. */
import { formatNumber, formatSignificant, numberField, parseStrictNumber, type Field } from '../../lib/common';
import { ExpressionError, GRAPH_PRESETS, parseExpression, type BackpropGraph, type GraphPreset } from '../../lib/course/backpropagation';
import type { TraceNode } from '../../lib/engine';

/** The largest input value a reader may type, in size. */
export const INPUT_LIMIT = 1000;

/** Why `text` is not an expression the widget takes, or null if it is. */
export function expressionProblem(text: string): string | null {
  try {
    parseExpression(text);
    return null;
  } catch (e) {
    if (e instanceof ExpressionError) return e.message;
    throw e;
  }
}

const expressionField: Field<string> = {
  default: GRAPH_PRESETS[0]!.expression,
  expected: 'an expression such as (a*b + c).tanh()',
  parse: (raw) => (expressionProblem(raw) === null ? raw : undefined),
  format: (value) => value,
};

const NAME = /^[A-Za-z_][A-Za-z_0-9]*$/;

/** Input values as `a:0.5,b:-2` in the URL: the reader's, over the preset's (see inputValues). */
const valuesField: Field<Readonly<Record<string, number>>> = {
  default: {},
  expected: `name:value pairs separated by commas, each value from −${INPUT_LIMIT} to ${INPUT_LIMIT}`,
  parse(raw) {
    const values: Record<string, number> = {};
    if (raw === '') return values;
    for (const pair of raw.split(',')) {
      const [name = '', text = ''] = pair.split(':');
      const value = parseStrictNumber(text);
      if (!NAME.test(name) || value === undefined || Math.abs(value) > INPUT_LIMIT) return undefined;
      values[name] = value;
    }
    return values;
  },
  format: (values) =>
    Object.entries(values)
      .map(([name, v]) => `${name}:${formatNumber(v)}`)
      .join(','),
};

/** URL fields of the widget: the expression, its inputs' values, and how many backward steps are done. */
export const graphSchema = {
  expr: expressionField,
  vals: valuesField,
  step: numberField({ default: 0, min: 0, max: 1000, integer: true }),
};

/** The preset whose expression is `text`, if any. */
export function presetOf(text: string): GraphPreset | undefined {
  return GRAPH_PRESETS.find((p) => p.expression === text);
}

/** The values in use: the reader's from the URL, over the preset's for this expression (so a link may name only the expression). */
export function inputValues(text: string, values: Readonly<Record<string, number>>): Record<string, number> {
  return { ...presetOf(text)?.values, ...values };
}

/** Values for the inputs of a new expression: kept where the name was in use, else the preset's, else 1. */
export function valuesFor(names: readonly string[], old: Readonly<Record<string, number>>, preset?: GraphPreset): Record<string, number> {
  return Object.fromEntries(names.map((n) => [n, preset?.values[n] ?? old[n] ?? 1]));
}

const SYMBOLS: Record<string, string> = { add: '+', sub: '−', mul: '×', div: '÷', pow: '^', neg: '−x' };

/** A node's label: the input's name, a constant's value, or the op's symbol ("×", "tanh"). */
export function nodeLabel(node: TraceNode): string {
  if (node.name !== null) return node.name;
  if (node.op === null) return formatSignificant(node.value[0]!);
  return SYMBOLS[node.op] ?? node.op;
}

/** The sentence the widget reads out for the state after `done` backward steps. */
export function describeStep(graph: BackpropGraph, done: number): string {
  const { nodes } = graph.trace;
  if (graph.steps.length === 0) return 'The output depends on no named input, so there is nothing to backpropagate.';
  if (done === 0) return `Forward pass done: the output is ${formatSignificant(nodes[graph.trace.root]!.value[0]!)}. The backward pass starts from d(output)/d(output) = 1.`;
  const step = graph.steps[done - 1]!;
  const node = nodes[step.node]!;
  const parts = step.parts.map(
    (p) => `to ${nodeLabel(nodes[p.input]!)}: local derivative ${formatSignificant(p.local)}, times ${formatSignificant(step.grad)}, gives ${formatSignificant(p.product)}`,
  );
  const end = done === graph.steps.length ? ' Every gradient is now complete.' : '';
  return `Step ${done} of ${graph.steps.length}: ${nodeLabel(node)} (${node.gradFn}) has gradient ${formatSignificant(step.grad)} and hands it back ${parts.join('; ')}.${end}`;
}

/** True if some value or gradient of the graph is not a finite number. */
export function hasNonFinite(graph: BackpropGraph): boolean {
  return graph.trace.nodes.some((n) => n.value.some((v) => !Number.isFinite(v)) || (n.grad?.some((v) => !Number.isFinite(v)) ?? false));
}
