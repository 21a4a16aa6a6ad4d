import { describe, expect, it } from 'vitest';
import { tensor } from './create';
import { trace } from './trace';
import type { Tensor } from './tensor';

const f64 = (v: number): Tensor => tensor(v, { dtype: 'float64', requiresGrad: true });

/** Central difference of f at x[i] (float64 numbers). */
function centralDifference(f: (x: number[]) => number, x: number[], i: number, h = 1e-6): number {
  const up = x.slice();
  const down = x.slice();
  up[i]! += h;
  down[i]! -= h;
  return (f(up) - f(down)) / (2 * h);
}

describe('trace()', () => {
  it('trace() of (a*b + c).tanh() lists a, b, mul, c, add, tanh with inputs before outputs and PyTorch 1.13\'s grad_fn names', () => {
    const a = f64(2);
    const b = f64(-3);
    const c = f64(10);
    const y = a.mul(b).add(c).tanh();
    const g = trace(y, { a, b, c });
    // Names as real PyTorch 1.13 prints them: y.grad_fn is <TanhBackward0>, then AddBackward0, MulBackward0.
    expect(g.nodes.map((n) => n.name ?? n.gradFn)).toEqual(['a', 'b', 'MulBackward0', 'c', 'AddBackward0', 'TanhBackward0']);
    expect(g.nodes.map((n) => n.op)).toEqual([null, null, 'mul', null, 'add', 'tanh']);
    expect(g.root).toBe(5);
    expect(g.nodes[g.root]!.tensor).toBe(y);
    expect(g.edges).toEqual([
      { from: 0, to: 2, argument: 0 },
      { from: 1, to: 2, argument: 1 },
      { from: 2, to: 4, argument: 0 },
      { from: 3, to: 4, argument: 1 },
      { from: 4, to: 5, argument: 0 },
    ]);
    expect(g.nodes.map((n) => n.value[0])).toEqual([2, -3, -6, 10, 4, Math.tanh(4)]);
    expect(g.nodes.every((n) => n.grad === null && n.shape.length === 0)).toBe(true);
    expect(g.nodes.filter((n) => n.isLeaf).map((n) => n.name)).toEqual(['a', 'b', 'c']);
  });

  it('trace() after backward() shows the leaves\' gradients, equal to the chain rule by hand and to central differences', () => {
    const [a, b, c] = [f64(2), f64(-3), f64(0.5)];
    const y = a.mul(b).add(c).tanh();
    y.backward();
    const grads = Object.fromEntries(trace(y, { a, b, c }).nodes.filter((n) => n.name).map((n) => [n.name, n.grad![0]]));
    const t = Math.tanh(2 * -3 + 0.5);
    const local = 1 - t * t; // tanh'(z) = 1 - tanh(z)^2
    expect(grads).toEqual({ a: -3 * local, b: 2 * local, c: local });
    const f = ([x, w, k]: number[]): number => Math.tanh(x! * w! + k!);
    [-3 * local, 2 * local, local].forEach((g, i) => expect(centralDifference(f, [2, -3, 0.5], i)).toBeCloseTo(g, 8));
  });

  it('trace() of a value used twice lists two edges from it, and its gradient is the sum over both uses (a*a + a at 3 gives 7)', () => {
    const a = f64(3);
    const y = a.mul(a).add(a);
    y.backward();
    const g = trace(y, { a });
    expect(g.nodes.map((n) => n.name ?? n.gradFn)).toEqual(['a', 'MulBackward0', 'AddBackward0']);
    expect(g.edges.filter((e) => e.from === 0).map((e) => [e.to, e.argument])).toEqual([[1, 0], [1, 1], [2, 1]]);
    expect(g.nodes[1]!.inputs).toEqual([0, 0]);
    expect(g.nodes[0]!.grad).toEqual([7]); // d(a² + a)/da = 2a + 1; real PyTorch 1.13 gives tensor(7.)
    expect(centralDifference(([x]) => x! * x! + x!, [3], 0)).toBeCloseTo(7, 8);
  });

  it('trace() includes constants as leaves that do not require grad, and retained gradients of inner nodes', () => {
    const x = f64(1.5);
    const z = x.mul(2).retainGrad();
    const y = z.sigmoid();
    y.backward();
    const g = trace(y, { x });
    expect(g.nodes.map((n) => [n.name ?? n.gradFn ?? 'constant', n.requiresGrad])).toEqual([
      ['x', true],
      ['constant', false],
      ['MulBackward0', true],
      ['SigmoidBackward0', true],
    ]);
    const s = 1 / (1 + Math.exp(-3));
    expect(g.nodes[2]!.grad![0]).toBeCloseTo(s * (1 - s), 15);
    expect(g.nodes[0]!.grad![0]).toBeCloseTo(2 * s * (1 - s), 15);
  });

  it('trace() of tensors records shapes, and gradients summed back over a broadcast', () => {
    const w = tensor([[1, 2], [3, 4]], { requiresGrad: true });
    const bias = tensor([0.5, -0.5], { requiresGrad: true });
    const loss = w.add(bias).sum();
    loss.backward();
    const g = trace(loss, { w, bias });
    expect(g.nodes.map((n) => n.shape)).toEqual([[2, 2], [2], [2, 2], []]);
    expect(g.nodes[1]!.grad).toEqual([2, 2]);
  });

  it('trace() refuses one tensor under two names, saying what it expected', () => {
    const a = f64(1);
    expect(() => trace(a.exp(), { a, b: a })).toThrow('trace: one tensor given two names, "a" and "b"; expected one name per tensor');
  });

  it('trace() of a leaf is that one node', () => {
    const a = f64(1);
    expect(trace(a, { a }).nodes.map((n) => n.name)).toEqual(['a']);
  });
});
