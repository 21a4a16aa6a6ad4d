/**
 * erf, GELU (exact and tanh), ELU, ReLU6, Hardtanh, Softplus (beta, threshold) and clamp against
 * real PyTorch: values and gradients in float64, and erf and GELU in float32. Skips, saying why,
 * where PyTorch is not installed (see testing/torch.ts).
 */
import { beforeAll, expect, it } from 'vitest';
import { elu, gelu, hardtanh, relu6, softplus } from './activations';
import { clamp, erf } from './arithmetic';
import { tensor } from '../create';
import type { Tensor } from '../tensor';
import { describeWithTorch, maxDiff, runTorch, TORCH_STARTUP_TIMEOUT, type Nested } from '../testing/torch';

/**
 * Inputs: a grid over [-8, 8] with the kinks and thresholds themselves (0, 6, ±1, 10 = 20 / beta),
 * and large values; all exact in float32, so that float32 and float64 runs see the same numbers.
 */
const X = [...Array.from({ length: 161 }, (_, i) => i / 10 - 8), -0.5, 0.5, 6, 10, 25, -30, 1e-7, -1e-7, 100].map(Math.fround);

const CASES: readonly [string, (x: Tensor) => Tensor][] = [
  ['torch.erf(x)', (x) => erf(x)],
  ["F.gelu(x)", (x) => gelu(x)],
  ["F.gelu(x, approximate='tanh')", (x) => gelu(x, 'tanh')],
  ['F.elu(x)', (x) => elu(x)],
  ['F.elu(x, alpha=2.5)', (x) => elu(x, 2.5)],
  ['F.relu6(x)', (x) => relu6(x)],
  ['F.hardtanh(x, -0.5, 0.5)', (x) => hardtanh(x, -0.5, 0.5)],
  ['F.softplus(x)', (x) => softplus(x)],
  ['F.softplus(x, beta=2, threshold=20)', (x) => softplus(x, 2, 20)],
  ['F.softplus(x, beta=0.5, threshold=3)', (x) => softplus(x, 0.5, 3)],
  ['torch.clamp(x, -1, 6)', (x) => clamp(x, -1, 6)],
];

const SCRIPT = `
out = []
for expression in INPUT['cases']:
    x = T(INPUT['x'], True)
    y = eval(expression)
    y.backward(torch.ones_like(y))
    x32 = torch.tensor(INPUT['x'], dtype=torch.float32)
    out.append({'y': y, 'dx': x.grad, 'y32': eval(expression.replace('(x', '(x32'))})
emit(out)
`;

describeWithTorch('activations against PyTorch 1.13', () => {
  let torch: { y: Nested; dx: Nested; y32: Nested }[];
  beforeAll(() => {
    torch = runTorch(SCRIPT, { x: X, cases: CASES.map(([expression]) => expression) });
  }, TORCH_STARTUP_TIMEOUT);

  it('erf, gelu, elu, relu6, hardtanh, softplus and clamp: values and gradients as PyTorch in float64 (1e-15, relative for erf and gelu)', () => {
    CASES.forEach(([expression, f], i) => {
      const x = tensor(X, { dtype: 'float64', requiresGrad: true });
      const y = f(x);
      y.sum().backward();
      const expected = torch[i]!;
      const ours = y.toArray() as number[];
      const scale = (expected.y as number[]).map((v) => Math.max(1, Math.abs(v)));
      const worst = Math.max(...ours.map((v, j) => Math.abs(v - (expected.y as number[])[j]!) / scale[j]!));
      expect(worst, expression).toBeLessThan(1e-15 * 4);
      expect(maxDiff(x.grad!.toArray(), expected.dx), `${expression} gradient`).toBeLessThan(1e-14);
    });
  });

  it("in float32, erf is within half a float32 ulp of PyTorch's float64 value, and gelu as close as float32 allows", () => {
    const ours = (i: number): number[] => CASES[i]![1](tensor(X)).toArray() as number[];
    const truth = (i: number): number[] => torch[i]!.y as number[];
    // erf is computed in float64 and rounded once: relative error <= 2^-24 ≈ 6e-8.
    ours(0).forEach((v, j) => expect(Math.abs(v - truth(0)[j]!) / Math.max(Math.abs(truth(0)[j]!), 1e-30), `erf(${X[j]})`).toBeLessThanOrEqual(2 ** -24));
    // gelu = x/2 (1 + erf(x/√2)): for x << 0, 1 + erf cancels and float32's rounding of erf (near -1, ulp 6e-8)
    // sets the error, about |x| · 6e-8; PyTorch's own float32 gelu has the same error. (The tanh form
    // gets twice the room: the engine's float32 tanh is within 2 float32 ulps.)
    for (const [i, room] of [[1, 1.2e-7], [2, 2.4e-7]] as const) {
      const theirs32 = torch[i]!.y32 as number[];
      ours(i).forEach((v, j) => {
        const bound = room * Math.max(1, Math.abs(X[j]!));
        expect(Math.abs(v - truth(i)[j]!), `${CASES[i]![0]} at ${X[j]}`).toBeLessThanOrEqual(bound);
        expect(Math.abs(theirs32[j]! - truth(i)[j]!)).toBeLessThanOrEqual(bound);
      });
    }
  });
});
