import { beforeAll, describe, expect, it } from 'vitest';
import type * as TF from '@tensorflow/tfjs-core';
import { loadTfjs } from './testing/tfjs';
import { Rng } from './random';
import { Tensor } from './tensor';
import { tensor } from './create';
import * as E from './index';
import { numel, type Shape } from './shape';

// Forward values and gradients against TensorFlow.js (tfjs-core + tfjs-backend-cpu) on random
// float32 inputs, for every op tfjs also has. Gradients: ours from backward(dy), theirs from
// tf.grads with the same dy.

let tf: typeof TF;
beforeAll(async () => {
  tf = await loadTfjs();
});

const TOLERANCE = 2e-5;

/** max |a - b| / max(1, |b|) <= tol. */
function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = TOLERANCE): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!) / Math.max(1, Math.abs(expected[i]!)));
  expect(worst).toBeLessThanOrEqual(tol);
}

function random(shape: Shape, seed: number, low = -2, high = 2): Float32Array<ArrayBuffer> {
  const rng = new Rng(seed);
  return Float32Array.from({ length: numel(shape) }, () => rng.uniform(low, high));
}

interface Input {
  readonly shape: Shape;
  readonly low?: number;
  readonly high?: number;
  /** Takes no gradient (e.g. a mask or class indices). */
  readonly constant?: boolean;
  /** Fixed values instead of random ones. */
  readonly values?: Float32Array<ArrayBuffer>;
}

/** Runs ours and theirs on the same random inputs and compares outputs and input gradients. */
function compare(
  ours: (...xs: Tensor[]) => Tensor,
  theirs: (...xs: TF.Tensor[]) => TF.Tensor,
  inputs: readonly Input[],
  { seed = 1, grads = true, tol = TOLERANCE } = {},
): void {
  const data = inputs.map((input, i) => input.values ?? random(input.shape, seed + i, input.low, input.high));
  const ourInputs = inputs.map((input, i) => new Tensor(data[i]!.slice(), input.shape, !input.constant && grads));
  const theirInputs = inputs.map((input, i) => tf.tensor(data[i]!, [...input.shape]));
  const out = ours(...ourInputs);
  const expected = theirs(...theirInputs);
  expect(out.shape).toEqual(expected.shape);
  expectClose(out.data, expected.dataSync(), tol);
  if (!grads) return;
  const dy = random(out.shape, seed + 100);
  out.backward(new Tensor(dy, out.shape));
  const varying = theirInputs.map((_, i) => i).filter((i) => !inputs[i]!.constant);
  const theirGrads = tf.grads((...xs: TF.Tensor[]) => {
    const all = theirInputs.slice();
    varying.forEach((i, k) => (all[i] = xs[k]!));
    return theirs(...all);
  })(varying.map((i) => theirInputs[i]!), tf.tensor(dy, [...out.shape]));
  varying.forEach((i, k) => expectClose(ourInputs[i]!.grad!.data, theirGrads[k]!.dataSync(), tol));
}

const BROADCAST_PAIRS: readonly [Shape, Shape][] = [
  [[3, 4], [3, 4]],
  [[5, 3], [3]],
  [[2, 1, 4], [3, 1]],
  [[], [2, 3]],
  [[4, 1], [1, 5]],
];

function broadcastBoth(a: TF.Tensor, b: TF.Tensor): [TF.Tensor, TF.Tensor] {
  const shape = tf.add(a, b).shape;
  return [tf.broadcastTo(a, shape), tf.broadcastTo(b, shape)];
}

