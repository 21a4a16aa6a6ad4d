/** torch.nn, camelCased: layers, the Module base class and init helpers. */
export { Module } from './module';
export { Linear, type LayerOptions } from './linear';
export { Conv2d, MaxPool2d, AvgPool2d, AdaptiveAvgPool2d, AdaptiveMaxPool2d } from './conv';
export { BatchNorm2d, type BatchNormOptions } from './normalization';
export {
  ReLU, ReLU6, Hardtanh, Tanh, Sigmoid, SiLU, Softplus, LeakyReLU, ELU, GELU, Identity, Softmax, LogSoftmax,
  Flatten, Dropout, Dropout2d, Sequential,
} from './layers';
export { RNN, type RNNOptions } from './rnn';
export * as init from './init';
