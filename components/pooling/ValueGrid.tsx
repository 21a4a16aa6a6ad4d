import type { Cell } from '../sliding-window/grid-keys';
import { formatDecimals } from '../../lib/common';

interface Props {
  /** The id of the element naming the table (the caption of the figure around it, e.g. "Input x (6 × 6)"). */
  labelledBy: string;
  /** height × width values, row-major. */
  values: ArrayLike<number>;
  height: number;
  width: number;
  /** Rings of padding shown around the values, each cell reading `padText`. */
  pad?: number;
  padText?: string;
  /** Cells of the highlighted window (may lie in the padding). */
  window?: readonly Cell[];
  /** The cell max pooling picked in that window. */
  picked?: Cell | undefined;
  /** The selected cell (the output cell under inspection). */
  selected?: Cell | undefined;
  /** |value| shown at full colour. */
  scale: number;
  /** Called when a cell inside the map is clicked or tapped. */
  onPick?(cell: Cell): void;
}

const key = (c: Cell): string => `${c.row},${c.col}`;

/** Background for a value: the theme's chart colours mixed into the page background, up to 45 %, so text stays readable. */
function shade(v: number, scale: number): string | undefined {
  if (!Number.isFinite(v) || v === 0 || scale <= 0) return undefined;
  const percent = Math.round(45 * Math.min(1, Math.abs(v) / scale));
  return `color-mix(in srgb, var(${v > 0 ? '--chart-1' : '--chart-2'}) ${percent}%, var(--bg-raised))`;
}

/**
 * A small map as a table of numbers, row and column indices included, with the pooling window,
 * the picked cell and the selected cell marked (by outline and text, not colour alone).
 */
export function ValueGrid({ labelledBy, values, height, width, pad = 0, padText = '0', window = [], picked, selected, scale, onPick }: Props) {
  const inWindow = new Set(window.map(key));
  const rows = Array.from({ length: height + 2 * pad }, (_, i) => i - pad);
  const cols = Array.from({ length: width + 2 * pad }, (_, j) => j - pad);
  return (
    <table class="value-grid" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <td />
          {cols.map((c) => (
            <th key={c} scope="col" class={c < 0 || c >= width ? 'value-grid__pad-index' : undefined}>
              {String(c).replace('-', '−')}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r}>
            <th scope="row" class={r < 0 || r >= height ? 'value-grid__pad-index' : undefined}>
              {String(r).replace('-', '−')}
            </th>
            {cols.map((c) => {
              const inside = r >= 0 && r < height && c >= 0 && c < width;
              const cell = { row: r, col: c };
              const v = inside ? (values[r * width + c] ?? NaN) : NaN;
              const isPicked = picked !== undefined && picked.row === r && picked.col === c;
              const isSelected = selected !== undefined && selected.row === r && selected.col === c;
              const classes = [
                'value-grid__cell',
                inside ? '' : 'value-grid__cell--pad',
                inWindow.has(key(cell)) ? 'value-grid__cell--window' : '',
                isPicked ? 'value-grid__cell--picked' : '',
                isSelected ? 'value-grid__cell--selected' : '',
                inside && onPick ? 'value-grid__cell--pickable' : '',
              ].join(' ');
              return (
                <td
                  key={c}
                  class={classes}
                  style={inside ? { background: shade(v, scale) } : undefined}
                  onClick={inside && onPick ? () => onPick(cell) : undefined}
                >
                  {inside ? formatDecimals(v, 3) : padText}
                  {isPicked && <span class="visually-hidden"> (picked)</span>}
                  {isSelected && <span class="visually-hidden"> (selected)</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
