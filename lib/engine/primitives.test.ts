import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { primitives } from './primitives';
import { Rng } from './random';
import { Tensor } from './tensor';
import { avgPool2d, conv2d, maxPool2d } from './ops/convolution';
import { adaptiveAvgPool2d, adaptiveMaxPool2d } from './ops/adaptive-pooling';
import { linear, matmul } from './ops/linalg';
import { cat, pad } from './ops/shaping';
import { where } from './ops/arithmetic';
import { numel, type Shape } from './shape';
import { broadcastPairArb, gradcheck, randomTensor, seedArb, shapeArb } from './testing/gradcheck';

// Every primitive's backward rule against central differences in float64 on random shapes and
// values (fast-check). Inputs stay away from kinks (|x| > 0.05 for relu, abs; distinct values for
// max and pooling) so that a step of 1e-6 never crosses one.

const TOLERANCE = 1e-6;
const RUNS = 25;

function check(f: (...xs: Tensor[]) => Tensor, inputs: readonly Tensor[]): void {
  expect(gradcheck(f, inputs)).toBeLessThanOrEqual(TOLERANCE);
}

function property<T>(arb: fc.Arbitrary<T>, body: (value: T) => void, numRuns = RUNS): void {
  fc.assert(fc.property(arb, (value) => body(value)), { numRuns });
}

/** Values k/10 + offset for random integers k in [-20, 20): any two tensors with different offsets differ by >= |offset|. */
function gridTensor(shape: Shape, seed: number, offset = 0): Tensor {
  const rng = new Rng(seed);
  return new Tensor(new Float64Array(numel(shape)).map(() => (rng.int(40) - 20) / 10 + offset), shape, true);
}

/** Distinct values (a shuffled grid), so a maximum is never tied. */
function distinctTensor(shape: Shape, seed: number): Tensor {
  const values = new Rng(seed).shuffle(Array.from({ length: numel(shape) }, (_, i) => i / 10 - 1));
  return new Tensor(Float64Array.from(values), shape, true);
}

/** Values in ±[0.5, 2]. */
function awayFromZero(shape: Shape, seed: number): Tensor {
  const rng = new Rng(seed);
  return new Tensor(new Float64Array(numel(shape)).map(() => (rng.random() < 0.5 ? -1 : 1) * rng.uniform(0.5, 2)), shape, true);
}

type MakeTensor = (shape: Shape, seed: number) => Tensor;

/** A reduction over random dimensions of a random shape. */
function reductionProperty(reduce: (x: Tensor, dims: number[] | undefined, keepdim: boolean) => Tensor, make: MakeTensor): void {
  property(fc.tuple(shapeArb(0, 4), seedArb, fc.array(fc.nat(), { maxLength: 4 }), fc.boolean()), ([shape, seed, picks, keepdim]) => {
    const dims = shape.length === 0 ? undefined : picks.map((p) => p % shape.length);
    check((x) => reduce(x, dims, keepdim), [make(shape, seed)]);
  });
}

/** A pooling of a random (N, C, H, W) input with random kernel, stride and padding. */
function poolProperty(pool: (x: Tensor, k: number, stride: number, padding: number) => Tensor, make: MakeTensor): void {
  const arb = fc.record({
    n: fc.integer({ min: 1, max: 2 }), c: fc.integer({ min: 1, max: 2 }), h: fc.integer({ min: 2, max: 6 }), w: fc.integer({ min: 2, max: 6 }),
    k: fc.integer({ min: 1, max: 3 }), stride: fc.integer({ min: 1, max: 3 }), padding: fc.nat(1), seed: seedArb,
  });
  property(arb, ({ n, c, h, w, k, stride, padding, seed }) => {
    if (2 * padding > k || h + 2 * padding < k || w + 2 * padding < k) return;
    check((x) => pool(x, k, stride, padding), [make([n, c, h, w], seed)]);
  });
}

