/** Output sizes of convolutions and pools, and nn.RNN's shapes, parameters and errors, as PyTorch defines them. */
export * from './conv';
export * from './rnn';
export * from './rnn-pytorch';
export * from './size-arithmetic';
