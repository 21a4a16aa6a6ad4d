/**
 * Pooling as PyTorch defines it (nn.MaxPool2d, nn.AvgPool2d with their defaults: dilation 1,
 * ceil_mode=False, count_include_pad=True), on one H × W feature map:
 *
 *   max: y[i, j] = max over the window of x, the padding counting as −∞ (it never wins);
 *   avg: y[i, j] = (sum over the window of x, the padding counting as 0) / k².
 *
 * The window of output (i, j) covers rows s·i − p … s·i − p + k − 1 (columns likewise).
 */
import { windowOutputSize } from '../../ml/shapes';

/** Max or average pooling. */
export type PoolMode = 'max' | 'avg';

/** Kernel size, stride and padding of a square pooling window. */
export interface PoolSpec {
  readonly kernel: number;
  readonly stride: number;
  readonly padding: number;
}

/** Why PyTorch would refuse these settings on an H × W map, or undefined if it accepts them. */
export function poolProblem(height: number, width: number, { kernel, stride, padding }: PoolSpec): string | undefined {
  if (2 * padding > kernel) {
    return `padding ${padding} is more than half the kernel size ${kernel}: PyTorch refuses it (“pad should be at most half of kernel size”, in PyTorch 1.13’s words), since a window could then lie entirely in the padding`;
  }
  for (const [axis, size] of [['height', height], ['width', width]] as const) {
    const r = windowOutputSize(size, { kernel, stride, padding, dilation: 1 });
    if (!r.ok) return `along the ${axis}, ${r.reason}`;
  }
  return undefined;
}

/** One cell of a pooling window: its position in the input, and whether it is inside (not padding). */
export interface WindowCell {
  readonly row: number;
  readonly col: number;
  readonly inside: boolean;
}

/** The k × k cells of output (i, j)'s window, row by row. */
export function poolWindow(height: number, width: number, { kernel, stride, padding }: PoolSpec, i: number, j: number): WindowCell[] {
  const cells: WindowCell[] = [];
  for (let u = 0; u < kernel; u++) {
    for (let v = 0; v < kernel; v++) {
      const row = stride * i - padding + u;
      const col = stride * j - padding + v;
      cells.push({ row, col, inside: row >= 0 && row < height && col >= 0 && col < width });
    }
  }
  return cells;
}

/**
 * The cell max pooling picks in a window: the largest value, the first in row-major order on a
 * tie (PyTorch's CPU kernel keeps a value only if it is strictly greater), padding never.
 */
export function windowArgmax(map: ArrayLike<number>, width: number, cells: readonly WindowCell[]): WindowCell | undefined {
  let best: WindowCell | undefined;
  let bestValue = -Infinity;
  for (const cell of cells) {
    if (!cell.inside) continue;
    const v = map[cell.row * width + cell.col] ?? NaN;
    if (best === undefined || v > bestValue) {
      best = cell;
      bestValue = v;
    }
  }
  return best;
}