/** An adaptive pooling of a random (N, C, H, W) input to a random output size (overlapping windows included). */
function adaptiveProperty(pool: (x: Tensor, size: readonly [number, number]) => Tensor, make: MakeTensor): void {
  const arb = fc.record({
    n: fc.integer({ min: 1, max: 2 }), c: fc.integer({ min: 1, max: 2 }), h: fc.integer({ min: 1, max: 7 }), w: fc.integer({ min: 1, max: 7 }),
    oh: fc.integer({ min: 1, max: 5 }), ow: fc.integer({ min: 1, max: 5 }), seed: seedArb,
  });
  property(arb, ({ n, c, h, w, oh, ow, seed }) => check((x) => pool(x, [oh, ow]), [make([n, c, h, w], seed)]));
}

const pairArb = fc.tuple(broadcastPairArb(), seedArb, seedArb);
const unaryArb = fc.tuple(shapeArb(), seedArb);

/** An elementwise op of two broadcasting inputs. */
function binaryProperty(f: (a: Tensor, b: Tensor) => Tensor, makeA: MakeTensor = randomTensor, makeB: MakeTensor = randomTensor): void {
  property(pairArb, ([[sa, sb], s1, s2]) => check(f, [makeA(sa, s1), makeB(sb, s2)]));
}

/** An op of one input of random shape. */
function unaryProperty(f: (x: Tensor) => Tensor, make: MakeTensor = randomTensor): void {
  property(unaryArb, ([shape, seed]) => check(f, [make(shape, seed)]));
}

const positive: MakeTensor = (shape, seed) => randomTensor(shape, seed, 0.2, 3);
const wide: MakeTensor = (shape, seed) => randomTensor(shape, seed, -5, 5);

