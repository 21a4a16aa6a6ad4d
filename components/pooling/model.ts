/** The pooling widget's state: the URL fields, the example maps, and the upstream gradient the reader chose. */
import { formatMatrixForUrl, parseMatrix, type Matrix, type MatrixLimits } from '../../lib/course/pooling';
import { enumField, numberField, type Field } from '../../lib/common';

/** Limits of the feature map a reader can type, and of the upstream gradient. */
export const MAP_LIMITS: MatrixLimits = { maxRows: 10, maxCols: 10, maxAbs: 1000 };

/** Largest kernel, stride and padding the sliders offer. */
export const LIMITS = { kernel: 5, stride: 5, padding: 2 } as const;

/**
 * The default map: 2 × 2 max pooling with stride 2 picks 4, 2, 6 / 5, 7, 4 / 6, 8, 3; the window
 * at row 1, column 2 holds a tie (4 and 4), which PyTorch resolves to the first.
 */
export const EXAMPLE_MAP: Matrix = [
  [1, 3, 2, 0, 5, 1],
  [4, 2, 1, 1, 2, 6],
  [0, 1, 7, 3, 1, 0],
  [2, 5, 3, 2, 4, 4],
  [6, 0, 1, 8, 2, 1],
  [1, 2, 0, 3, 1, 3],
];

/** Maps a reader can start from. */
export const MAP_PRESETS: readonly { id: string; label: string; rows: Matrix }[] = [
  { id: 'example', label: 'Example (6 × 6)', rows: EXAMPLE_MAP },
  {
    id: 'line',
    label: 'A bright vertical line (6 × 8)',
    rows: Array.from({ length: 6 }, () => [0, 0, 9, 0, 0, 0, 0, 0]),
  },
  {
    id: 'negative',
    label: 'All negative (4 × 4)',
    rows: [
      [-5, -3, -8, -2],
      [-1, -6, -4, -7],
      [-9, -2, -3, -5],
      [-4, -8, -1, -6],
    ],
  },
];

/** A matrix in the URL as "1,2;3,4", within MAP_LIMITS. */
function matrixField(defaultValue: Matrix): Field<Matrix> {
  return {
    default: defaultValue,
    expected: `rows of numbers separated by “;”, numbers by “,” (at most ${MAP_LIMITS.maxRows} × ${MAP_LIMITS.maxCols}, each within ±${MAP_LIMITS.maxAbs})`,
    parse: (raw) => {
      const r = parseMatrix(raw, MAP_LIMITS);
      return r.ok ? r.rows : undefined;
    },
    format: formatMatrixForUrl,
  };
}

/** Where the upstream gradient dL/dy comes from. */
export const GRADIENT_SOURCES = ['ones', 'cell', 'custom'] as const;

/** Where the upstream gradient dL/dy comes from. */
export type GradientSource = (typeof GRADIENT_SOURCES)[number];

/** URL fields of the pooling widget. */
export const poolSchema = {
  mode: enumField(['max', 'avg'] as const, 'max'),
  k: numberField({ default: 2, min: 1, max: LIMITS.kernel, integer: true }),
  s: numberField({ default: 2, min: 1, max: LIMITS.stride, integer: true }),
  p: numberField({ default: 0, min: 0, max: LIMITS.padding, integer: true }),
  map: matrixField(EXAMPLE_MAP),
  grad: enumField(GRADIENT_SOURCES, 'ones'),
  g: matrixField([[1]]),
  row: numberField({ default: 1, min: 0, max: 20, integer: true }),
  col: numberField({ default: 2, min: 0, max: 20, integer: true }),
};

/** dL/dy and, when the reader's own matrix does not fit the output, why it was not used. */
export interface Upstream {
  readonly values: Float64Array;
  readonly problem: string | undefined;
}

/**
 * The upstream gradient for an H_out × W_out output: all ones (the loss is the sum of y), 1 at
 * the selected cell only, or the reader's matrix, which must have the output's size (otherwise
 * all ones are used and `problem` says why).
 */
export function upstreamGradient(source: GradientSource, custom: Matrix, outHeight: number, outWidth: number, selected: { row: number; col: number }): Upstream {
  const n = outHeight * outWidth;
  if (source === 'cell') {
    const values = new Float64Array(n);
    values[selected.row * outWidth + selected.col] = 1;
    return { values, problem: undefined };
  }
  if (source === 'custom') {
    const rows = custom.length;
    const cols = custom[0]?.length ?? 0;
    if (rows === outHeight && cols === outWidth) return { values: Float64Array.from(custom.flat()), problem: undefined };
    return {
      values: new Float64Array(n).fill(1),
      problem: `dL/dy must have the output’s size, ${outHeight} × ${outWidth}; yours is ${rows} × ${cols}. Using all ones until it fits.`,
    };
  }
  return { values: new Float64Array(n).fill(1), problem: undefined };
}

/** The map moved one cell in a direction, with zeros coming in at the edge (the picture moved, not wrapped). */
export function shiftMap(rows: Matrix, dRow: number, dCol: number): number[][] {
  return rows.map((row, r) => row.map((_, c) => rows[r - dRow]?.[c - dCol] ?? 0));
}
