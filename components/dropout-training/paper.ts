import { LruCache } from '../../lib/common';

/** The grey level (0 black … 255 white) a pixel of ink `value` (0 … 1) is painted with. */
const paperLevel = (value: number): number => Math.round(255 * (1 - value));

/** Draws grey levels on 0 … 1 as dark ink on a light ground (in both themes, as on paper), one canvas pixel per image pixel. */
export function paintOnPaper(canvas: HTMLCanvasElement | null, pixels: ArrayLike<number>, side: number): void {
  const ctx = canvas?.getContext('2d');
  if (!ctx) return;
  const image = ctx.createImageData(side, side);
  for (let i = 0; i < side * side; i++) {
    const level = paperLevel(pixels[i] ?? 0);
    image.data.set([level, level, level, 255], 4 * i);
  }
  ctx.putImageData(image, 0, 0);
}

let scratch: HTMLCanvasElement | undefined;
/**
 * Data URLs made so far, by image (its side and the levels it is painted with): a digit
 * misclassified epoch after epoch is encoded once. At most 2,000 (a few hundred bytes each); the
 * least recently shown go first, so drawing on the pad (a new image a stroke) does not evict them all.
 */
const made = new LruCache<string, string>(2000);

/** The grey levels painted on paper (see paintOnPaper) as a PNG data URL; the same image gives the same string. */
export function paperDataUrl(pixels: ArrayLike<number>, side: number): string {
  let key = `${side}:`;
  for (let i = 0; i < side * side; i++) key += String.fromCharCode(paperLevel(pixels[i] ?? 0));
  const known = made.get(key);
  if (known !== undefined) return known;
  scratch ??= document.createElement('canvas');
  scratch.width = side;
  scratch.height = side;
  paintOnPaper(scratch, pixels, side);
  const url = scratch.toDataURL('image/png');
  made.set(key, url);
  return url;
}
