/**
 * Pictures as the convolution widget feeds them to conv2d: a (C, H, W) array of intensities in
 * [0, 1], C = 1 (grayscale) or 3 (red, green, blue).
 */

/** An image as a tensor: `data` holds C planes of H rows of W values in [0, 1], row-major. */
export interface Picture {
  readonly channels: 1 | 3;
  readonly height: number;
  readonly width: number;
  readonly data: Float64Array<ArrayBuffer>;
}

/** Luma weights of ITU-R BT.601 (what PIL's convert('L') and OpenCV's RGB2GRAY use). */
export const LUMA = [0.299, 0.587, 0.114] as const;

/** Largest side, in pixels, of an image the widget convolves: bigger ones are scaled down. */
export const MAX_SIDE = 64;

/** A picture of the given size, filled by `value(channel, row, col)`. */
export function makePicture(channels: 1 | 3, height: number, width: number, value: (c: number, r: number, col: number) => number): Picture {
  const data = new Float64Array(channels * height * width);
  for (let c = 0; c < channels; c++) {
    for (let r = 0; r < height; r++) for (let col = 0; col < width; col++) data[(c * height + r) * width + col] = value(c, r, col);
  }
  return { channels, height, width, data };
}

/** The value at (channel, row, col); 0 outside the picture (zero padding). */
export function pixel(p: Picture, c: number, r: number, col: number): number {
  if (r < 0 || r >= p.height || col < 0 || col >= p.width) return 0;
  return p.data[(c * p.height + r) * p.width + col] ?? 0;
}

/** One channel per pixel: Y = 0.299 R + 0.587 G + 0.114 B for colour pictures; grayscale ones are returned as they are. */
export function toGrayscale(p: Picture): Picture {
  if (p.channels === 1) return p;
  return makePicture(1, p.height, p.width, (_, r, c) => LUMA[0] * pixel(p, 0, r, c) + LUMA[1] * pixel(p, 1, r, c) + LUMA[2] * pixel(p, 2, r, c));
}

/** Three equal channels from a grayscale picture; colour pictures are returned as they are. */
export function toRgb(p: Picture): Picture {
  if (p.channels === 3) return p;
  return makePicture(3, p.height, p.width, (_, r, c) => pixel(p, 0, r, c));
}

/** The picture with `channels` channels: converted to grayscale or spread to three equal channels. */
export function withChannels(p: Picture, channels: 1 | 3): Picture {
  return channels === 1 ? toGrayscale(p) : toRgb(p);
}

/**
 * The size to scale a width × height image to so that neither side exceeds `max`, keeping the
 * aspect ratio (each side at least 1). Images that already fit keep their size.
 */
export function fitWithin(width: number, height: number, max = MAX_SIDE): { width: number; height: number } {
  if (!(width >= 1 && height >= 1)) throw new RangeError(`fitWithin: expected a size of at least 1 × 1, got ${width} × ${height}`);
  const scale = Math.min(1, max / width, max / height);
  return { width: Math.max(1, Math.min(max, Math.round(width * scale))), height: Math.max(1, Math.min(max, Math.round(height * scale))) };
}

/**
 * A colour picture from RGBA bytes (as a canvas's ImageData holds them), each channel divided by
 * 255. Transparent pixels are composited over white, as a page shows them.
 */
export function pictureFromRgba(rgba: Uint8ClampedArray, width: number, height: number): Picture {
  if (rgba.length !== width * height * 4) {
    throw new RangeError(`pictureFromRgba: expected ${width * height * 4} bytes for ${width} × ${height} RGBA, got ${rgba.length}`);
  }
  return makePicture(3, height, width, (c, r, col) => {
    const i = (r * width + col) * 4;
    const alpha = (rgba[i + 3] ?? 255) / 255;
    return alpha * ((rgba[i + c] ?? 0) / 255) + (1 - alpha);
  });
}
