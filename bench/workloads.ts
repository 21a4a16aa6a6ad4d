/**
 * The benchmark's workloads (issue 3, section 4), each written for our engine and for
 * TensorFlow.js. A workload's `make[engine]` builds the model and data once and returns one
 * iteration; tfjs variants run under whichever tfjs backend is active.
 */
import type * as TF from '@tensorflow/tfjs-core';
import * as E from '../lib/engine/index';
import { dropoutCnnWorkload } from './cnn-workload';

/** Who runs a workload: our engine on its JavaScript kernels (the default), on its WebAssembly SIMD kernels ('auto'), or TensorFlow.js. */
export type Engine = 'ours' | 'ours-simd' | 'tfjs-cpu' | 'tfjs-wasm';

/** What a workload's goal compares. */
export type Goal =
  | { readonly kind: 'ratio'; readonly min: number; readonly beatWasm: boolean }
  | { readonly kind: 'slowdown'; readonly of: string; readonly max: number }
  | { readonly kind: 'time'; readonly maxMicroseconds: number };

/** Issue 17's goal for the WebAssembly SIMD kernels: ours with them at least `min` times as fast as `versus`. */
export interface SimdGoal {
  readonly versus: 'ours' | 'tfjs-wasm';
  readonly min: number;
}

/** The small-network workloads must not get slower with SIMD: a 5% allowance for the noise of a shared machine. */
export const NOT_SLOWER: SimdGoal = { versus: 'ours', min: 0.95 };

/** One row of the table. */
export interface Workload {
  readonly name: string;
  /** GFLOP/s and steps/s: higher is better; µs/op: lower is better. */
  readonly unit: 'GFLOP/s' | 'steps/s' | 'µs/op';
  /** Floating-point operations per iteration (GFLOP/s rows). */
  readonly flops?: number;
  readonly goal: Goal;
  readonly simdGoal: SimdGoal;
  /** Our engine's iteration ('ours'; 'ours-simd' runs the same one with the WebAssembly kernels) and tfjs's. */
  readonly make: Partial<Record<Exclude<Engine, 'ours-simd'>, () => () => void>>;
}

type Tf = typeof TF;
const SEED = 1234;

function matmulWorkload(tf: Tf, n: number): Workload {
  const rng = new E.Rng(SEED);
  const tfjs = () => {
    const a = tf.randomNormal([n, n]);
    const b = tf.randomNormal([n, n]);
    return () => {
      const c = tf.matMul(a, b);
      c.dataSync();
      c.dispose();
    };
  };
  return {
    name: `matmul ${n}x${n}`,
    unit: 'GFLOP/s',
    flops: 2 * n ** 3,
    goal: { kind: 'ratio', min: 4, beatWasm: false },
    simdGoal: { versus: 'tfjs-wasm', min: 0.8 },
    make: {
      ours: () => {
        const a = E.randn([n, n], rng);
        const b = E.randn([n, n], rng);
        return () => void a.matmul(b);
      },
      'tfjs-cpu': tfjs,
      'tfjs-wasm': tfjs,
    },
  };
}

/** Layer widths of an MLP: input, hidden..., output. */
function mlpWorkload(tf: Tf, name: string, widths: readonly number[], goal: Goal, readNorms: boolean): Workload {
  const batch = 256;
  const rng = new E.Rng(SEED);
  const inputs = E.randn([batch, widths[0]!], rng);
  const targets = E.randn([batch, widths[widths.length - 1]!], rng);
  const tfjs = () => {
    const x = tf.tensor(inputs.data, [...inputs.shape]);
    const y = tf.tensor(targets.data, [...targets.shape]);
    const layers = widths.slice(1).map((out, i) => {
      const bound = 1 / Math.sqrt(widths[i]!);
      return { w: tf.variable(tf.randomUniform([widths[i]!, out], -bound, bound)), b: tf.variable(tf.zeros([out])) };
    });
    const vars = layers.flatMap((l) => [l.w, l.b]);
    const optimizer = tf.train.sgd(0.01);
    const loss = () =>
      tf.losses.meanSquaredError(
        y,
        layers.reduce<TF.Tensor>((h, l, i) => {
          const z = tf.add(tf.matMul(h, l.w), l.b);
          return i < layers.length - 1 ? tf.tanh(z) : z;
        }, x),
      ) as TF.Scalar;
    return () =>
      tf.tidy(() => {
        const { grads } = tf.variableGrads(loss, vars);
        if (readNorms) {
          for (const l of layers) tf.sqrt(tf.add(tf.sum(tf.square(grads[l.w.name]!)), tf.sum(tf.square(grads[l.b.name]!)))).dataSync();
        }
        optimizer.applyGradients(grads);
      });
  };
  return {
    name,
    unit: 'steps/s',
    goal,
    simdGoal: NOT_SLOWER,
    make: {
      ours: () => {
        const layers: E.nn.Module[] = [];
        widths.slice(1).forEach((out, i) => {
          layers.push(new E.nn.Linear(widths[i]!, out, { rng }));
          if (i < widths.length - 2) layers.push(new E.nn.Tanh());
        });
        const model = new E.nn.Sequential(...layers);
        const optimizer = new E.optim.SGD(model.parameters(), { lr: 0.01 });
        return () => {
          optimizer.zeroGrad();
          E.mseLoss(model.forward(inputs), targets).backward();
          // The gradient norm of each layer (weight and bias together), as a training widget shows it.
          if (readNorms) for (const layer of layers) E.gradNorm(layer.parameters());
          optimizer.step();
        };
      },
      'tfjs-cpu': tfjs,
      'tfjs-wasm': tfjs,
    },
  };
}

