/**
 * The worker job that reads the reader's own image: the file's header is checked first (size in
 * bytes, format, whether the file is whole, pixel count), and only then is it decoded and scaled
 * down, here in a worker, so that a large photo never stalls the page.
 */
import { fitWithin } from '../../lib/course/convolution';
import { imageProblem, type ImageFormat, readImageHeader } from '../../lib/course/convolution';
import type { Job } from '../../lib/runtime';

/** The file to read, and the longest side it is scaled down to. */
export interface DecodeRequest {
  file: Blob;
  name: string;
  maxSide: number;
}

/** The scaled picture as RGBA bytes, channels last as a canvas holds them; or why the file was refused. */
export type DecodeResult =
  | { ok: true; rgba: Uint8ClampedArray; width: number; height: number; originalWidth: number; originalHeight: number; format: ImageFormat }
  | { ok: false; message: string };

/** Decodes and scales one image file, refusing it with a sentence for the reader when it cannot be used. */
export const decodeImageJob: Job<DecodeRequest, never, DecodeResult> = async ({ file, name, maxSide }) => {
  const tooLarge = imageProblem(name, file.size);
  if (tooLarge) return { ok: false, message: tooLarge };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const problem = imageProblem(name, file.size, bytes);
  const header = readImageHeader(bytes);
  if (problem || !header.ok) return { ok: false, message: problem ?? `“${name}” cannot be read.` };
  let full: ImageBitmap;
  try {
    full = await createImageBitmap(file);
  } catch {
    return {
      ok: false,
      message: `“${name}” could not be read as an image: its ${header.format} header is fine, but this browser cannot decode the picture in it. It may be damaged; try a PNG or JPEG.`,
    };
  }
  // The decoded size, not the header's: a JPEG's EXIF orientation may turn it by 90°.
  const { width, height } = fitWithin(full.width, full.height, maxSide);
  const scaled = await createImageBitmap(full, { resizeWidth: width, resizeHeight: height, resizeQuality: 'high' });
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('decodeImageJob: this browser has no 2-D canvas in workers');
  ctx.drawImage(scaled, 0, 0);
  const result: DecodeResult = { ok: true, rgba: ctx.getImageData(0, 0, width, height).data, width, height, originalWidth: full.width, originalHeight: full.height, format: header.format };
  scaled.close();
  full.close();
  return result;
};