/** One finite-difference property per primitive; the Record type makes a missing one a compile error. */
const cases: Record<keyof typeof primitives, { readonly title: string; readonly run: () => void }> = {
  add: { title: 'add() with broadcasting', run: () => binaryProperty((a, b) => a.add(b)) },
  sub: { title: 'sub() with broadcasting', run: () => binaryProperty((a, b) => a.sub(b)) },
  mul: { title: 'mul() with broadcasting', run: () => binaryProperty((a, b) => a.mul(b)) },
  div: { title: 'div() with broadcasting', run: () => binaryProperty((a, b) => a.div(b), randomTensor, awayFromZero) },
  pow: { title: 'pow() with broadcasting, for base and exponent', run: () => binaryProperty((a, b) => a.pow(b), (shape, seed) => randomTensor(shape, seed, 0.5, 2), randomTensor) },
  maximum: { title: 'maximum() with broadcasting', run: () => binaryProperty((a, b) => a.maximum(b), (shape, seed) => gridTensor(shape, seed, 0.05), gridTensor) },
  where: {
    title: 'where() with broadcasting',
    run: () =>
      property(fc.tuple(pairArb, fc.boolean()), ([[[sa, sb], s1, s2], condFirst]) => {
        const cond = randomTensor(condFirst ? sa : sb, s1 + 1).gt(0);
        check((a, b) => where(cond, a, b), [randomTensor(sa, s1), randomTensor(sb, s2)]);
      }),
  },
  cast: { title: 'clone() (cast)', run: () => unaryProperty((x) => x.clone()) },
  neg: { title: 'neg()', run: () => unaryProperty((x) => x.neg()) },
  exp: { title: 'exp()', run: () => unaryProperty((x) => x.exp()) },
  log: { title: 'log()', run: () => unaryProperty((x) => x.log(), positive) },
  sqrt: { title: 'sqrt()', run: () => unaryProperty((x) => x.sqrt(), positive) },
  abs: { title: 'abs()', run: () => unaryProperty((x) => x.abs(), awayFromZero) },
  // Within ±2.5: further out erf is so flat that rounding (1e-16 / 2e-6) swamps its difference quotient.
  erf: { title: 'erf()', run: () => unaryProperty((x) => x.erf(), (shape, seed) => randomTensor(shape, seed, -2.5, 2.5)) },
  tanh: { title: 'tanh()', run: () => unaryProperty((x) => x.tanh(), (shape, seed) => randomTensor(shape, seed, -3, 3)) },
  sigmoid: { title: 'sigmoid()', run: () => unaryProperty((x) => x.sigmoid(), wide) },
  relu: { title: 'relu()', run: () => unaryProperty((x) => x.relu(), awayFromZero) },
  softplus: { title: 'softplus()', run: () => unaryProperty((x) => x.softplus(), wide) },
  logSoftmax: {
    title: 'logSoftmax() along any dimension',
    run: () =>
      property(fc.tuple(shapeArb(1), seedArb, fc.nat()), ([shape, seed, d]) =>
        check((x) => x.logSoftmax(d % shape.length), [randomTensor(shape, seed)]),
      ),
  },
  sum: { title: 'sum() over any dimensions, with and without keepdim', run: () => reductionProperty((x, dims, keepdim) => x.sum(dims, keepdim), randomTensor) },
  max: { title: 'max() over any dimensions, with and without keepdim', run: () => reductionProperty((x, dims, keepdim) => x.max(dims, keepdim), distinctTensor) },
  reshape: {
    title: 'reshape()',
    run: () =>
      property(fc.tuple(shapeArb(0, 4), seedArb), ([shape, seed]) =>
        check((x) => x.reshape([...shape].reverse()).reshape([-1]).mul(x.reshape([-1])), [randomTensor(shape, seed)]),
      ),
  },
  expand: {
    title: 'expand()',
    run: () =>
      property(fc.tuple(broadcastPairArb(), seedArb), ([[sa, sb], seed]) => {
        const [small, big] = numel(sa) <= numel(sb) && sa.length <= sb.length ? [sa, sb] : [sb, sa];
        const target = small.length <= big.length ? big.map((d, i) => Math.max(d, small[i - big.length + small.length] ?? 1)) : small;
        check((x) => x.expand(target), [randomTensor(small, seed)]);
      }),
  },
  permute: {
    title: 'permute()',
    run: () =>
      property(
        shapeArb(1, 4).chain((shape) =>
          fc.tuple(fc.constant(shape), fc.shuffledSubarray(shape.map((_, i) => i), { minLength: shape.length, maxLength: shape.length }), seedArb),
        ),
        ([shape, dims, seed]) => check((x) => x.permute(...dims), [randomTensor(shape, seed)]),
      ),
  },
  pad: {
    title: 'pad() with positive (padding) and negative (cropping) amounts',
    run: () =>
      property(
        fc.tuple(shapeArb(1, 3, 5), seedArb, fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 6, maxLength: 6 }), fc.double({ min: -1, max: 1, noNaN: true })),
        ([shape, seed, amounts, value]) => {
          const used = amounts.slice(0, 2 * shape.length);
          const fits = shape.every((d, i) => {
            const k = shape.length - 1 - i;
            return d + used[2 * k]! + used[2 * k + 1]! >= 0;
          });
          if (fits) check((x) => pad(x, used, value), [randomTensor(shape, seed)]);
        },
      ),
  },
  cat: {
    title: 'cat() along any dimension',
    run: () =>
      property(
        fc.tuple(shapeArb(1, 3), fc.nat(), fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }), seedArb),
        ([shape, d, sizes, seed]) => {
          const dim = d % shape.length;
          const inputs = sizes.map((n, i) => randomTensor(shape.map((s, j) => (j === dim ? n : s)), seed + i));
          check((...xs) => cat(xs, dim), inputs);
        },
      ),
  },
  matmul: {
    title: 'matmul() for 1-D, 2-D and batched operands with broadcast batch dimensions',
    run: () =>
      property(
        fc.tuple(broadcastPairArb(2), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), seedArb, fc.nat(4)),
        ([[ba, bb], m, k, n, seed, vector]) => {
          const a = vector === 1 ? [k] : [...ba, m, k];
          const b = vector === 2 ? [k] : [...bb, k, n];
          check((x, y) => matmul(x, y), [randomTensor(a, seed), randomTensor(b, seed + 1)]);
        },
      ),
  },
  linear: {
    title: 'linear() with leading dimensions, with and without bias',
    run: () =>
      property(
        fc.tuple(shapeArb(0, 2), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.boolean(), seedArb),
        ([lead, inF, outF, bias, seed]) => {
          const inputs = [randomTensor([...lead, inF], seed), randomTensor([outF, inF], seed + 1), ...(bias ? [randomTensor([outF], seed + 2)] : [])];
          check((x, w, b) => linear(x!, w!, b ?? null), inputs);
        },
      ),
  },
  conv2d: {
    title: 'conv2d() with stride, padding, dilation and groups',
    run: () =>
      property(
        fc.record({
          n: fc.integer({ min: 1, max: 2 }), c: fc.integer({ min: 1, max: 3 }), f: fc.integer({ min: 1, max: 3 }),
          h: fc.integer({ min: 3, max: 7 }), w: fc.integer({ min: 3, max: 7 }), kh: fc.integer({ min: 1, max: 3 }), kw: fc.integer({ min: 1, max: 3 }),
          stride: fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 })),
          padding: fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })),
          dilation: fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 })),
          groups: fc.integer({ min: 1, max: 2 }), bias: fc.boolean(), seed: seedArb,
        }),
        ({ n, c, f, h, w, kh, kw, stride, padding, dilation, groups, bias, seed }) => {
          if (h + 2 * padding[0] < dilation[0] * (kh - 1) + 1 || w + 2 * padding[1] < dilation[1] * (kw - 1) + 1) return;
          const [cin, cout] = [c * groups, f * groups];
          const inputs = [randomTensor([n, cin, h, w], seed), randomTensor([cout, c, kh, kw], seed + 1), ...(bias ? [randomTensor([cout], seed + 2)] : [])];
          check((x, k, b) => conv2d(x!, k!, b ?? null, { stride, padding, dilation, groups }), inputs);
        },
      ),
  },
  maxPool2d: {
    title: 'maxPool2d() with stride and padding',
    run: () => poolProperty((x, k, stride, padding) => maxPool2d(x, k, { stride, padding }), distinctTensor),
  },
  avgPool2d: {
    title: 'avgPool2d() with stride and padding',
    run: () => poolProperty((x, k, stride, padding) => avgPool2d(x, k, { stride, padding }), randomTensor),
  },
  adaptiveAvgPool2d: { title: 'adaptiveAvgPool2d() to sizes smaller and larger than the input', run: () => adaptiveProperty(adaptiveAvgPool2d, randomTensor) },
  adaptiveMaxPool2d: { title: 'adaptiveMaxPool2d() to sizes smaller and larger than the input', run: () => adaptiveProperty(adaptiveMaxPool2d, distinctTensor) },
};

describe('primitives: backward rules match central differences (float64, relative error <= 1e-6)', () => {
  for (const { title, run } of Object.values(cases)) it(title, run);

  it('gradcheck() notices a wrong rule', () => {
    // The checker itself must fail on a wrong derivative: d/dx x^3 computed as 2x.
    const wrong = (x: Tensor) => {
      const y = x.mul(x).mul(x).detach();
      const out = new Tensor(y.data, y.shape);
      out.requiresGrad = true;
      out.gradFn = { name: 'cubeWrong', inputs: [x], backward: (g) => [g.mul(x).mul(2)] };
      return out;
    };
    expect(gradcheck(wrong, [randomTensor([3], 1)])).toBeGreaterThan(0.1);
  });
});
