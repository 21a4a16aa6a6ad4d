export * from './functions';
export * from './saturation';
export * from './softmax';
