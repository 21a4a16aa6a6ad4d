/**
 * The computation graph the widget draws: an expression evaluated by the engine on named scalar
 * inputs, traced, backpropagated, and cut into the steps of the backward pass.
 */
import { noGrad, tensor, trace, type Tensor, type Trace } from '../../engine';
import { evaluate, inputNames, parseExpression } from './expression';

/** One input's share of a backward step: d(node)/d(input) and the gradient it passes on. */
export interface StepPart {
  /** Id of the input node. */
  readonly input: number;
  /** Its position among the op's arguments. */
  readonly argument: number;
  /** The local derivative d(node)/d(input), computed by the op's own backward rule. */
  readonly local: number;
  /** grad(node) × local: what this use adds to the input's gradient. */
  readonly product: number;
}

/** One step of the backward pass: a node whose gradient is complete hands it to its inputs. */
export interface BackwardStep {
  readonly node: number;
  /** d(output)/d(node), complete at this step. */
  readonly grad: number;
  readonly parts: readonly StepPart[];
}

/** An expression's graph, its backward pass step by step, and the inputs' names in order. */
export interface BackpropGraph {
  readonly trace: Trace;
  readonly inputs: readonly string[];
  /** Nodes that need a gradient, from the output back: each after every node that uses it. */
  readonly steps: readonly BackwardStep[];
}

/** The value used for an input that has none. */
export const DEFAULT_INPUT_VALUE = 1;

/** Parses and evaluates `text` in float64 on scalar inputs (missing ones are 1), runs backward and returns the traced graph and its steps. */
export function buildGraph(text: string, values: Readonly<Record<string, number>>): BackpropGraph {
  const expr = parseExpression(text);
  const inputs = inputNames(expr);
  const leaves: Record<string, Tensor> = {};
  for (const name of inputs) leaves[name] = tensor(values[name] ?? DEFAULT_INPUT_VALUE, { dtype: 'float64', requiresGrad: true });
  const out = evaluate(expr, leaves);
  if (out.gradFn === null) return { trace: trace(out, leaves), inputs, steps: [] };
  const before = trace(out, leaves);
  for (const node of before.nodes) if (!node.isLeaf && node.requiresGrad) node.tensor.retainGrad();
  out.backward();
  const traced = trace(out, leaves);
  return { trace: traced, inputs, steps: backwardSteps(traced) };
}

/** The backward pass as steps, root first, with local derivatives from each op's backward rule. */
export function backwardSteps(g: Trace): BackwardStep[] {
  const steps: BackwardStep[] = [];
  for (let id = g.nodes.length - 1; id >= 0; id--) {
    const node = g.nodes[id]!;
    const fn = node.tensor.gradFn;
    if (fn === null || node.grad === null) continue;
    const grad = node.grad[0]!;
    const one = tensor(1, { dtype: node.tensor.dtype });
    const locals = noGrad(() => fn.backward(one, node.tensor));
    const parts: StepPart[] = [];
    node.inputs.forEach((input, argument) => {
      const local = locals[argument];
      if (!g.nodes[input]!.requiresGrad || local === null || local === undefined) return;
      parts.push({ input, argument, local: local.item(), product: grad * local.item() });
    });
    steps.push({ node: id, grad, parts });
  }
  return steps;
}

/** Each node's gradient as the backward pass has summed it after `done` steps (null: nothing has arrived yet). */
export function gradientsAfter(graph: BackpropGraph, done: number): (number | null)[] {
  const grads: (number | null)[] = graph.trace.nodes.map(() => null);
  if (graph.steps.length > 0 || graph.trace.nodes[graph.trace.root]!.requiresGrad) grads[graph.trace.root] = 1;
  for (const step of graph.steps.slice(0, done)) {
    for (const part of step.parts) grads[part.input] = (grads[part.input] ?? 0) + part.product;
  }
  return grads;
}
