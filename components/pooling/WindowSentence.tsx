import type { PoolMode, WindowCell } from '../../lib/course/pooling';
import type { Cell } from '../sliding-window/grid-keys';
import { formatDecimals } from '../../lib/common';

interface Props {
  mode: PoolMode;
  /** The input map, row-major. */
  map: ArrayLike<number>;
  width: number;
  /** The k × k cells of the selected output's window. */
  cells: readonly WindowCell[];
  /** For max pooling, the cell it picks. */
  picked: WindowCell | undefined;
  kernel: number;
  at: Cell;
  /** The engine's y at the selected cell, once computed. */
  value: number | undefined;
}

/** The selected output's value written out: the max of its window (padding −∞) or its sum over k² (padding 0). */
export function WindowSentence({ mode, map, width, cells, picked, kernel, at, value }: Props) {
  const read = (c: WindowCell): number => (c.inside ? (map[c.row * width + c.col] ?? NaN) : mode === 'max' ? -Infinity : 0);
  const terms = cells.map((c) => (c.inside ? formatDecimals(read(c)) : mode === 'max' ? '−∞' : '0'));
  const y = `y[${at.row}, ${at.col}]`;
  const result = value === undefined ? '…' : formatDecimals(value);
  if (mode === 'max') {
    const best = picked ? read(picked) : NaN;
    const ties = cells.filter((c) => c.inside && read(c) === best).length;
    return (
      <p class="pool__sentence" aria-live="polite">
        <code>{y}</code> = max({terms.join(', ')}) = <strong>{result}</strong>
        {picked && (
          <>
            , taken from <code>x[{picked.row}, {picked.col}]</code>
            {ties > 1 && ` (${ties} cells tie; PyTorch keeps the first in row-major order, so this one gets the gradient)`}
          </>
        )}
        .{cells.some((c) => !c.inside) && ' The padding counts as −∞, so it never wins.'}
      </p>
    );
  }
  const sum = cells.reduce((s, c) => s + read(c), 0);
  return (
    <p class="pool__sentence" aria-live="polite">
      <code>{y}</code> = ({terms.join(' + ')}) / {kernel * kernel} = {formatDecimals(sum)} / {kernel * kernel} = <strong>{result}</strong>.
      {cells.some((c) => !c.inside) && ` The padding counts as 0 and the divisor stays k² = ${kernel * kernel} (PyTorch’s default count_include_pad=True).`}
    </p>
  );
}
