import { describe, expect, it } from 'vitest';
import { describeBytes, imageProblem, MAX_IMAGE_BYTES, readImageHeader } from './image-header';

const bytes = (...parts: (number[] | string | Uint8Array)[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : [...p])));
const be32 = (n: number): number[] => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const le32 = (n: number): number[] => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255];
const le16 = (n: number): number[] => [n & 255, (n >>> 8) & 255];
const be16 = (n: number): number[] => [(n >>> 8) & 255, n & 255];

/** A PNG's chunk: length, type, data and a (here unchecked) CRC. */
const chunk = (type: string, data: number[]): Uint8Array => bytes(be32(data.length), type, data, [0, 0, 0, 0]);
const png = (width: number, height: number, idat = 50): Uint8Array =>
  bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], chunk('IHDR', [...be32(width), ...be32(height), 8, 0, 0, 0, 0]), chunk('IDAT', new Array(idat).fill(7)), chunk('IEND', []));

const jpeg = (width: number, height: number): Uint8Array =>
  bytes([0xff, 0xd8], [0xff, 0xe0, ...be16(6), 1, 2, 3, 4], [0xff, 0xc0, ...be16(11), 8, ...be16(height), ...be16(width), 1, 1, 0x11, 0], [0xff, 0xda, ...be16(8), 1, 1, 0, 0, 63, 0], [0x12, 0xff, 0x00, 0x34], [0xff, 0xd9]);

const gif = (width: number, height: number): Uint8Array =>
  bytes('GIF89a', le16(width), le16(height), [0x80, 0, 0], new Array(6).fill(0), [0x21, 0xf9, 4, 0, 0, 0, 0, 0], [0x2c, 0, 0, 0, 0, ...le16(width), ...le16(height), 0], [2, 2, 0x4c, 0x01, 0], [0x3b]);

const riff = (chunkType: string, payload: number[]): Uint8Array => {
  const body = bytes('WEBP', chunkType, le32(payload.length), payload);
  return bytes('RIFF', le32(body.length), body);
};

describe('readImageHeader()', () => {
  it('readImageHeader() reads the size of a PNG, JPEG, GIF, WebP (lossy, lossless, extended), BMP and AVIF', () => {
    expect(readImageHeader(png(300, 200))).toEqual({ ok: true, format: 'PNG', width: 300, height: 200 });
    expect(readImageHeader(jpeg(640, 480))).toEqual({ ok: true, format: 'JPEG', width: 640, height: 480 });
    expect(readImageHeader(gif(12, 34))).toEqual({ ok: true, format: 'GIF', width: 12, height: 34 });
    expect(readImageHeader(riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, ...le16(400), ...le16(300), 0, 0]))).toMatchObject({ format: 'WebP', width: 400, height: 300 });
    const lossless = ((99 & 0x3fff) | ((49 & 0x3fff) << 14)) >>> 0;
    expect(readImageHeader(riff('VP8L', [0x2f, ...le32(lossless), 0, 0, 0, 0, 0]))).toMatchObject({ format: 'WebP', width: 100, height: 50 });
    expect(readImageHeader(riff('VP8X', [0, 0, 0, 0, 0x3f, 0x1f, 0, 0x0f, 0x27, 0]))).toMatchObject({ format: 'WebP', width: 8000, height: 10000 });
    const bmp = bytes('BM', le32(58), [0, 0, 0, 0], le32(54), le32(40), le32(2), le32(2 ** 32 - 1), new Array(32).fill(0));
    expect(readImageHeader(bmp)).toEqual({ ok: true, format: 'BMP', width: 2, height: 1 });
    const ispe = bytes(be32(20), 'ispe', [0, 0, 0, 0], be32(1920), be32(1080));
    const avif = bytes(be32(16), 'ftyp', 'avif', [0, 0, 0, 0], be32(8 + ispe.length), 'meta', ispe);
    expect(readImageHeader(avif)).toEqual({ ok: true, format: 'AVIF', width: 1920, height: 1080 });
  });

  it('readImageHeader() says a file is cut off when its structure runs past its end', () => {
    const whole = png(8000, 8000, 400);
    expect(readImageHeader(whole.subarray(0, whole.length - 12))).toEqual({ ok: false, reason: 'truncated', format: 'PNG' });
    expect(readImageHeader(whole.subarray(0, 200))).toEqual({ ok: false, reason: 'truncated', format: 'PNG' });
    expect(readImageHeader(whole.subarray(0, 20))).toEqual({ ok: false, reason: 'truncated', format: 'PNG' });
    const j = jpeg(10, 10);
    expect(readImageHeader(j.subarray(0, j.length - 2))).toMatchObject({ ok: false, reason: 'truncated', format: 'JPEG' });
    const g = gif(5, 5);
    expect(readImageHeader(g.subarray(0, g.length - 1))).toMatchObject({ ok: false, reason: 'truncated', format: 'GIF' });
    const w = riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, ...le16(4), ...le16(3), 0, 0]);
    expect(readImageHeader(w.subarray(0, w.length - 1))).toMatchObject({ ok: false, reason: 'truncated', format: 'WebP' });
  });

  it('readImageHeader() does not recognise text, SVG or an empty file', () => {
    expect(readImageHeader(bytes('not a picture'))).toEqual({ ok: false, reason: 'unknown' });
    expect(readImageHeader(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toEqual({ ok: false, reason: 'unknown' });
    expect(readImageHeader(new Uint8Array(0))).toEqual({ ok: false, reason: 'unknown' });
  });
});

describe('imageProblem()', () => {
  it('imageProblem() states both sizes exactly when a file is over the limit, in the same unit (seen: "is 40 MB; choose an image under 40 MB")', () => {
    expect(imageProblem('big.png', 42_000_000)).toBe('“big.png” is 42 MB (42,000,000 bytes); the widget reads images of at most 40 MB (40,000,000 bytes).');
    expect(imageProblem('edge.png', MAX_IMAGE_BYTES + 1)).toBe('“edge.png” is 40 MB (40,000,001 bytes); the widget reads images of at most 40 MB (40,000,000 bytes).');
    expect(imageProblem('ok.png', MAX_IMAGE_BYTES)).toBeUndefined();
    expect(describeBytes(41_943_040)).toBe('41.9 MB (41,943,040 bytes)');
  });

  it('imageProblem() refuses a 20,000 × 20,000 PNG from its header, before decoding', () => {
    expect(imageProblem('huge.png', 389_000, png(20_000, 20_000))).toBe(
      '“huge.png” is 20,000 × 20,000 = 400,000,000 pixels; the widget decodes images of at most 64,000,000 pixels (8,000 × 8,000). Scale it down first.',
    );
    expect(imageProblem('fits.png', 1_000, png(8_000, 8_000))).toBeUndefined();
  });

  it('imageProblem() refuses a cut-off file and a file in no format it knows, saying which', () => {
    const whole = png(8000, 8000, 400);
    expect(imageProblem('cut.png', 200, whole.subarray(0, 200))).toBe(
      '“cut.png” is cut off: it starts as a PNG file, but its data ends before the image does. It may not have finished downloading or copying; try the file again.',
    );
    expect(imageProblem('notes.txt', 13, bytes('not a picture'))).toBe('“notes.txt” is not a PNG, JPEG, GIF, WebP, BMP or AVIF image that this widget can read. Choose a PNG or JPEG file.');
  });
});
