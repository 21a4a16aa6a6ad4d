import { formatFixed } from '../../lib/common';

interface Props {
  /** Name read by screen readers, e.g. "W₁". */
  name: string;
  /** Rows of numbers; a vector is a single column. */
  rows: readonly (readonly number[])[];
  /** Highlight entries that differ from these (same shape). */
  compareWith?: readonly (readonly number[])[];
}

/** A matrix or column vector in brackets, as a table so a screen reader can walk its entries. */
export function Matrix({ name, rows, compareWith }: Props) {
  const cols = rows[0]?.length ?? 0;
  return (
    <table class="matrix" aria-label={`${name}, ${rows.length} by ${cols}`}>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {row.map((v, j) => {
              const differs = compareWith !== undefined && compareWith[i]?.[j] !== v;
              return (
                <td key={j} class={differs ? 'matrix__differs' : undefined}>
                  {formatFixed(v, Number.isInteger(v) ? 0 : 2)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A vector as a one-column matrix. */
export function column(v: readonly number[]): number[][] {
  return v.map((x) => [x]);
}
