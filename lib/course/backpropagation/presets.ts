/** The computation-graph widget's ready-made expressions, with the inputs' starting values. */

/** A ready-made expression. */
export interface GraphPreset {
  readonly id: 'tanh' | 'neuron' | 'network';
  readonly label: string;
  readonly expression: string;
  readonly values: Readonly<Record<string, number>>;
}

/** The presets: the lesson's first example, one neuron, a 2-2-1 network with a squared-error loss. */
export const GRAPH_PRESETS: readonly GraphPreset[] = [
  { id: 'tanh', label: '(a*b + c).tanh()', expression: '(a*b + c).tanh()', values: { a: 0.5, b: -2, c: 1.5 } },
  {
    id: 'neuron',
    label: 'A neuron',
    expression: 'sigmoid(w1*x1 + w2*x2 + b)',
    values: { w1: 0.5, x1: 1, w2: -0.25, x2: 2, b: 0.1 },
  },
  {
    id: 'network',
    label: 'A 2-2-1 network with a loss',
    expression: '(sigmoid(v1*tanh(w11*x1 + w12*x2 + b1) + v2*tanh(w21*x1 + w22*x2 + b2) + c) - y)**2',
    values: { v1: 1.5, w11: 0.5, x1: 1, w12: -1, x2: 0.5, b1: 0.25, v2: -1, w21: 0.8, w22: 0.3, b2: 0.1, c: 0.2, y: 1 },
  },
];
