/**
 * Reading an image file's size from its header, and checking that the file is whole, before
 * anything decodes it: a 400 KB PNG can claim 20,000 × 20,000 pixels (1.6 GB once decoded), and a
 * browser shows a cut-off file as if it were complete. Formats: PNG, JPEG, GIF, WebP, BMP, AVIF.
 */

/** The image formats the reader's own picture may be in. */
export type ImageFormat = 'PNG' | 'JPEG' | 'GIF' | 'WebP' | 'BMP' | 'AVIF';

/** What a file's header says, or why it says nothing usable. */
export type ImageHeader =
  | { ok: true; format: ImageFormat; width: number; height: number }
  | { ok: false; reason: 'unknown' | 'truncated'; format?: ImageFormat };

/** Files larger than this are refused before they are read: 40 MB (a phone photo is 2–12 MB). */
export const MAX_IMAGE_BYTES = 40_000_000;

/** Images with more pixels than this are refused before they are decoded: 64 megapixels (8,000 × 8,000). */
export const MAX_IMAGE_PIXELS = 64_000_000;

/** The formats, in the words a message to the reader uses. */
export const IMAGE_FORMATS_TEXT = 'PNG, JPEG, GIF, WebP, BMP or AVIF';

const u16be = (b: Uint8Array, i: number): number => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u16le = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, i: number): number => u16le(b, i) | ((b[i + 2] ?? 0) << 16);
const u32be = (b: Uint8Array, i: number): number => u16be(b, i) * 65536 + u16be(b, i + 2);
const u32le = (b: Uint8Array, i: number): number => u16le(b, i) + u16le(b, i + 2) * 65536;
const ascii = (b: Uint8Array, i: number, n: number): string => String.fromCharCode(...b.subarray(i, i + n));
const startsWith = (b: Uint8Array, bytes: readonly number[]): boolean => bytes.every((x, i) => b[i] === x);

type Reader = (b: Uint8Array) => ImageHeader;
const sized = (format: ImageFormat, width: number, height: number): ImageHeader => ({ ok: true, format, width, height });
const truncated = (format: ImageFormat): ImageHeader => ({ ok: false, reason: 'truncated', format });

/** PNG: the size is in IHDR; the file is whole when its chunks run, each inside the file, to IEND. */
const png: Reader = (b) => {
  if (b.length < 24 || ascii(b, 12, 4) !== 'IHDR') return truncated('PNG');
  for (let at = 8; at + 8 <= b.length; ) {
    const end = at + 12 + u32be(b, at);
    if (end > b.length) break;
    if (ascii(b, at + 4, 4) === 'IEND') return sized('PNG', u32be(b, 16), u32be(b, 20));
    at = end;
  }
  return truncated('PNG');
};

