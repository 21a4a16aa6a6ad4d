import type { ValidationView } from '../../lib/course/dropout';
import type { ChartTable } from '../charts/chart-table';
import { ExportFrame } from '../charts/ExportFrame';
import { DigitImage } from './DigitImage';

interface Props {
  view: ValidationView;
  side: number;
}

/** The digits as a table: one row each, its place in the validation set, true and predicted class, then its side × side pixels row by row (0 … 1). */
function misclassifiedTable(digits: ValidationView['misclassified'], side: number): ChartTable {
  return {
    columns: ['validation index', 'true', 'predicted', ...Array.from({ length: side * side }, (_, i) => `pixel ${Math.floor(i / side) + 1}-${(i % side) + 1}`)],
    rows: digits.map((d) => [d.index, d.label, d.predicted, ...Array.from({ length: side * side }, (_, i) => d.pixels[i])]),
  };
}

/** The validation digits the network gets wrong, drawn small, each with its true and its predicted class. */
export function MisclassifiedDigits({ view, side }: Props) {
  const shown = view.misclassified.length;
  return (
    <ExportFrame
      class="misclassified"
      caption={`Misclassified validation digits at epoch ${view.epoch}: ${view.misclassifiedTotal}${shown < view.misclassifiedTotal ? `, the first ${shown} shown` : ''} (true → predicted)`}
      name="Misclassified digits"
      title={`Misclassified validation digits, epoch ${view.epoch}`}
      exportData={() => misclassifiedTable(view.misclassified, side)}
    >
      <ul class="misclassified__list">
        {view.misclassified.map((d) => (
          <li key={d.index} class="misclassified__item">
            <DigitImage pixels={d.pixels} side={side} size={2 * side} label={`a ${d.label} read as ${d.predicted}`} />
            <span aria-hidden="true" data-export="text">
              {d.label}→{d.predicted}
            </span>
          </li>
        ))}
      </ul>
    </ExportFrame>
  );
}
