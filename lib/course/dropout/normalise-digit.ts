/**
 * A drawn digit made into what the network was trained on, the way MNIST made its digits: the ink's
 * bounding box scaled (keeping its aspect ratio, averaging the area each new pixel covers) so that
 * its longer side is 20 pixels, placed in a 28 × 28 field with its centre of mass at pixel (14, 14),
 * then shrunk to 14 × 14 by 2 × 2 averaging and stored at 16 grey levels, as
 * scripts/make-digits.mjs made the lesson's file from MNIST's 28 × 28 images.
 */

/** Side of the field MNIST centres its digits in (and of the drawing pad's grid). */
export const FIELD_SIDE = 28;
/** Side of the box MNIST scales a digit's longer side to. */
export const BOX_SIDE = 20;
/**
 * Where MNIST put a digit's centre of mass: (14, 14) in pixel indices (the mean over its digits is
 * 13.98, 14.03; the lesson's unit tests measure it).
 */
export const FIELD_CENTRE = FIELD_SIDE / 2;
/** Grey levels of the lesson's file: 0 … 15, stored as level / 15. */
export const GREY_LEVELS = 16;

/** A row and a column, in pixels (fractional for a centre of mass). */
export interface Point {
  readonly row: number;
  readonly col: number;
}

/** The rows and columns that hold ink: [top, bottom) × [left, right). */
export interface Bounds {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

function checkGrid(name: string, ink: ArrayLike<number>, height: number, width: number): void {
  if (ink.length !== height * width) throw new RangeError(`${name}: expected ${height} × ${width} = ${height * width} values, got ${ink.length}`);
}

/** The smallest box holding every pixel with ink (> 0), or undefined for an empty image. */
export function inkBounds(ink: ArrayLike<number>, height: number, width: number): Bounds | undefined {
  checkGrid('inkBounds', ink, height, width);
  let top = height;
  let bottom = -1;
  let left = width;
  let right = -1;
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      if ((ink[r * width + c] ?? 0) <= 0) continue;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    }
  }
  return bottom < 0 ? undefined : { top, bottom: bottom + 1, left, right: right + 1 };
}

/** The centre of mass of an image's ink (pixel centres at whole indices), or undefined if it has none. */
export function centreOfMass(ink: ArrayLike<number>, height: number, width: number): Point | undefined {
  checkGrid('centreOfMass', ink, height, width);
  let mass = 0;
  let rows = 0;
  let cols = 0;
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const v = ink[r * width + c] ?? 0;
      mass += v;
      rows += v * r;
      cols += v * c;
    }
  }
  return mass > 0 ? { row: rows / mass, col: cols / mass } : undefined;
}

/** The overlap of [a, a + 1) with [lo, hi). */
const overlap = (a: number, lo: number, hi: number): number => Math.max(0, Math.min(a + 1, hi) - Math.max(a, lo));

/**
 * The part `box` of an image resampled to outHeight × outWidth pixels: each new pixel is the mean
 * of the area of the old image it covers (a box filter, so shrinking averages and enlarging keeps
 * edges soft).
 */
export function resampleBox(ink: ArrayLike<number>, width: number, box: Bounds, outHeight: number, outWidth: number): Float32Array {
  const out = new Float32Array(outHeight * outWidth);
  const sy = (box.bottom - box.top) / outHeight;
  const sx = (box.right - box.left) / outWidth;
  for (let r = 0; r < outHeight; r++) {
    const y0 = box.top + r * sy;
    const y1 = y0 + sy;
    for (let c = 0; c < outWidth; c++) {
      const x0 = box.left + c * sx;
      const x1 = x0 + sx;
      let sum = 0;
      for (let y = Math.floor(y0); y < Math.ceil(y1); y++) {
        const wy = overlap(y, y0, y1);
        for (let x = Math.floor(x0); x < Math.ceil(x1); x++) sum += wy * overlap(x, x0, x1) * (ink[y * width + x] ?? 0);
      }
      out[r * outWidth + c] = sum / (sy * sx);
    }
  }
  return out;
}

/**
 * MNIST's normalisation of a side × side drawing: its ink scaled to fit a 20 × 20 box (longer side
 * 20) and placed in a 28 × 28 field with its centre of mass at pixel (14, 14), moved by whole
 * pixels. Undefined for a drawing without ink.
 */
export function centreInField(ink: ArrayLike<number>, side: number): Float32Array | undefined {
  const bounds = inkBounds(ink, side, side);
  if (!bounds) return undefined;
  const h = bounds.bottom - bounds.top;
  const w = bounds.right - bounds.left;
  const scale = BOX_SIDE / Math.max(h, w);
  const outH = Math.max(1, Math.min(BOX_SIDE, Math.round(h * scale)));
  const outW = Math.max(1, Math.min(BOX_SIDE, Math.round(w * scale)));
  const scaled = resampleBox(ink, side, bounds, outH, outW);
  const com = centreOfMass(scaled, outH, outW) ?? { row: (outH - 1) / 2, col: (outW - 1) / 2 };
  const top = Math.round(FIELD_CENTRE - com.row);
  const left = Math.round(FIELD_CENTRE - com.col);
  const field = new Float32Array(FIELD_SIDE * FIELD_SIDE);
  for (let r = 0; r < outH; r++) {
    const fr = top + r;
    if (fr < 0 || fr >= FIELD_SIDE) continue;
    for (let c = 0; c < outW; c++) {
      const fc = left + c;
      if (fc >= 0 && fc < FIELD_SIDE) field[fr * FIELD_SIDE + fc] = Math.min(1, scaled[r * outW + c] ?? 0);
    }
  }
  return field;
}

/** A 28 × 28 field shrunk to 14 × 14 exactly as scripts/make-digits.mjs shrank MNIST: the mean of each 2 × 2 block, at 16 grey levels (level / 15). */
export function shrinkField(field: ArrayLike<number>): Float32Array {
  checkGrid('shrinkField', field, FIELD_SIDE, FIELD_SIDE);
  const side = FIELD_SIDE / 2;
  const out = new Float32Array(side * side);
  const top = GREY_LEVELS - 1;
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      let sum = 0;
      for (const [dr, dc] of [[0, 0], [0, 1], [1, 0], [1, 1]] as const) sum += field[(2 * r + dr) * FIELD_SIDE + 2 * c + dc] ?? 0;
      out[r * side + c] = Math.min(top, Math.round((sum / 4) * top)) / top;
    }
  }
  return out;
}

/** What the network sees of a drawing: the centred 28 × 28 field and the 14 × 14 image made from it; undefined for a drawing without ink. */
export function digitForNetwork(ink: ArrayLike<number>, side: number): { field: Float32Array; pixels: Float32Array } | undefined {
  checkGrid('digitForNetwork', ink, side, side);
  const field = centreInField(ink, side);
  return field ? { field, pixels: shrinkField(field) } : undefined;
}

/** A side × side image enlarged `factor` times by repeating each pixel (a 14 × 14 digit back on the 28 × 28 pad). */
export function enlarge(pixels: ArrayLike<number>, side: number, factor: number): Float32Array {
  checkGrid('enlarge', pixels, side, side);
  const big = side * factor;
  const out = new Float32Array(big * big);
  for (let r = 0; r < big; r++) for (let c = 0; c < big; c++) out[r * big + c] = pixels[Math.floor(r / factor) * side + Math.floor(c / factor)] ?? 0;
  return out;
}