function convWorkload(tf: Tf): Workload {
  const rng = new E.Rng(SEED);
  const images = E.randn([32, 1, 28, 28], rng);
  return {
    name: 'conv2d+relu+maxPool2d fwd+bwd 32x1x28x28, 8 3x3',
    unit: 'steps/s',
    goal: { kind: 'ratio', min: 45, beatWasm: false },
    simdGoal: { versus: 'ours', min: 4 },
    make: {
      ours: () => {
        const conv = new E.nn.Conv2d(1, 8, 3, { rng });
        return () => {
          conv.zeroGrad();
          E.maxPool2d(E.relu(conv.forward(images)), 2).sum().backward();
        };
      },
      // tfjs-wasm has no Conv2DBackpropFilter, so it cannot train a convolution.
      'tfjs-cpu': () => {
        const x = tf.transpose(tf.tensor(images.data, [...images.shape]), [0, 2, 3, 1]);
        const w = tf.variable(tf.randomNormal([3, 3, 1, 8], 0, 1 / 3));
        const b = tf.variable(tf.zeros([8]));
        const loss = () => tf.sum(tf.maxPool(tf.relu(tf.add(tf.conv2d(x as TF.Tensor4D, w as TF.Tensor4D, 1, 'valid'), b)), 2, 2, 'valid')) as TF.Scalar;
        return () => tf.tidy(() => void tf.variableGrads(loss, [w, b]));
      },
    },
  };
}

function rnnWorkload(tf: Tf): Workload {
  const [L, N, H] = [20, 32, 32];
  const rng = new E.Rng(SEED);
  const inputs = E.randn([L, N, H], rng);
  const tfjs = () => {
    const xs = tf.unstack(tf.tensor(inputs.data, [L, N, H]));
    const bound = 1 / Math.sqrt(H);
    const param = (shape: number[]) => tf.variable(tf.randomUniform(shape, -bound, bound));
    const [wih, whh, bih, bhh] = [param([H, H]), param([H, H]), param([H]), param([H])];
    const loss = () => {
      let h: TF.Tensor = tf.zeros([N, H]);
      const outputs = xs.map((xt) => (h = tf.tanh(tf.add(tf.add(tf.matMul(xt, wih), bih), tf.add(tf.matMul(h, whh), bhh)))));
      return tf.sum(tf.stack(outputs)) as TF.Scalar;
    };
    return () => tf.tidy(() => void tf.variableGrads(loss, [wih, whh, bih, bhh]));
  };
  return {
    name: 'RNN tanh L=20 N=32 H=32 fwd+bwd',
    unit: 'steps/s',
    goal: { kind: 'ratio', min: 3, beatWasm: true },
    simdGoal: NOT_SLOWER,
    make: {
      ours: () => {
        const rnn = new E.nn.RNN(H, H, { rng });
        return () => {
          rnn.zeroGrad();
          rnn.forward(inputs)[0].sum().backward();
        };
      },
      'tfjs-cpu': tfjs,
      'tfjs-wasm': tfjs,
    },
  };
}

function dispatchWorkload(tf: Tf): Workload {
  const rng = new E.Rng(SEED);
  const tfjs = () => {
    const a = tf.randomNormal([16]);
    const b = tf.randomNormal([16]);
    return () => tf.add(a, b).dispose();
  };
  return {
    name: 'add, 16 elements (dispatch cost)',
    unit: 'µs/op',
    goal: { kind: 'time', maxMicroseconds: 2 },
    simdGoal: NOT_SLOWER,
    make: {
      ours: () => {
        const a = E.randn([16], rng);
        const b = E.randn([16], rng);
        return () => void a.add(b);
      },
      'tfjs-cpu': tfjs,
      'tfjs-wasm': tfjs,
    },
  };
}

/** Every workload, in table order. */
export function workloads(tf: Tf): Workload[] {
  const mlp = 'MLP 2-16-16-1 tanh, batch 256, fwd+bwd+SGD';
  return [
    matmulWorkload(tf, 256),
    matmulWorkload(tf, 512),
    mlpWorkload(tf, mlp, [2, 16, 16, 1], { kind: 'ratio', min: 4, beatWasm: true }, false),
    mlpWorkload(tf, 'same MLP, reading each layer grad norm', [2, 16, 16, 1], { kind: 'slowdown', of: mlp, max: 0.05 }, true),
    mlpWorkload(tf, 'deep MLP 2-(32 x 8 layers)-1, batch 256', [2, 32, 32, 32, 32, 32, 32, 32, 32, 1], { kind: 'ratio', min: 4, beatWasm: false }, false),
    convWorkload(tf),
    dropoutCnnWorkload(tf),
    rnnWorkload(tf),
    dispatchWorkload(tf),
  ];
}
