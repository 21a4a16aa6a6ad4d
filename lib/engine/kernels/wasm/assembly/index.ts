// AssemblyScript: the module's exports (see ../README.md).
export { gemm, gemmWorkBytes } from './gemm';
export { conv2dImage, conv2dInputGradImage, conv2dWeightGradImage } from './conv';
export { maxPool2d, maxPoolGrad } from './pool';
export { relu, reluGrad } from './elementwise';
