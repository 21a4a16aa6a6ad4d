import { useState } from 'preact/hooks';
import { formatDecimals } from '../../lib/common';
import { gridTable } from '../charts/chart-table';
import { ExportFrame } from '../charts/ExportFrame';

interface Props {
  /** One output channel, H_out × W_out, row-major. */
  values: ArrayLike<number> | undefined;
  height: number;
  width: number;
  filter: number;
}

/** The selected feature map as a table of numbers, folded away until asked for (a text equivalent of the colours). */
export function OutputTable({ values, height, width, filter }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <details class="output-table" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>
        Feature map of filter {filter} as numbers ({height} × {width})
      </summary>
      {open && values && (
        <ExportFrame name={`Output values filter ${filter}`} title={`Output values, filter ${filter}`} exportData={() => gridTable(values, height, width, 0)}>
          <div class="output-table__scroll" role="region" aria-label={`Values of filter ${filter}`} tabIndex={0}>
            <table>
              <caption class="visually-hidden">Output of filter {filter}: rows 0 to {height - 1}, columns 0 to {width - 1}</caption>
              <thead>
                <tr>
                  <td />
                  {Array.from({ length: width }, (_, j) => (
                    <th key={j} scope="col">
                      {j}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {Array.from({ length: height }, (_, i) => (
                  <tr key={i}>
                    <th scope="row">{i}</th>
                    {Array.from({ length: width }, (_, j) => (
                      <td key={j}>{formatDecimals(values[i * width + j] ?? NaN)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </ExportFrame>
      )}
    </details>
  );
}
