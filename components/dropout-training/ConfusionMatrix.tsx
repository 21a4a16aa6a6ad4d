import { DIGIT_CLASSES } from '../../lib/course/dropout';
import type { ChartTable } from '../charts/chart-table';

interface Props {
  /** Counts by true class (row) and predicted class (column), row-major. */
  counts: readonly number[];
  /** The caption: which set, which epoch. */
  caption: string;
}

/** The most colour (in %) mixed into a cell's background. */
const MAX_SHADE = 40;

const CLASSES = Array.from({ length: DIGIT_CLASSES }, (_, c) => c);

/** The counts as a table for a CSV file: the true digit, then its count for each predicted digit. */
export function confusionTable(counts: readonly number[]): ChartTable {
  return {
    columns: ['true digit', ...CLASSES.map((c) => `predicted ${c}`)],
    rows: CLASSES.map((r) => [r, ...CLASSES.map((c) => counts[r * DIGIT_CLASSES + c] ?? 0)]),
  };
}

/**
 * A confusion matrix as a table (so it reads cell by cell): rows are the true digit, columns the
 * prediction; a cell's shade grows with its count (up to MAX_SHADE), blue on the diagonal (right) and red off it (wrong).
 */
export function ConfusionMatrix({ counts, caption }: Props) {
  const rowTotal = (r: number): number => CLASSES.reduce((n, c) => n + (counts[r * DIGIT_CLASSES + c] ?? 0), 0);
  return (
    <table class="confusion">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">
            <span class="visually-hidden">True digit, then its counts by predicted digit</span>
            <span aria-hidden="true">↓→</span>
          </th>
          {CLASSES.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {CLASSES.map((r) => {
          const total = Math.max(1, rowTotal(r));
          return (
            <tr key={r}>
              <th scope="row">{r}</th>
              {CLASSES.map((c) => {
                const n = counts[r * DIGIT_CLASSES + c] ?? 0;
                // The shade stays light enough for the count on it to keep its contrast in both themes.
                const share = Math.round(Math.min(MAX_SHADE, ((r === c ? 1 : 3) * MAX_SHADE * n) / total));
                const kind = r === c ? 'right' : n > 0 ? 'wrong' : 'none';
                return (
                  <td key={c} class={`confusion__cell confusion__cell--${kind}`} style={{ '--share': `${share}%` }}>
                    {n}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
