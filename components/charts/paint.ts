/** Turning maps of numbers into RGBA pixels: an image as it is, one channel tinted, or signed values on a diverging scale. */
import type { DivergingColours, Rgb } from './theme-colors';

/** How a map's values become colours. */
export type Paint =
  /** Three planes (R, G, B) of values in [0, 1]: the image itself. */
  | { readonly kind: 'rgb' }
  /** One plane in [0, 1]: black to white. */
  | { readonly kind: 'gray' }
  /** One plane in [0, 1]: black to the given colour (a single channel of a colour image). */
  | { readonly kind: 'tint'; readonly colour: Rgb }
  /** Signed values: `negative` at −max, the background at 0, `positive` at +max, clipped beyond. */
  | { readonly kind: 'diverging'; readonly max: number; readonly colours: DivergingColours };

const byte = (v: number): number => Math.round(255 * Math.max(0, Math.min(1, v)));

function mix(a: Rgb, b: Rgb, t: number): [number, number, number] {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/** The colour of value v on a diverging scale from −max to +max (linear in sRGB, like a CSS gradient). */
export function divergingColour(v: number, max: number, colours: DivergingColours): [number, number, number] {
  if (!Number.isFinite(v)) return [...colours.zero];
  const t = max > 0 ? Math.max(-1, Math.min(1, v / max)) : 0;
  return mix(colours.zero, t >= 0 ? colours.positive : colours.negative, Math.abs(t));
}

/** RGBA bytes for a height × width map (values laid out as planes of H × W, row-major). */
export function paintRgba(values: ArrayLike<number>, height: number, width: number, paint: Paint): Uint8ClampedArray<ArrayBuffer> {
  const n = height * width;
  const out = new Uint8ClampedArray(4 * n);
  for (let i = 0; i < n; i++) {
    let rgb: readonly number[];
    switch (paint.kind) {
      case 'rgb':
        rgb = [byte(values[i] ?? 0), byte(values[n + i] ?? 0), byte(values[2 * n + i] ?? 0)];
        break;
      case 'gray': {
        const g = byte(values[i] ?? 0);
        rgb = [g, g, g];
        break;
      }
      case 'tint': {
        const v = Math.max(0, Math.min(1, values[i] ?? 0));
        rgb = paint.colour.map((c) => c * v);
        break;
      }
      case 'diverging':
        rgb = divergingColour(values[i] ?? NaN, paint.max, paint.colours);
        break;
    }
    out[4 * i] = rgb[0] ?? 0;
    out[4 * i + 1] = rgb[1] ?? 0;
    out[4 * i + 2] = rgb[2] ?? 0;
    out[4 * i + 3] = 255;
  }
  return out;
}

/** The largest |value| of a map, at least `floor` (so an all-zero map still has a scale). */
export function absMax(values: ArrayLike<number>, floor = 1e-9): number {
  let m = floor;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i] ?? 0);
    if (Number.isFinite(a) && a > m) m = a;
  }
  return m;
}