describe('ops against TensorFlow.js', () => {
  const binaries: [string, (a: Tensor, b: Tensor) => Tensor, (a: TF.Tensor, b: TF.Tensor) => TF.Tensor, number?][] = [
    ['add', (a, b) => a.add(b), (a, b) => tf.add(a, b)],
    ['sub', (a, b) => a.sub(b), (a, b) => tf.sub(a, b)],
    ['mul', (a, b) => a.mul(b), (a, b) => tf.mul(a, b)],
    ['div', (a, b) => a.div(b), (a, b) => tf.div(a, b), 0.5],
    ['pow', (a, b) => a.pow(b), (a, b) => tf.pow(a, b), 0.5],
    // tfjs's maximum and minimum gradients ignore broadcasting: broadcast explicitly on its side.
    ['maximum', (a, b) => a.maximum(b), (a, b) => tf.maximum(...broadcastBoth(a, b))],
    ['minimum', (a, b) => a.minimum(b), (a, b) => tf.minimum(...broadcastBoth(a, b))],
  ];
  for (const [name, ours, theirs, low] of binaries) {
    it(`${name}() matches tf.${name} with broadcasting`, () => {
      BROADCAST_PAIRS.forEach(([sa, sb], seed) => {
        const positive = low === undefined ? {} : { low, high: 2 };
        compare(ours, theirs, [{ shape: sa, ...(name === 'pow' ? positive : {}) }, { shape: sb, ...(name === 'div' ? positive : {}) }], { seed });
      });
    });
  }

  const unaries: [string, (x: Tensor) => Tensor, (x: TF.Tensor) => TF.Tensor, number, number][] = [
    ['neg', (x) => x.neg(), (x) => tf.neg(x), -2, 2],
    ['exp', (x) => x.exp(), (x) => tf.exp(x), -2, 2],
    ['log', (x) => x.log(), (x) => tf.log(x), 0.1, 3],
    ['sqrt', (x) => x.sqrt(), (x) => tf.sqrt(x), 0.1, 3],
    ['abs', (x) => x.abs(), (x) => tf.abs(x), -2, 2],
    ['square', (x) => x.square(), (x) => tf.square(x), -2, 2],
    ['tanh', (x) => x.tanh(), (x) => tf.tanh(x), -4, 4],
    ['sigmoid', (x) => x.sigmoid(), (x) => tf.sigmoid(x), -6, 6],
    ['relu', (x) => x.relu(), (x) => tf.relu(x), -2, 2],
    ['leakyRelu', (x) => x.leakyRelu(0.1), (x) => tf.leakyRelu(x, 0.1), -2, 2],
    ['softplus', (x) => x.softplus(), (x) => tf.softplus(x), -6, 6],
  ];
  for (const [name, ours, theirs, low, high] of unaries) {
    it(`${name}() matches tf.${name}`, () => compare(ours, theirs, [{ shape: [4, 5], low, high }]));
  }

  it('where() matches tf.where with broadcasting', () => {
    const cond = new Float32Array([1, 0, 0, 1]);
    compare((c, a, b) => E.where(c!, a!, b!), (c, a, b) => tf.where(tf.cast(c!, 'bool'), a!, b!), [{ shape: [4], constant: true, values: cond }, { shape: [3, 4] }, { shape: [3, 4] }]);
  });

  const reductions: [string, (x: Tensor, dims: number[], keep: boolean) => Tensor, (x: TF.Tensor, dims: number[], keep: boolean) => TF.Tensor][] = [
    ['sum', (x, d, k) => x.sum(d, k), (x, d, k) => tf.sum(x, d, k)],
    ['mean', (x, d, k) => x.mean(d, k), (x, d, k) => tf.mean(x, d, k)],
    ['max', (x, d, k) => x.max(d, k), (x, d, k) => tf.max(x, d, k)],
    ['min', (x, d, k) => x.min(d, k), (x, d, k) => tf.min(x, d, k)],
  ];
  for (const [name, ours, theirs] of reductions) {
    it(`${name}() matches tf.${name} over dimensions, with keepdim`, () => {
      for (const [dims, keep] of [[[0], false], [[1, 2], true], [[0, 2], false], [[0, 1, 2], false], [[-1], true]] as const) {
        compare((x) => ours(x, [...dims], keep), (x) => theirs(x, [...dims], keep), [{ shape: [3, 4, 5] }]);
      }
    });
  }

  it('reshape(), permute(), expand() match tf.reshape, tf.transpose, tf.broadcastTo', () => {
    compare((x) => x.reshape([6, -1]), (x) => tf.reshape(x, [6, -1]), [{ shape: [2, 3, 4] }]);
    compare((x) => x.permute(2, 0, 1), (x) => tf.transpose(x, [2, 0, 1]), [{ shape: [2, 3, 4] }]);
    compare((x) => x.transpose(0, 1), (x) => tf.transpose(x, [1, 0, 2]), [{ shape: [2, 3, 4] }]);
    compare((x) => x.expand([2, 3, 4]), (x) => tf.broadcastTo(x, [2, 3, 4]), [{ shape: [3, 1] }]);
  });

  it('narrow(), slice(), select() match tf.slice', () => {
    compare((x) => x.narrow(1, 1, 2), (x) => tf.slice(x, [0, 1, 0], [2, 2, 4]), [{ shape: [2, 3, 4] }]);
    compare((x) => x.slice(-1, 1, -1), (x) => tf.slice(x, [0, 0, 1], [2, 3, 2]), [{ shape: [2, 3, 4] }]);
    compare((x) => x.select(0, 1), (x) => tf.squeeze(tf.slice(x, [1, 0, 0], [1, 3, 4]), [0]), [{ shape: [2, 3, 4] }]);
  });

  it('cat(), stack() and pad() match tf.concat, tf.stack and tf.pad', () => {
    compare((a, b) => E.cat([a!, b!], 1), (a, b) => tf.concat([a!, b!], 1), [{ shape: [2, 3, 4] }, { shape: [2, 2, 4] }]);
    compare((a, b) => E.stack([a!, b!], 1), (a, b) => tf.stack([a!, b!], 1), [{ shape: [2, 3] }, { shape: [2, 3] }]);
    compare((x) => E.pad(x, [1, 2, 0, 1], 0.5), (x) => tf.pad(x, [[0, 0], [0, 1], [1, 2]], 0.5), [{ shape: [2, 3, 4] }]);
  });

  it('matmul() matches tf.matMul, batched and broadcast', () => {
    compare((a, b) => a.matmul(b), (a, b) => tf.matMul(a, b), [{ shape: [5, 7] }, { shape: [7, 3] }]);
    compare((a, b) => a.matmul(b), (a, b) => tf.matMul(a, b), [{ shape: [2, 5, 7] }, { shape: [2, 7, 3] }]);
    // tfjs's batched matmul gradient ignores broadcasting: broadcast b explicitly on its side.
    compare((a, b) => a.matmul(b), (a, b) => tf.matMul(a, tf.broadcastTo(b, [3, 2, 4, 6])), [{ shape: [3, 2, 5, 4] }, { shape: [2, 4, 6] }]);
    compare((a, b) => a.matmul(b), (a, b) => tf.matMul(a, b), [{ shape: [64, 33] }, { shape: [33, 17] }], { tol: 1e-4 });
  });

  it('linear() matches tf.matMul(x, w, false, true) + b', () => {
    compare((x, w, b) => E.linear(x!, w!, b!), (x, w, b) => tf.add(tf.matMul(x!, w!, false, true), b!), [{ shape: [9, 5] }, { shape: [3, 5] }, { shape: [3] }]);
  });

  /** NCHW input and (F, C, kH, kW) weight, converted for tfjs's NHWC and (kH, kW, C, F). */
  const toNhwc = (x: TF.Tensor) => tf.transpose(x, [0, 2, 3, 1]);
  const toNchw = (x: TF.Tensor) => tf.transpose(x, [0, 3, 1, 2]);
  const tfPads = (p: number): [[number, number], [number, number], [number, number], [number, number]] => [[0, 0], [p, p], [p, p], [0, 0]];

  it('conv2d() matches tf.conv2d with stride and padding', () => {
    for (const [stride, padding, seed] of [[1, 0, 1], [2, 1, 2], [1, 2, 3], [3, 1, 4]] as const) {
      compare(
        (x, w, b) => E.conv2d(x!, w!, b!, { stride, padding }),
        (x, w, b) => toNchw(tf.add(tf.conv2d(toNhwc(x!) as TF.Tensor4D, tf.transpose(w!, [2, 3, 1, 0]) as TF.Tensor4D, stride, tfPads(padding)), b!)),
        [{ shape: [2, 3, 9, 8] }, { shape: [4, 3, 3, 2] }, { shape: [4] }],
        { seed, tol: 1e-4 },
      );
    }
  });

  it('conv2d() matches tf.conv2d with dilation (forward only: tfjs has no dilated gradients)', () => {
    for (const [dilation, padding] of [[2, 0], [2, 2], [3, 1]] as const) {
      compare(
        (x, w) => E.conv2d(x!, w!, null, { padding, dilation }),
        (x, w) => toNchw(tf.conv2d(toNhwc(x!) as TF.Tensor4D, tf.transpose(w!, [2, 3, 1, 0]) as TF.Tensor4D, 1, tfPads(padding), 'NHWC', dilation)),
        [{ shape: [2, 2, 10, 9] }, { shape: [3, 2, 3, 3] }],
        { grads: false, tol: 1e-4 },
      );
    }
  });

  it('maxPool2d() matches tf.maxPool with stride and padding', () => {
    for (const [k, stride, padding] of [[2, 2, 0], [3, 1, 1], [3, 2, 1]] as const) {
      compare((x) => E.maxPool2d(x, k, { stride, padding }), (x) => toNchw(tf.maxPool(toNhwc(x) as TF.Tensor4D, k, stride, padding)), [{ shape: [2, 3, 7, 8] }]);
    }
  });

  it('avgPool2d() matches tf.avgPool without padding', () => {
    for (const [k, stride] of [[2, 2], [3, 1], [3, 2]] as const) {
      compare((x) => E.avgPool2d(x, k, { stride }), (x) => toNchw(tf.avgPool(toNhwc(x) as TF.Tensor4D, k, stride, 'valid')), [{ shape: [2, 3, 7, 8] }]);
    }
  });

  it('softmax() and logSoftmax() match tf.softmax and tf.logSoftmax, also for large logits', () => {
    compare((x) => x.softmax(-1), (x) => tf.softmax(x), [{ shape: [4, 6] }]);
    compare((x) => x.logSoftmax(1), (x) => tf.logSoftmax(x), [{ shape: [4, 6], low: -50, high: 50 }]);
    compare((x) => x.softmax(0), (x) => tf.transpose(tf.softmax(tf.transpose(x))), [{ shape: [5, 3] }]);
  });
});

