/** lib/ml/training: the package's public surface. */
export * from './activation-stats';
export * from './config';
export * from './data';
export * from './describe';
export { mlpSpec, rnnSpec, trainSpecOf } from './from-config';
export { initialise, initProblem } from './init';
export { OUTPUT_LAYER, SpecModel, layerActivation, type ActivationInput, type ModelRngs, type WatchedWeight } from './model';
export * from './presets';
export * from './spec';
export * from './train.job';
export { DROPOUT_SEED, Trainer, isTrainSpec, type Evaluation, type StepRecord } from './trainer';
export { trainConfigProblem, trainingScript, type TrainingReplay, type TrainingScriptOptions } from './pytorch-script';
