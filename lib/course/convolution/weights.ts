/**
 * The weight tensor of a Conv2d layer, (C_out, C_in, k, k) in a flat array, and the edits the
 * widget makes to it: one k × k slice at a time, a new kernel size, more or fewer filters, one or
 * three input channels.
 */
import { presetKernel, resizeKernel, type Kernel } from './kernels';

/** The sizes that fix the weight tensor's shape. */
export interface LayerShape {
  readonly inChannels: number;
  readonly outChannels: number;
  readonly kernel: number;
}

/** Number of weights: C_out · C_in · k · k. */
export function weightCount({ inChannels, outChannels, kernel }: LayerShape): number {
  return outChannels * inChannels * kernel * kernel;
}

/** The k × k slice w[f, c]. */
export function weightSlice(weights: readonly number[], shape: LayerShape, f: number, c: number): number[] {
  const k2 = shape.kernel * shape.kernel;
  const start = (f * shape.inChannels + c) * k2;
  return weights.slice(start, start + k2);
}

/** The weights with slice w[f, c] replaced. */
export function withSlice(weights: readonly number[], shape: LayerShape, f: number, c: number, slice: Kernel): number[] {
  const k2 = shape.kernel * shape.kernel;
  if (slice.length !== k2) throw new RangeError(`withSlice: expected ${k2} values, got ${slice.length}`);
  const start = (f * shape.inChannels + c) * k2;
  return [...weights.slice(0, start), ...slice, ...weights.slice(start + k2)];
}

/** Builds a weight tensor slice by slice. */
function build(shape: LayerShape, slice: (f: number, c: number) => Kernel): number[] {
  const out: number[] = [];
  for (let f = 0; f < shape.outChannels; f++) for (let c = 0; c < shape.inChannels; c++) out.push(...slice(f, c));
  return out;
}

/** A preset at size k, or the preset's 3 × 3 version brought to size k where it has no size-k form. */
function presetAt(id: Parameters<typeof presetKernel>[0], k: number): number[] {
  return presetKernel(id, k) ?? resizeKernel(presetKernel(id, 3) ?? [], 3, k);
}

/**
 * The filters a fresh layer starts with, by position: Sobel x on every channel; then, for colour,
 * red minus blue (for grayscale, Sobel y); a Gaussian blur; an all-directions edge detector.
 */
export function defaultFilter(f: number, c: number, inChannels: number, k: number): number[] {
  switch (f) {
    case 0:
      return presetAt('sobelX', k);
    case 1: {
      if (inChannels === 1) return presetAt('sobelY', k);
      const identity = presetAt('identity', k);
      return c === 0 ? identity : c === 2 ? identity.map((v) => -v) : new Array<number>(k * k).fill(0);
    }
    case 2:
      return presetAt('gaussian', k);
    default:
      return presetAt('edge', k);
  }
}

/** A whole weight tensor of default filters. */
export function defaultWeights(shape: LayerShape): number[] {
  return build(shape, (f, c) => defaultFilter(f, c, shape.inChannels, shape.kernel));
}

/** The weights at a new kernel size: each slice resized (a recognised preset is rebuilt, anything else keeps its centre). */
export function withKernelSize(weights: readonly number[], shape: LayerShape, kernel: number): number[] {
  return build({ ...shape, kernel }, (f, c) => resizeKernel(weightSlice(weights, shape, f, c), shape.kernel, kernel));
}

/** The weights with C_out filters: extra filters are dropped, new ones get the default filter for their position. */
export function withOutChannels(weights: readonly number[], shape: LayerShape, outChannels: number): number[] {
  return build({ ...shape, outChannels }, (f, c) =>
    f < shape.outChannels ? weightSlice(weights, shape, f, c) : defaultFilter(f, c, shape.inChannels, shape.kernel),
  );
}

/**
 * The weights for a new number of input channels: going from 1 to 3, each filter's kernel is
 * copied to every channel; from 3 to 1, the three slices are averaged (so a copied kernel comes
 * back unchanged).
 */
export function withInChannels(weights: readonly number[], shape: LayerShape, inChannels: number): number[] {
  if (inChannels === shape.inChannels) return [...weights];
  return build({ ...shape, inChannels }, (f, c) => {
    if (shape.inChannels === 1) return weightSlice(weights, shape, f, 0);
    if (inChannels === 1) {
      const slices = Array.from({ length: shape.inChannels }, (_, ci) => weightSlice(weights, shape, f, ci));
      return slices[0]!.map((_, i) => slices.reduce((s, sl) => s + sl[i]!, 0) / shape.inChannels);
    }
    return weightSlice(weights, shape, f, Math.min(c, shape.inChannels - 1));
  });
}
