/**
 * Scalar activation functions and their derivatives, in closed form. These are the reference the
 * autograd engine's gradients are tested against, and what the activation lesson plots.
 *
 * At a kink (ReLU and leaky ReLU at z = 0) the derivative follows PyTorch: ReLU'(0) = 0 and
 * leaky ReLU'(0) = alpha.
 */

/** Shape parameters some activations take: leaky ReLU's negative slope alpha, swish's beta. */
export interface ActivationParams {
  /** Leaky ReLU's slope for z < 0 (PyTorch's negative_slope). */
  alpha: number;
  /** Swish's sharpness: swish(z) = z * sigmoid(beta * z); beta = 1 is SiLU. */
  beta: number;
}

/** Default shape parameters: PyTorch's default negative_slope and SiLU's beta. */
export const DEFAULT_ACTIVATION_PARAMS: ActivationParams = { alpha: 0.01, beta: 1 };

/** Names of the scalar activations the course covers, in the order the lesson introduces them. */
export const ACTIVATION_NAMES = ['identity', 'sigmoid', 'tanh', 'relu', 'leakyRelu', 'swish'] as const;

/** One of the scalar activations. */
export type ActivationName = (typeof ACTIVATION_NAMES)[number];

/** A scalar activation: its value, its derivative, and what a reader needs to know about it. */
export interface Activation {
  readonly name: ActivationName;
  /** Display name, e.g. "Leaky ReLU". */
  readonly label: string;
  /** The formula in plain text, for legends and screen readers. */
  readonly formula: string;
  /** The set of values the function takes, in plain text. */
  readonly range: string;
  /** f(z). */
  value(z: number, p: ActivationParams): number;
  /** f'(z). */
  derivative(z: number, p: ActivationParams): number;
}

/** The logistic sigmoid 1 / (1 + e^-z), computed without overflow for any finite z. */
export function sigmoid(z: number): number {
  // NOTE: for z < 0, e^-z overflows near z = -710; the equivalent e^z / (1 + e^z) does not.
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** The table of activations: one row each, value and derivative side by side. */
export const ACTIVATIONS: Readonly<Record<ActivationName, Activation>> = {
  identity: {
    name: 'identity',
    label: 'Identity',
    formula: 'f(z) = z',
    range: 'all real numbers',
    value: (z) => z,
    derivative: () => 1,
  },
  sigmoid: {
    name: 'sigmoid',
    label: 'Sigmoid',
    formula: 'f(z) = 1 / (1 + e^(−z))',
    range: '(0, 1)',
    value: (z) => sigmoid(z),
    derivative: (z) => {
      const s = sigmoid(z);
      return s * (1 - s);
    },
  },
  tanh: {
    name: 'tanh',
    label: 'Tanh',
    formula: 'f(z) = tanh z',
    range: '(−1, 1)',
    value: (z) => Math.tanh(z),
    derivative: (z) => {
      const t = Math.tanh(z);
      return 1 - t * t;
    },
  },
  relu: {
    name: 'relu',
    label: 'ReLU',
    formula: 'f(z) = max(0, z)',
    range: '[0, ∞)',
    value: (z) => (z > 0 ? z : 0),
    derivative: (z) => (z > 0 ? 1 : 0),
  },
  leakyRelu: {
    name: 'leakyRelu',
    label: 'Leaky ReLU',
    formula: 'f(z) = z if z > 0, else αz',
    range: '(−∞, ∞) for α > 0',
    value: (z, p) => (z > 0 ? z : p.alpha * z),
    derivative: (z, p) => (z > 0 ? 1 : p.alpha),
  },
  swish: {
    name: 'swish',
    label: 'Swish',
    formula: 'f(z) = z · σ(βz)',
    range: 'about [−0.278/β, ∞) for β > 0',
    value: (z, p) => z * sigmoid(p.beta * z),
    derivative: (z, p) => {
      const s = sigmoid(p.beta * z);
      // d/dz [z s(βz)] = s + βz s (1 − s). For |z| huge, s or 1 − s is exactly 0 and z s(1-s) is 0, not NaN.
      const tail = s === 0 || s === 1 ? 0 : p.beta * z * s * (1 - s);
      return s + tail;
    },
  },
};

/** Whether a string names one of the activations. */
export function isActivationName(name: string): name is ActivationName {
  return (ACTIVATION_NAMES as readonly string[]).includes(name);
}