/** JPEG: the size is in the start-of-frame segment; the file is whole when an end-of-image marker follows the scan. */
const jpeg: Reader = (b) => {
  let size: [number, number] | undefined;
  for (let at = 2; at + 4 <= b.length; ) {
    if (b[at] !== 0xff) return truncated('JPEG');
    const marker = b[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    const length = u16be(b, at + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame && at + 9 <= b.length) size = [u16be(b, at + 7), u16be(b, at + 5)];
    if (marker === 0xda) {
      // Entropy-coded data follows; a 0xFF inside it is always followed by 0x00 or a restart marker, so
      // the first FF D9 after it is the end of the image.
      for (let i = at + 2 + length; i + 1 < b.length; i++) {
        if (b[i] === 0xff && b[i + 1] === 0xd9) return size ? sized('JPEG', size[0], size[1]) : truncated('JPEG');
      }
      return truncated('JPEG');
    }
    at += 2 + length;
  }
  return truncated('JPEG');
};

/** GIF: the size is in the logical screen descriptor; the file is whole when its blocks run to the trailer. */
const gif: Reader = (b) => {
  const subBlocks = (at: number): number => {
    while (at < b.length && b[at] !== 0) at += 1 + (b[at] ?? 0);
    return at + 1;
  };
  const table = (flags: number): number => (flags & 0x80 ? 3 * 2 ** ((flags & 7) + 1) : 0);
  let at = 13 + table(b[10] ?? 0);
  while (at < b.length) {
    const block = b[at];
    if (block === 0x3b) return sized('GIF', u16le(b, 6), u16le(b, 8));
    if (block === 0x21) at = subBlocks(at + 2);
    else if (block === 0x2c) at = subBlocks(at + 10 + table(b[at + 9] ?? 0) + 1);
    else return { ok: false, reason: 'unknown', format: 'GIF' };
  }
  return truncated('GIF');
};

/** WebP: the size is in the first chunk (lossy, lossless or extended); the file is whole when it holds the RIFF size it declares. */
const webp: Reader = (b) => {
  if (u32le(b, 4) + 8 > b.length || b.length < 30) return truncated('WebP');
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ') return sized('WebP', u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
  if (chunk === 'VP8L') {
    const bits = u32le(b, 21);
    return sized('WebP', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8X') return sized('WebP', u24le(b, 24) + 1, u24le(b, 27) + 1);
  return { ok: false, reason: 'unknown', format: 'WebP' };
};

/** BMP: the size is in the info header (a negative height means top-down rows); whole when the file is as long as it says. */
const bmp: Reader = (b) => {
  if (b.length < 26 || u32le(b, 2) > b.length) return truncated('BMP');
  const height = u32le(b, 22);
  return sized('BMP', u32le(b, 18), height >= 2 ** 31 ? 2 ** 32 - height : height);
};

/** AVIF (an ISO media file): the size is in the image spatial extents ('ispe') box; whole when its top-level boxes fit in the file. */
const avif: Reader = (b) => {
  let at = 0;
  while (at + 8 <= b.length) {
    const size = u32be(b, at);
    const length = size === 1 ? u32be(b, at + 8) * 2 ** 32 + u32be(b, at + 12) : size === 0 ? b.length - at : size;
    if (length < 8 || at + length > b.length) return truncated('AVIF');
    at += length;
  }
  if (at !== b.length) return truncated('AVIF');
  for (let i = 4; i + 16 <= b.length; i++) {
    if (b[i] === 0x69 && ascii(b, i, 4) === 'ispe') return sized('AVIF', u32be(b, i + 8), u32be(b, i + 12));
  }
  return { ok: false, reason: 'unknown', format: 'AVIF' };
};

/** Recognises the format by the file's first bytes. */
function readerFor(b: Uint8Array): Reader | undefined {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return png;
  if (startsWith(b, [0xff, 0xd8, 0xff])) return jpeg;
  if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') return gif;
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return webp;
  if (ascii(b, 0, 2) === 'BM') return bmp;
  if (ascii(b, 4, 4) === 'ftyp' && /^avi[fs]$/.test(ascii(b, 8, 4))) return avif;
  return undefined;
}

/** Reads a whole image file's format and size without decoding it, or says why it cannot be used. */
export function readImageHeader(bytes: Uint8Array): ImageHeader {
  const reader = readerFor(bytes);
  return reader ? reader(bytes) : { ok: false, reason: 'unknown' };
}

const grouped = (n: number): string => n.toLocaleString('en-US');

/** A file size for a message, in MB (10⁶ bytes, one decimal) and in exact bytes, so that sizes near a limit never look equal. */
export function describeBytes(bytes: number): string {
  return `${grouped(Number((bytes / 1e6).toFixed(1)))} MB (${grouped(bytes)} bytes)`;
}

/**
 * Why a file cannot be used, as a sentence for the reader, or undefined if it can. Checks, in
 * order: the byte size (before reading), the format, completeness, and the pixel count (before
 * decoding). `bytes` may be undefined to check the size alone.
 */
export function imageProblem(name: string, size: number, bytes?: Uint8Array): string | undefined {
  if (size > MAX_IMAGE_BYTES) {
    return `“${name}” is ${describeBytes(size)}; the widget reads images of at most ${describeBytes(MAX_IMAGE_BYTES)}.`;
  }
  if (bytes === undefined) return undefined;
  const header = readImageHeader(bytes);
  if (!header.ok && header.reason === 'unknown') {
    return `“${name}” is not a ${IMAGE_FORMATS_TEXT} image that this widget can read${header.format ? ` (it starts like a ${header.format} file, but its header makes no sense)` : ''}. Choose a PNG or JPEG file.`;
  }
  if (!header.ok) {
    return `“${name}” is cut off: it starts as a ${header.format} file, but its data ends before the image does. It may not have finished downloading or copying; try the file again.`;
  }
  const pixels = header.width * header.height;
  if (header.width < 1 || header.height < 1) return `“${name}” says it is ${header.width} × ${header.height} pixels: there is no picture in it.`;
  if (pixels > MAX_IMAGE_PIXELS) {
    const side = grouped(Math.floor(Math.sqrt(MAX_IMAGE_PIXELS)));
    return `“${name}” is ${grouped(header.width)} × ${grouped(header.height)} = ${grouped(pixels)} pixels; the widget decodes images of at most ${grouped(MAX_IMAGE_PIXELS)} pixels (${side} × ${side}). Scale it down first.`;
  }
  return undefined;
}
