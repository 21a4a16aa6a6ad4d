/**
 * The recorded graph behind a tensor, as data: every tensor that went into it (nodes, inputs before
 * outputs) and which fed which (edges). What torchviz's `make_dot(y, params)` draws for PyTorch.
 */
import { topologicalOrder } from './autograd';
import { backwardName } from './format';
import type { Shape } from './shape';
import type { Tensor } from './tensor';

/** One tensor of a traced graph. */
export interface TraceNode {
  /** Position in `Trace.nodes`: every node comes after all of its inputs. */
  readonly id: number;
  /** The tensor itself (its values are live: read `value` and `grad` for a snapshot). */
  readonly tensor: Tensor;
  /** The engine's op that made it (`'mul'`), or null for a leaf. */
  readonly op: string | null;
  /** PyTorch's name for its grad_fn (`'MulBackward0'`), or null for a leaf. */
  readonly gradFn: string | null;
  /** The name given to this tensor in `trace(root, names)`, or null. */
  readonly name: string | null;
  /** True for a tensor no recorded op made: a parameter, an input or a constant. */
  readonly isLeaf: boolean;
  /** Whether backward() sends a gradient to it. */
  readonly requiresGrad: boolean;
  readonly shape: Shape;
  /** Its values, flat and row-major, when traced. */
  readonly value: readonly number[];
  /** Its `.grad` when traced (leaves after backward(), and tensors passed to retainGrad), else null. */
  readonly grad: readonly number[] | null;
  /** Ids of the op's inputs in argument order (`a.mul(a)` lists a twice); empty for a leaf. */
  readonly inputs: readonly number[];
}

/** An edge of a traced graph: `from` is argument number `argument` of the op that made `to`. */
export interface TraceEdge {
  readonly from: number;
  readonly to: number;
  readonly argument: number;
}

/** A traced graph: nodes in topological order (the root last), and edges from input to output. */
export interface Trace {
  readonly nodes: readonly TraceNode[];
  readonly edges: readonly TraceEdge[];
  /** The id of the traced tensor. */
  readonly root: number;
}

/**
 * Returns the graph recorded behind `root`: every tensor reachable through grad_fn inputs, constants
 * included, with `names` (`{ a, b }`) labelling the tensors you made.
 */
export function trace(root: Tensor, names: Readonly<Record<string, Tensor>> = {}): Trace {
  const nameOf = new Map<Tensor, string>();
  for (const [name, t] of Object.entries(names)) {
    if (nameOf.has(t)) throw new Error(`trace: one tensor given two names, "${nameOf.get(t)}" and "${name}"; expected one name per tensor`);
    nameOf.set(t, name);
  }
  const order = topologicalOrder(root, () => true);
  const ids = new Map<Tensor, number>(order.map((t, i) => [t, i]));
  const edges: TraceEdge[] = [];
  const nodes = order.map((t, id): TraceNode => {
    const inputs = (t.gradFn?.inputs ?? []).map((input) => ids.get(input)!);
    inputs.forEach((from, argument) => edges.push({ from, to: id, argument }));
    return {
      id,
      tensor: t,
      op: t.gradFn?.name ?? null,
      gradFn: t.gradFn === null ? null : backwardName(t.gradFn, t),
      name: nameOf.get(t) ?? null,
      isLeaf: t.isLeaf,
      requiresGrad: t.requiresGrad,
      shape: t.shape,
      value: Array.from(t.data),
      grad: t.grad === null ? null : Array.from(t.grad.data),
      inputs,
    };
  });
  return { nodes, edges, root: order.length - 1 };
}