describe('more ops against TensorFlow.js', () => {
  it('clamp(), norm(), squeeze(), unsqueeze() and flatten() match tf.clipByValue, tf.norm, tf.squeeze, tf.expandDims, tf.reshape', () => {
    compare((x) => x.clamp(-0.5, 1), (x) => tf.clipByValue(x, -0.5, 1), [{ shape: [4, 5] }]);
    compare((x) => x.norm(), (x) => tf.norm(x), [{ shape: [3, 4] }]);
    compare((x) => x.squeeze(1), (x) => tf.squeeze(x, [1]), [{ shape: [3, 1, 4] }]);
    compare((x) => x.unsqueeze(-1), (x) => tf.expandDims(x, -1), [{ shape: [3, 4] }]);
    compare((x) => x.flatten(1), (x) => tf.reshape(x, [2, 12]), [{ shape: [2, 3, 4] }]);
  });

  it('argmax() and comparisons match tf.argMax, tf.equal, tf.greater, tf.lessEqual', () => {
    const data = random([5, 6], 3);
    const x = new Tensor(data, [5, 6]);
    const t = tf.tensor(data, [5, 6]);
    expectClose(x.argmax(1).data, tf.argMax(t, 1).dataSync());
    expectClose(x.argmax(0).data, tf.argMax(t, 0).dataSync());
    expectClose(x.gt(0.5).data, tf.greater(t, 0.5).dataSync());
    expectClose(x.le(0).data, tf.lessEqual(t, 0).dataSync());
    expectClose(x.eq(x.max(1, true)).data, tf.equal(t, tf.max(t, 1, true)).dataSync());
  });

  it('oneHot(), arange(), linspace() and eye() match tf.oneHot, tf.range, tf.linspace and tf.eye', () => {
    expectClose(E.oneHot(tensor([2, 0, 1]), 4).data, tf.oneHot(tf.tensor1d([2, 0, 1], 'int32'), 4).dataSync());
    expectClose(E.arange(-1, 2, 0.25).data, tf.range(-1, 2, 0.25).dataSync());
    expectClose(E.linspace(-1, 3, 7).data, tf.linspace(-1, 3, 7).dataSync());
    expectClose(E.eye(3).data, tf.eye(3).dataSync());
  });
});

