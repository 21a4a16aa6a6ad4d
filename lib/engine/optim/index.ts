/** torch.optim, camelCased. */
export { Optimizer } from './optimizer';
export { SGD, type SGDOptions } from './sgd';
export { Adam, type AdamOptions } from './adam';
