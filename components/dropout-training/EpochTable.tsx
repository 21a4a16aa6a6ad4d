import { formatFixed } from '../../lib/common';
import type { EpochRecord } from '../../lib/course/dropout';

interface Props {
  /** The run's name, for the table's caption. */
  label: string;
  history: readonly EpochRecord[];
  /** The epoch of lowest validation loss, marked in the table. */
  best: number | undefined;
}

/** Every epoch's numbers as a table: the charts' text alternative, folded away until opened. */
export function EpochTable({ label, history, best }: Props) {
  return (
    <details class="epoch-table">
      <summary>Every epoch as a table</summary>
      <div class="epoch-table__scroll" role="region" tabIndex={0} aria-label={`${label}: every epoch (scrolls)`}>
        <table>
          <caption>{label}: loss and accuracy after each epoch (epoch 0: before training)</caption>
          <thead>
            <tr>
              <th scope="col">epoch</th>
              <th scope="col">training loss</th>
              <th scope="col">validation loss</th>
              <th scope="col">training accuracy</th>
              <th scope="col">validation accuracy</th>
            </tr>
          </thead>
          <tbody>
            {history.map((r) => (
              <tr key={r.epoch} class={r.epoch === best ? 'epoch-table__best' : undefined}>
                <th scope="row">
                  {r.epoch}
                  {r.epoch === best ? ' (lowest validation loss)' : ''}
                </th>
                <td>{formatFixed(r.trainLoss, 3)}</td>
                <td>{formatFixed(r.validationLoss, 3)}</td>
                <td>{formatFixed(100 * r.trainAccuracy, 1)} %</td>
                <td>{formatFixed(100 * r.validationAccuracy, 1)} %</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
