/** The backpropagation lesson: a safe expression parser over the engine's ops, the traced graph and its backward steps, the two losses, the loss race and its experiment checker. */
export * from './expression';
export * from './graph';
export * from './presets';
export * from './losses';
export * from './gradient-check';
export * from './exercises';
export * from './loss-race';
export { checkRaceExperiment, raceWidget } from './experiment';
