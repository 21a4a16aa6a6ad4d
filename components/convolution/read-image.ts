/** Reading the reader's own image in the browser: decoded locally, scaled down, never uploaded. */
import { fitWithin, MAX_SIDE, pictureFromRgba, type Picture } from '../../lib/convolution/picture';

/** An image file read into a picture, with what the reader should be told about it. */
export interface LoadedImage {
  readonly picture: Picture;
  readonly name: string;
  readonly originalWidth: number;
  readonly originalHeight: number;
}

/** Files larger than this are refused before decoding (a phone photo is 2–12 MB). */
const MAX_BYTES = 40 * 1024 * 1024;

/** Decodes with createImageBitmap, or through an <img> for formats it does not take (SVG). */
async function decode(file: File): Promise<ImageBitmap | HTMLImageElement> {
  try {
    return await createImageBitmap(file);
  } catch {
    const url = URL.createObjectURL(file);
    try {
      const img = new Image();
      img.src = url;
      await img.decode();
      if (img.naturalWidth === 0 || img.naturalHeight === 0) throw new Error('empty image');
      return img;
    } finally {
      URL.revokeObjectURL(url);
    }
  }
}

/**
 * Reads an image file and scales it to fit MAX_SIDE × MAX_SIDE, keeping its aspect ratio.
 * Rejects with a sentence for the reader when the file is not an image or cannot be decoded.
 */
export async function readImageFile(file: File): Promise<LoadedImage> {
  if (file.type !== '' && !file.type.startsWith('image/')) {
    throw new Error(`“${file.name}” is not an image (its type is ${file.type}). Choose a PNG, JPEG, GIF or WebP file.`);
  }
  if (file.size > MAX_BYTES) {
    throw new Error(`“${file.name}” is ${(file.size / 1024 / 1024).toFixed(0)} MB; choose an image under ${MAX_BYTES / 1024 / 1024} MB.`);
  }
  let source: ImageBitmap | HTMLImageElement;
  try {
    source = await decode(file);
  } catch {
    throw new Error(`“${file.name}” could not be read as an image: the browser cannot decode it. It may be damaged or in a format this browser does not support; try a PNG or JPEG.`);
  }
  const originalWidth = source instanceof HTMLImageElement ? source.naturalWidth : source.width;
  const originalHeight = source instanceof HTMLImageElement ? source.naturalHeight : source.height;
  const { width, height } = fitWithin(originalWidth, originalHeight, MAX_SIDE);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('This browser cannot draw on a canvas, so the image cannot be scaled.');
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  // One high-quality resize where the browser offers it (it averages a large photo properly); else drawImage scales.
  const scaled = source instanceof HTMLImageElement ? source : await createImageBitmap(source, { resizeWidth: width, resizeHeight: height, resizeQuality: 'high' });
  ctx.drawImage(scaled, 0, 0, width, height);
  if (scaled instanceof ImageBitmap) scaled.close();
  if (source instanceof ImageBitmap) source.close();
  const { data } = ctx.getImageData(0, 0, width, height);
  return { picture: pictureFromRgba(data, width, height), name: file.name, originalWidth, originalHeight };
}
