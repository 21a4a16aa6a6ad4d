/**
 * Neural Notebook's autograd engine: PyTorch's API in camelCase, on typed arrays, without the DOM.
 *
 *   const x = tensor([[1, 2], [3, 4]], { requiresGrad: true });
 *   x.matmul(w).add(b).tanh().sum().backward();  // x.grad is now d(sum)/dx
 *
 * See README.md for a tour, the XOR example and how to add an op.
 */
export { Rng } from './random';
export { Tensor, type NestedArray } from './tensor';
export { setStorageReuse, storageReuseStats, type DType, type StorageReuseStats } from './storage';
export type { BufferPoolStats } from './buffer-pool';
export type { Shape } from './shape';
export { noGrad, isGradEnabled, type GradFn, type Backward } from './autograd';
export { trace, type Trace, type TraceNode, type TraceEdge } from './trace';
export { tensor, zeros, ones, full, zerosLike, onesLike, randn, rand, arange, linspace, eye, type TensorOptions } from './create';
export { scalar, add, sub, mul, div, pow, maximum, minimum, neg, exp, log, sqrt, abs, square, clamp, erf, where, cast, eq, ne, gt, ge, lt, le, type Operand } from './ops/arithmetic';
export { sum, mean, max, min, norm, argmax, type Dims } from './ops/reductions';
export { reshape, flatten, squeeze, unsqueeze, permute, transpose, expand, narrow, slice, select, pad, cat, stack } from './ops/shaping';
export { matmul, linear } from './ops/linalg';
export { conv2d, maxPool2d, avgPool2d, type Conv2dOptions, type Conv2dPadding, type PoolOptions, type AvgPoolOptions, type MaxPoolOptions, type Pair } from './ops/convolution';
export { adaptiveAvgPool2d, adaptiveMaxPool2d, type AdaptiveSize } from './ops/adaptive-pooling';
export { batchNorm, type BatchNormOptions } from './ops/normalization';
export { tanh, sigmoid, relu, relu6, hardtanh, softplus, leakyRelu, elu, gelu, silu, logSoftmax, softmax, dropout, dropout2d, type DropoutOptions } from './ops/activations';
export { mseLoss, crossEntropy, binaryCrossEntropyWithLogits, oneHot, type Reduction, type LossOptions } from './ops/losses';
export { setKernelBackend, kernelBackend, type KernelBackend, type KernelBackendInfo } from './kernels/wasm/instance';
export { clipGradNorm, clipGradValue, gradNorm } from './optim/clip';
export * as nn from './nn/index';
export * as optim from './optim/index';
export * from './format';
export * from './nn/init';