describe('losses against TensorFlow.js', () => {
  it('crossEntropy() with class indices matches tf.losses.softmaxCrossEntropy', () => {
    const labels = [2, 0, 1, 2, 4];
    const ours = (x: Tensor) => E.crossEntropy(x, tensor(labels));
    const theirs = (x: TF.Tensor) => tf.losses.softmaxCrossEntropy(tf.oneHot(tf.tensor1d(labels, 'int32'), 5), x);
    compare(ours, theirs, [{ shape: [5, 5], low: -5, high: 5 }]);
  });

  it('crossEntropy() with class probabilities matches tf.losses.softmaxCrossEntropy', () => {
    const p = tf.softmax(tf.tensor(random([3, 4], 9), [3, 4]));
    compare((x) => E.crossEntropy(x, new Tensor(Float32Array.from(p.dataSync()), [3, 4])), (x) => tf.losses.softmaxCrossEntropy(p, x), [{ shape: [3, 4] }]);
  });

  it('binaryCrossEntropyWithLogits() matches tf.losses.sigmoidCrossEntropy, also for large logits', () => {
    const y = new Float32Array([0, 1, 1, 0, 0.3, 1]);
    compare(
      (x, t) => E.binaryCrossEntropyWithLogits(x!, t!),
      (x, t) => tf.losses.sigmoidCrossEntropy(t!, x!),
      [{ shape: [6], low: -40, high: 40 }, { shape: [6], constant: true, values: y }],
    );
  });

  it('mseLoss() matches tf.losses.meanSquaredError', () => {
    compare((x, t) => E.mseLoss(x!, t!), (x, t) => tf.losses.meanSquaredError(t!, x!), [{ shape: [8, 3] }, { shape: [8, 3] }]);
  });
});

