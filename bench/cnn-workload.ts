/**
 * The overfitting-and-dropout lesson's training step (issue 14): its CNN for 14×14 digits (conv 3×3
 * 8 → ReLU → pool → conv 3×3 16 → ReLU → pool → Linear 144→64 → ReLU → Dropout 0.5 → Linear 64→10),
 * cross-entropy, Adam, a batch of 32: forward, backward and the update, in our engine (the lesson's
 * own SpecModel) and in tfjs-cpu (tfjs-wasm has no Conv2DBackpropFilter).
 */
import type * as TF from '@tensorflow/tfjs-core';
import * as E from '../lib/engine/index';
import { digitsCnn } from '../lib/course/dropout/index';
import { DROPOUT_SEED, SpecModel } from '../lib/ml/training/index';
import { NOT_SLOWER, type Workload } from './workloads';

const BATCH = 32;
const SEED = 1234;

/** The lesson's default CNN training step on random images and labels. */
export function dropoutCnnWorkload(tf: typeof TF): Workload {
  const rng = new E.Rng(SEED);
  const images = E.rand([BATCH, 1, 14, 14], rng);
  const labels = E.tensor(Array.from({ length: BATCH }, (_, i) => i % 10));
  return {
    name: 'dropout lesson CNN 14x14 batch 32 fwd+bwd+Adam',
    unit: 'steps/s',
    goal: { kind: 'ratio', min: 1, beatWasm: false },
    simdGoal: NOT_SLOWER,
    make: {
      ours: () => {
        const model = new SpecModel(digitsCnn(0.5, 'fc'), { weights: new E.Rng(SEED), dropout: new E.Rng(SEED ^ DROPOUT_SEED) });
        const optimizer = new E.optim.Adam(model.parameters(), { lr: 0.002 });
        model.train();
        return () => {
          optimizer.zeroGrad();
          E.crossEntropy(model.forward(images), labels).backward();
          optimizer.step();
        };
      },
      'tfjs-cpu': () => {
        const x = tf.transpose(tf.tensor4d(Float32Array.from(images.data), [BATCH, 1, 14, 14]), [0, 2, 3, 1]);
        const y = tf.oneHot(tf.tensor1d(Array.from(labels.data), 'int32'), 10);
        const param = (shape: number[], fanIn: number) => tf.variable(tf.randomUniform(shape, -1 / Math.sqrt(fanIn), 1 / Math.sqrt(fanIn)));
        const [w1, b1, w2, b2] = [param([3, 3, 1, 8], 9), param([8], 9), param([3, 3, 8, 16], 72), param([16], 72)];
        const [w3, b3, w4, b4] = [param([144, 64], 144), param([64], 144), param([64, 10], 64), param([10], 64)];
        const optimizer = tf.train.adam(0.002);
        const block = (h: TF.Tensor4D, w: TF.Variable, b: TF.Variable): TF.Tensor4D => tf.maxPool(tf.relu(tf.add(tf.conv2d(h, w as TF.Tensor4D, 1, 'same'), b)), 2, 2, 'valid');
        const loss = () => {
          // Flattened channels-last: the same function of the weights up to a permutation of w3's rows.
          const h = tf.reshape(block(block(x, w1, b1), w2, b2), [BATCH, 144]);
          const hidden = tf.dropout(tf.relu(tf.add(tf.matMul(h, w3), b3)), 0.5);
          return tf.losses.softmaxCrossEntropy(y, tf.add(tf.matMul(hidden, w4), b4)) as TF.Scalar;
        };
        return () => tf.tidy(() => void optimizer.minimize(loss));
      },
    },
  };
}
