/** "Two linear layers are one": state, URL fields, and the computation the widget shows. */
import { type AffineMap, applyAffine, composeAffine, randomIntegerAffine } from '../../lib/course/linear-collapse';
import { Rng } from '../../lib/engine';
import { booleanField, numberField, numberListField } from '../../lib/common';

/** Sizes of the demonstration network: input 2, hidden 3, output 2. */
export const SIZES = { input: 2, hidden: 3, output: 2 } as const;

/** URL fields of the widget. */
export const collapseSchema = {
  seed: numberField({ default: 1, min: 1, max: 999_999, integer: true }),
  relu: booleanField(false),
  x: numberListField({ default: [1, -2], min: -99, max: 99, minLength: 2, maxLength: 2 }),
};

/** Everything the widget shows for one draw and one input. */
export interface Collapse {
  first: AffineMap;
  second: AffineMap;
  /** The single layer W' = W₂W₁, b' = W₂b₁ + b₂. */
  merged: AffineMap;
  /** Hidden pre-activations W₁x + b₁, and what the second layer receives. */
  preActivation: number[];
  hidden: number[];
  /** Output of the two layers, and of the merged single layer. */
  twoLayers: number[];
  oneLayer: number[];
}

/** Draws both layers from the seed and pushes x through them, with or without ReLU between. */
export function computeCollapse(seed: number, x: readonly number[], relu: boolean): Collapse {
  const rng = new Rng(seed);
  const first = randomIntegerAffine(rng, SIZES.hidden, SIZES.input);
  const second = randomIntegerAffine(rng, SIZES.output, SIZES.hidden);
  const merged = composeAffine(first, second);
  const preActivation = applyAffine(first, x);
  const hidden = relu ? preActivation.map((v) => Math.max(0, v)) : preActivation;
  return {
    first,
    second,
    merged,
    preActivation,
    hidden,
    twoLayers: applyAffine(second, hidden),
    oneLayer: applyAffine(merged, x),
  };
}
