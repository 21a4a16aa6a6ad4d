/**
 * Data augmentation by random shifts: each training image of a minibatch moved by a whole number of
 * pixels (dx to the right, dy down, each drawn uniformly from -s … s) with zeros filling what comes
 * in at the border. The draws come from their own seeded generator, so a run without shifts draws
 * none and is unchanged. Evaluation never shifts.
 */
import type { Rng } from '../../engine';

/** XORed with a run's seed to seed its shift generator (apart from the split, weights, order and dropout masks). */
export const SHIFT_SEED = 0x5_41f7;

/** The largest shift the lesson offers, in pixels. */
export const MAX_SHIFT = 2;

/** `count` shifts (dx, dy), each uniform on the whole numbers -max … max, interleaved: [dx0, dy0, dx1, dy1, …]. Advances `rng` by 2 · count draws (none when max = 0). */
export function drawShifts(rng: Rng, count: number, max: number): Int8Array {
  const shifts = new Int8Array(2 * count);
  if (max === 0) return shifts;
  for (let i = 0; i < shifts.length; i++) shifts[i] = rng.int(2 * max + 1) - max;
  return shifts;
}

/**
 * Images `x` (N, side, side) row-major, image i moved by (shifts[2i], shifts[2i+1]) pixels:
 * out[i][r][c] = x[i][r − dy][c − dx], or 0 where that falls outside the image. Returns a new array.
 */
export function shiftImages(x: Float32Array, side: number, shifts: Int8Array): Float32Array<ArrayBuffer> {
  const area = side * side;
  const n = shifts.length / 2;
  if (x.length !== n * area) throw new RangeError(`shiftImages: expected ${n} images of ${side} × ${side} (${n * area} values) for ${n} shifts, got ${x.length} values`);
  const out = new Float32Array(x.length);
  for (let i = 0; i < n; i++) {
    const dx = shifts[2 * i] ?? 0;
    const dy = shifts[2 * i + 1] ?? 0;
    const c0 = Math.max(0, dx);
    const c1 = Math.min(side, side + dx);
    if (c1 <= c0) continue;
    for (let r = Math.max(0, dy); r < Math.min(side, side + dy); r++) {
      const from = i * area + (r - dy) * side;
      out.set(x.subarray(from + c0 - dx, from + c1 - dx), i * area + r * side + c0);
    }
  }
  return out;
}
