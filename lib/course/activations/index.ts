export * from '../../ml/activations';
export * from './saturation';
export * from './softmax';
export * from './curves';
export * from './curves.job';
export * from './softmax-float32';
export * from './sampling';
export * from './exercises';
