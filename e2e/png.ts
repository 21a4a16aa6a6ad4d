import { constants, crc32, deflateSync, createDeflate } from 'node:zlib';

/** One PNG chunk: length, type, data, CRC of type and data. */
function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** Deflates `rows` rows of `rowBytes` zero bytes (filter byte included) without holding them all in memory. */
async function deflateZeroRows(rows: number, rowBytes: number): Promise<Buffer> {
  const deflate = createDeflate({ level: constants.Z_BEST_COMPRESSION });
  const parts: Buffer[] = [];
  deflate.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const row = Buffer.alloc(rowBytes);
  for (let i = 0; i < rows; i++) {
    if (!deflate.write(row)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return Buffer.concat(parts);
}

/**
 * A real, valid black grayscale PNG of any size, built in Node: a 20,000 × 20,000 one is about
 * 390 KB on disk and 400 megapixels decoded. `cutAt` keeps only that many bytes (a cut-off file).
 */
export async function blackPng(width: number, height: number, cutAt?: number): Promise<Buffer> {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit grayscale, deflate, no interlace
  const idat = height * width <= 4_000_000 ? deflateSync(Buffer.alloc(height * (width + 1))) : await deflateZeroRows(height, width + 1);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
  return cutAt === undefined ? png : png.subarray(0, cutAt);
}
