/**
 * Layer stacks of a CNN: the layers PyTorch offers (schema), what each does to a shape and how
 * many parameters it has (calculate), reading and writing PyTorch code, a compact encoding for
 * links, classic presets, and a check of every row by a real forward pass through the engine.
 */
export * from './schema';
export * from './calculate';
export { layerToPython, stackToPython } from './export-pytorch';
export { importPyTorch, readArgument, type ImportProblem, type ImportResult } from './import-pytorch';
export { suggestLayer } from './suggest';
export { decodeStack, encodeStack } from './url-codec';
export * from './limits';
export { PRESETS, type Preset } from './presets';
export { coerceArg, formatArg, sameArg } from './values';
export * from './engine-check';
export { engineModule } from './engine-layers';
