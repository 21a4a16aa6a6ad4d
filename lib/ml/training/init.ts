/**
 * A layer's initialisation from its spec (LayerInit in spec.ts), as the gradient lessons print it:
 * the scheme's draws come from the weights' generator right after the layer's own default draws,
 * so a spec always gives the same weights.
 */
import { nn, type Rng, type Tensor } from '../../engine';
import type { LayerInit } from './spec';

/** Why an initialisation cannot be used, or null. */
export function initProblem(init: LayerInit): string | null {
  const finite = (what: string, value: number | undefined, positive = false): string | null =>
    value === undefined || (Number.isFinite(value) && (positive ? value > 0 : value >= 0)) ? null : `init: ${what} must be a finite number ${positive ? 'above' : 'at least'} 0, got ${value}`;
  if (init.bias !== undefined && !Number.isFinite(init.bias)) return `init: bias must be a finite number, got ${init.bias}`;
  switch (init.scheme) {
    case 'default':
    case 'he':
      return finite('scale', init.scale);
    case 'xavier':
      return finite('gain', init.gain, true) ?? finite('scale', init.scale);
    case 'normal':
      return finite('std', init.std) ?? finite('scale', init.scale);
    case 'zeros':
      return null;
    default: {
      const scheme: unknown = (init as { scheme: unknown }).scheme;
      return `init: expected a scheme 'default', 'xavier', 'he', 'zeros' or 'normal', got ${JSON.stringify(scheme)}`;
    }
  }
}

/**
 * Re-initialises `weight` (and `bias`) by `init`: xavier_uniform_ with its gain, kaiming_normal_
 * for ReLU, zeros or normal_(0, std), drawing from `rng`; Xavier, He and zeros also zero the bias.
 * Then multiplies the weight by `init.scale` and, if `init.bias` is given, sets the bias to it. Mutates both.
 */
export function initialise(weight: Tensor, bias: Tensor | null, init: LayerInit, rng: Rng): void {
  const problem = initProblem(init);
  if (problem !== null) throw new RangeError(problem);
  let scale = 1;
  switch (init.scheme) {
    case 'default':
      scale = init.scale ?? 1;
      break;
    case 'xavier':
      nn.init.xavierUniform(weight, rng, { gain: init.gain ?? 1 });
      scale = init.scale ?? 1;
      break;
    case 'he':
      nn.init.kaimingNormal(weight, rng, { nonlinearity: 'relu' });
      scale = init.scale ?? 1;
      break;
    case 'zeros':
      nn.init.constant(weight, 0);
      break;
    case 'normal':
      nn.init.normal(weight, rng, 0, init.std);
      scale = init.scale ?? 1;
      break;
  }
  if (bias && (init.scheme === 'xavier' || init.scheme === 'he' || init.scheme === 'zeros')) nn.init.constant(bias, 0);
  if (scale !== 1) for (let i = 0; i < weight.data.length; i++) weight.data[i] = (weight.data[i] ?? 0) * scale;
  if (bias && init.bias !== undefined) nn.init.constant(bias, init.bias);
}
