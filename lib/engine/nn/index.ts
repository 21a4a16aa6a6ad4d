/** torch.nn, camelCased: layers, the Module base class and init helpers. */
export { Module } from './module';
export { Linear, type LayerOptions } from './linear';
export { Conv2d, MaxPool2d, AvgPool2d } from './conv';
export { ReLU, Tanh, Sigmoid, SiLU, Softplus, LeakyReLU, Softmax, LogSoftmax, Flatten, Dropout, Sequential } from './layers';
export { RNN, type RNNOptions } from './rnn';
export * as init from './init';
