/** Activation functions as closed formulas of one number, with their derivatives (the engine has the tensor versions). */
export * from './functions';
