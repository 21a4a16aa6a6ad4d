/** The backpropagation lesson: a safe expression parser over the engine's ops, the traced graph and its backward steps, the two losses. */
export * from './expression';
export * from './graph';
export * from './presets';
export * from './losses';
export * from './gradient-check';
export * from './exercises';
