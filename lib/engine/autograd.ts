/**
 * Reverse-mode automatic differentiation: ops record how each tensor was made (`record`), and
 * `backward` walks that graph from the output back to the leaves, applying each op's rule.
 */
import { Tensor } from './tensor';
import { binary } from './kernels/elementwise';
import { reduce } from './kernels/reduce';
import { numel, sameShape, type Shape } from './shape';
import { allocate } from './storage';

/**
 * A backward rule: given dL/d(out) and out itself, returns dL/d(input) for each input of the op,
 * or null for an input that needs none. A gradient may have a broadcast shape: the engine sums it
 * back to the input's shape.
 */
export type Backward = (grad: Tensor, out: Tensor) => readonly (Tensor | null)[];

/** How a tensor was made (PyTorch's grad_fn): the op's name, its inputs and its backward rule. */
export interface GradFn {
  readonly name: string;
  readonly inputs: readonly Tensor[];
  readonly backward: Backward;
}

let gradEnabled = true;
const retained = new WeakSet<Tensor>();

/** True unless inside `noGrad`. */
export function isGradEnabled(): boolean {
  return gradEnabled;
}

/** Runs `fn` without recording the graph (for evaluation and parameter updates), like `torch.no_grad()`. */
export function noGrad<T>(fn: () => T): T {
  const previous = gradEnabled;
  gradEnabled = false;
  try {
    return fn();
  } finally {
    gradEnabled = previous;
  }
}

/** Marks `out` as made by op `name` from `inputs` when any input requires grad. Mutates `out`. */
export function record(name: string, out: Tensor, inputs: readonly Tensor[], backward: Backward): Tensor {
  if (!gradEnabled) return out;
  for (let i = 0; i < inputs.length; i++) {
    if (inputs[i]!.requiresGrad) {
      out.requiresGrad = true;
      out.gradFn = { name, inputs, backward };
      return out;
    }
  }
  return out;
}

/** Asks `backward` to fill `t.grad` although `t` is not a leaf (PyTorch's retain_grad). */
export function retainGrad(t: Tensor): void {
  if (!t.requiresGrad) throw new Error("retainGrad: can't retain the gradient of a tensor that does not require grad");
  retained.add(t);
}

/**
 * Backpropagates from `root`: accumulates d(root)/d(leaf) into `.grad` of every leaf that requires
 * grad (and of tensors passed to retainGrad). `gradient` is d(loss)/d(root), required unless root
 * has one element. Mutates `.grad`.
 */
export function backward(root: Tensor, gradient?: Tensor): void {
  if (!root.requiresGrad) {
    throw new Error('backward: element 0 of tensors does not require grad and does not have a grad_fn');
  }
  if (gradient === undefined && root.numel() !== 1) {
    throw new Error(`backward: grad can be implicitly created only for scalar outputs (got shape [${root.shape.join(', ')}])`);
  }
  if (gradient !== undefined && !sameShape(gradient.shape, root.shape)) {
    throw new Error(`backward: gradient has shape [${gradient.shape.join(', ')}], expected [${root.shape.join(', ')}]`);
  }
  const order = topologicalOrder(root);
  const grads = new Map<Tensor, Tensor>();
  // Gradients this function allocated itself: the only ones it may add into in place.
  const owned = new Set<Tensor>();
  grads.set(root, gradient ?? new Tensor(allocate(root.dtype, 1).fill(1), root.shape));
  const previous = gradEnabled;
  gradEnabled = false;
  try {
    for (let k = order.length - 1; k >= 0; k--) {
      const t = order[k]!;
      const g = grads.get(t);
      if (g === undefined) continue;
      grads.delete(t);
      if (t.gradFn === null || retained.has(t)) storeGrad(t, g, owned.has(g));
      const fn = t.gradFn;
      if (fn === null) continue;
      const inputGrads = fn.backward(g, t);
      for (let j = 0; j < fn.inputs.length; j++) {
        const input = fn.inputs[j]!;
        const gj = inputGrads[j];
        if (!input.requiresGrad || gj === null || gj === undefined) continue;
        const contribution = sumTo(gj, input.shape);
        const earlier = grads.get(input);
        if (earlier === undefined) {
          grads.set(input, contribution);
        } else if (owned.has(earlier)) {
          addInto(earlier, contribution);
        } else {
          const total = binary('add', earlier, contribution);
          owned.add(total);
          grads.set(input, total);
        }
      }
    }
  } finally {
    gradEnabled = previous;
  }
}

/**
 * Tensors reachable from root through recorded inputs for which `follow` holds (by default, those
 * that require grad), each after all of its inputs.
 */
export function topologicalOrder(root: Tensor, follow: (input: Tensor) => boolean = (t) => t.requiresGrad): Tensor[] {
  // Iterative depth-first search: a recursive one overflows the stack on long chains.
  const order: Tensor[] = [];
  const visited = new Set<Tensor>([root]);
  const stack: Tensor[] = [root];
  const next: number[] = [0];
  while (stack.length > 0) {
    const top = stack.length - 1;
    const t = stack[top]!;
    const inputs = t.gradFn === null ? [] : t.gradFn.inputs;
    const i = next[top]!;
    if (i < inputs.length) {
      next[top] = i + 1;
      const input = inputs[i]!;
      if (follow(input) && !visited.has(input)) {
        visited.add(input);
        stack.push(input);
        next.push(0);
      }
    } else {
      stack.pop();
      next.pop();
      order.push(t);
    }
  }
  return order;
}

/** Accumulates g into t.grad, copying g unless this backward pass owns it. Mutates `t.grad`. */
function storeGrad(t: Tensor, g: Tensor, isOwned: boolean): void {
  if (t.grad === null) {
    t.grad = isOwned && g.dtype === t.dtype ? g : new Tensor(allocate(t.dtype, g.numel()), t.shape);
    if (t.grad !== g) addInto(t.grad, g);
  } else {
    addInto(t.grad, g);
  }
}

/** target += source, elementwise, for equal sizes. Mutates `target`. */
function addInto(target: Tensor, source: Tensor): void {
  const a = target.data;
  const b = source.data;
  for (let i = 0; i < a.length; i++) a[i] = a[i]! + b[i]!;
}

/** Sums a broadcast gradient back to `shape`: over leading extra dimensions and where shape has 1. */
export function sumTo(g: Tensor, shape: Shape): Tensor {
  if (sameShape(g.shape, shape)) return g;
  if (g.numel() === numel(shape)) return new Tensor(g.data, shape);
  const lead = g.ndim - shape.length;
  const dims: number[] = [];
  for (let i = 0; i < g.ndim; i++) if (i < lead || (shape[i - lead] === 1 && g.shape[i] !== 1)) dims.push(i);
  const summed = reduce('sum', g, dims, true);
  return new Tensor(summed.data, shape);
}
