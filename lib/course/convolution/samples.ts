/**
 * The sample images of the convolution widget, drawn by code (no files to download): each shape
 * is rasterised with 4 × 4 supersampling, so its edges are anti-aliased like a real photo's.
 */
import { makePicture, type Picture } from './picture';

type Rgb = readonly [number, number, number];

/** A shape on the canvas: a colour and a test "is this point inside?" in pixel coordinates. */
interface Shape {
  colour: Rgb | ((x: number, y: number) => Rgb);
  inside(x: number, y: number): boolean;
}

const SUPERSAMPLE = 4;

/** Paints shapes over a background, later shapes on top; x runs along columns, y down the rows. */
function paint(width: number, height: number, background: (x: number, y: number) => Rgb, shapes: readonly Shape[]): Picture {
  const sums = new Float64Array(3 * width * height);
  const n = SUPERSAMPLE;
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const x = c + (j + 0.5) / n;
          const y = r + (i + 0.5) / n;
          let colour = background(x, y);
          for (const s of shapes) if (s.inside(x, y)) colour = typeof s.colour === 'function' ? s.colour(x, y) : s.colour;
          for (let ch = 0; ch < 3; ch++) sums[(ch * height + r) * width + c] = (sums[(ch * height + r) * width + c] ?? 0) + colour[ch]!;
        }
      }
    }
  }
  return makePicture(3, height, width, (ch, r, c) => (sums[(ch * height + r) * width + c] ?? 0) / (n * n));
}

/** Distance from (x, y) to the segment from a to b. */
function segmentDistance(x: number, y: number, [ax, ay]: readonly [number, number], [bx, by]: readonly [number, number]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** A pen stroke through the given points, `width` pixels wide. */
function stroke(points: readonly (readonly [number, number])[], width: number, colour: Rgb): Shape {
  return {
    colour,
    inside: (x, y) => points.slice(1).some((p, i) => segmentDistance(x, y, points[i]!, p) <= width / 2),
  };
}

const WHITE: Rgb = [1, 1, 1];
const BLACK: Rgb = [0, 0, 0];

/** A handwritten-looking 4, white on black like an MNIST digit: a diagonal, a horizontal and a vertical stroke. */
function digitFour(): Picture {
  return paint(28, 28, () => BLACK, [
    stroke([[16.5, 4.5], [6.5, 17.5], [21.5, 17.5]], 2.6, WHITE),
    stroke([[17, 8], [17.5, 24]], 2.6, WHITE),
  ]);
}

/** Black and white squares, 6 pixels on a side: straight edges in both directions and corners. */
function checkerboard(): Picture {
  return paint(24, 24, (x, y) => ((Math.floor(x / 6) + Math.floor(y / 6)) % 2 === 0 ? [0.9, 0.9, 0.9] : [0.1, 0.1, 0.1]), []);
}

/** A red disc, a green square and a blue triangle on light gray: each shape lives mostly in one channel. */
function shapes(): Picture {
  return paint(32, 32, () => [0.92, 0.92, 0.92], [
    { colour: [0.85, 0.12, 0.1], inside: (x, y) => Math.hypot(x - 10, y - 10) <= 6.5 },
    { colour: [0.1, 0.65, 0.2], inside: (x, y) => x >= 18 && x <= 28 && y >= 4 && y <= 14 },
    { colour: [0.12, 0.25, 0.85], inside: (x, y) => y <= 28 && y >= 18 + 1.6 * Math.abs(x - 16) * 0.75 },
  ]);
}

/** A wide picture (40 × 26): a sky that darkens upward, a sun and dark hills. Its height and width differ. */
function sunset(): Picture {
  const sky = (_: number, y: number): Rgb => {
    const t = y / 26;
    return [0.35 + 0.6 * t, 0.2 + 0.45 * t, 0.45 - 0.15 * t];
  };
  const hill = (x: number): number => 19 + 2.5 * Math.sin(x / 5) + 1.5 * Math.sin(x / 2.3 + 1);
  return paint(40, 26, sky, [
    { colour: [1, 0.85, 0.35], inside: (x, y) => Math.hypot(x - 27, y - 14) <= 5 },
    { colour: [0.12, 0.1, 0.16], inside: (x, y) => y >= hill(x) },
  ]);
}

/** One bright pixel in the middle of a dark 9 × 9 image: its output is the kernel itself, turned 180°. */
function dot(): Picture {
  return makePicture(3, 9, 9, (_, r, c) => (r === 4 && c === 4 ? 1 : 0));
}

/** The sample images, by id. */
export const SAMPLES = {
  four: { label: 'Handwritten 4 (28 × 28)', make: digitFour },
  checkerboard: { label: 'Checkerboard (24 × 24)', make: checkerboard },
  shapes: { label: 'Coloured shapes (32 × 32)', make: shapes },
  sunset: { label: 'Sunset, wider than tall (26 × 40)', make: sunset },
  dot: { label: 'One bright pixel (9 × 9)', make: dot },
} as const satisfies Record<string, { label: string; make(): Picture }>;

/** Ids of the sample images, in menu order. */
export type SampleId = keyof typeof SAMPLES;

/** Ids of the sample images, in menu order. */
export const SAMPLE_IDS = Object.keys(SAMPLES) as SampleId[];

const cache = new Map<SampleId, Picture>();

/** The sample image with this id, in colour (drawn once, then cached; treat it as read-only). */
export function samplePicture(id: SampleId): Picture {
  let p = cache.get(id);
  if (!p) {
    p = SAMPLES[id].make();
    cache.set(id, p);
  }
  return p;
}
