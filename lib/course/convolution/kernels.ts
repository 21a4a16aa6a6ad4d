/**
 * Kernel presets of the convolution widget: classic image filters as k × k arrays (row-major).
 * They are applied as PyTorch applies weights: by cross-correlation, without flipping.
 */

/** A k × k kernel, row-major. */
export type Kernel = readonly number[];

/** Binomial coefficients C(n − 1, i) for i = 0 … n − 1: [1], [1, 1], [1, 2, 1], [1, 4, 6, 4, 1] … */
export function binomialRow(n: number): number[] {
  let row = [1];
  for (let i = 1; i < n; i++) row = [...row, 0].map((v, j) => v + (row[j - 1] ?? 0));
  return row;
}

/** The outer product column ⊗ row as a flat k × k kernel. */
function outer(column: readonly number[], row: readonly number[]): number[] {
  return column.flatMap((a) => row.map((b) => a * b));
}

/** The centre index of a kernel of size k, floor((k − 1) / 2) (for even k, the upper left of the middle four). */
export function kernelCentre(k: number): number {
  return Math.floor((k - 1) / 2);
}

/** Sobel's derivative row of size k (odd, ≥ 3): binomial smoothing of size k − 2 convolved with [−1, 0, 1]. */
function sobelDerivative(k: number): number[] {
  const smooth = binomialRow(k - 2);
  return Array.from({ length: k }, (_, i) => (smooth[i - 2] ?? 0) - (smooth[i] ?? 0));
}

const odd3 = (k: number): boolean => k === 3;
const oddAtLeast3 = (k: number): boolean => k >= 3 && k % 2 === 1;
const any = (k: number): boolean => k >= 1;

/** A preset: its name, what it does, the sizes it exists in, and its values at size k. */
export interface KernelPreset {
  readonly label: string;
  readonly description: string;
  /** Whether the preset is defined for kernel size k. */
  available(k: number): boolean;
  /** Its k × k values (call only where available(k)). */
  make(k: number): number[];
}

/** The presets, by id. */
export const KERNEL_PRESETS = {
  identity: {
    label: 'Identity',
    description: 'A single 1 at the centre: copies the input (shifted by the padding).',
    available: any,
    make: (k: number) => Array.from({ length: k * k }, (_, i) => (i === kernelCentre(k) * (k + 1) ? 1 : 0)),
  },
  box: {
    label: 'Box blur',
    description: 'Every weight 1/k²: the mean of the window.',
    available: any,
    make: (k: number) => new Array<number>(k * k).fill(1 / (k * k)),
  },
  gaussian: {
    label: 'Gaussian blur',
    description: 'Binomial weights (a Gaussian approximation) summing to 1: a blur that favours the centre.',
    available: any,
    make: (k: number) => {
      const row = binomialRow(k);
      const total = 2 ** (2 * (k - 1));
      return outer(row, row).map((v) => v / total);
    },
  },
  sharpen: {
    label: 'Sharpen',
    description: 'The pixel, plus how much it exceeds its four neighbours: 5 at the centre, −1 around it.',
    available: odd3,
    make: () => [0, -1, 0, -1, 5, -1, 0, -1, 0],
  },
  sobelX: {
    label: 'Sobel x (vertical edges)',
    description: 'Right minus left, smoothed vertically: positive where the image gets brighter to the right.',
    available: oddAtLeast3,
    make: (k: number) => outer(binomialRow(k), sobelDerivative(k)),
  },
  sobelY: {
    label: 'Sobel y (horizontal edges)',
    description: 'Below minus above, smoothed horizontally: positive where the image gets brighter downward.',
    available: oddAtLeast3,
    make: (k: number) => outer(sobelDerivative(k), binomialRow(k)),
  },
  laplacian: {
    label: 'Laplacian',
    description: 'Four neighbours minus four times the centre: zero on flat areas and straight ramps, large at edges and spots.',
    available: odd3,
    make: () => [0, 1, 0, 1, -4, 1, 0, 1, 0],
  },
  edge: {
    label: 'Edge (all directions)',
    description: 'Eight times the centre minus its eight neighbours: outlines in every direction.',
    available: odd3,
    make: () => [-1, -1, -1, -1, 8, -1, -1, -1, -1],
  },
} as const satisfies Record<string, KernelPreset>;

/** Ids of the presets, in menu order. */
export type KernelPresetId = keyof typeof KERNEL_PRESETS;

/** Ids of the presets, in menu order. */
export const KERNEL_PRESET_IDS = Object.keys(KERNEL_PRESETS) as KernelPresetId[];

/** A value rounded to 6 significant digits, the precision weights keep in a link. */
const round6 = (v: number): number => Number(v.toPrecision(6));

/**
 * The preset's k × k values, or undefined where it does not exist at size k. Values are rounded
 * to 6 significant digits (1/9 becomes 0.111111), so the weights a reader sees, the ones the
 * engine uses and the ones a link restores are the same numbers.
 */
export function presetKernel(id: KernelPresetId, k: number): number[] | undefined {
  const preset: KernelPreset = KERNEL_PRESETS[id];
  return preset.available(k) ? preset.make(k).map(round6) : undefined;
}

/** The preset whose size-k values equal `kernel` (to 1e-9), if any. */
export function matchPreset(kernel: Kernel, k: number): KernelPresetId | undefined {
  return KERNEL_PRESET_IDS.find((id) => {
    const values = presetKernel(id, k);
    return values !== undefined && values.length === kernel.length && values.every((v, i) => Math.abs(v - (kernel[i] ?? NaN)) <= 1e-9);
  });
}

/**
 * A kernel of size `from` brought to size `to`: a recognised preset is rebuilt at the new size
 * where it exists; anything else keeps its centre, cropping or padding with zeros around it.
 */
export function resizeKernel(kernel: Kernel, from: number, to: number): number[] {
  const preset = matchPreset(kernel, from);
  const rebuilt = preset === undefined ? undefined : presetKernel(preset, to);
  if (rebuilt) return rebuilt;
  const shift = kernelCentre(from) - kernelCentre(to);
  return Array.from({ length: to * to }, (_, i) => {
    const r = Math.floor(i / to) + shift;
    const c = (i % to) + shift;
    return r >= 0 && r < from && c >= 0 && c < from ? (kernel[r * from + c] ?? 0) : 0;
  });
}