describe('optimizers against TensorFlow.js', () => {
  /** Minimises sum((w - 1)^4) for a few steps with both libraries; returns both final weights. */
  function descend(ours: (w: Tensor) => E.optim.Optimizer, theirs: () => TF.Optimizer): [Float32Array, Float32Array] {
    const start = random([6], 3);
    const w = new Tensor(start.slice(), [6], true);
    const opt = ours(w);
    const v = tf.variable(tf.tensor(start));
    const tfOpt = theirs();
    for (let i = 0; i < 5; i++) {
      opt.zeroGrad();
      w.sub(1).pow(4).sum().backward();
      opt.step();
      tfOpt.minimize(() => tf.sum(tf.pow(tf.sub(v, 1), 4)) as TF.Scalar, false, [v]);
    }
    return [w.data as Float32Array, v.dataSync() as Float32Array];
  }

  it('SGD with momentum matches tf.train.momentum', () => {
    expectClose(...descend((w) => new E.optim.SGD([w], { lr: 0.01, momentum: 0.9 }), () => tf.train.momentum(0.01, 0.9)), 1e-5);
  });

  it('Adam matches tf.train.adam', () => {
    expectClose(...descend((w) => new E.optim.Adam([w], { lr: 0.05 }), () => tf.train.adam(0.05, 0.9, 0.999, 1e-8)), 1e-5);
  });
});

describe('nn.RNN against TensorFlow.js', () => {
  it('RNN() output and gradients match a tanh recurrence written in tfjs ops', () => {
    const [L, N, Hin, H] = [5, 3, 4, 6];
    const rnn = new E.nn.RNN(Hin, H, { rng: new Rng(11) });
    const [wih, whh, bih, bhh] = rnn.parameters();
    const params = [wih!, whh!, bih!, bhh!].map((p) => tf.tensor(p.data, [...p.shape]));
    const x = random([L, N, Hin], 12);
    const [output, hN] = rnn.forward(new Tensor(x, [L, N, Hin]));
    const theirs = (w1: TF.Tensor, w2: TF.Tensor, b1: TF.Tensor, b2: TF.Tensor) => {
      let h: TF.Tensor = tf.zeros([N, H]);
      const outs = tf.unstack(tf.tensor(x, [L, N, Hin])).map((xt) => (h = tf.tanh(tf.add(tf.add(tf.matMul(xt, w1, false, true), b1), tf.add(tf.matMul(h, w2, false, true), b2)))));
      return tf.stack(outs);
    };
    const expected = theirs(params[0]!, params[1]!, params[2]!, params[3]!);
    expectClose(output.data, expected.dataSync());
    expectClose(hN.data, tf.slice(expected, [L - 1], [1]).dataSync());
    const dy = random([L, N, H], 13);
    output.backward(new Tensor(dy, [L, N, H]));
    const grads = tf.grads((w1: TF.Tensor, w2: TF.Tensor, b1: TF.Tensor, b2: TF.Tensor) => theirs(w1, w2, b1, b2))(params, tf.tensor(dy, [L, N, H]));
    rnn.parameters().forEach((p, i) => expectClose(p.grad!.data, grads[i]!.dataSync()));
  });
});
