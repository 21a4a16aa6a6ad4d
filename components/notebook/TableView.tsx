import type { TableItem } from '../../lib/notebook';

/** A display() table as a real <table>: column headers, row headers, numbers right-aligned. */
export function TableView({ item }: { item: TableItem }) {
  const { rowLabels } = item;
  return (
    <figure class="nb-table">
      <div class="nb-table__scroll" tabIndex={0} role="region" aria-label={item.title ? `Table: ${item.title}` : 'Table'}>
        <table>
          {item.title && <caption>{item.title}</caption>}
          <thead>
            <tr>
              {rowLabels && (
                <th scope="col">
                  <span class="visually-hidden">Row</span>
                </th>
              )}
              {item.columns.map((c, i) => (
                <th key={i} scope="col" class={item.numeric[i] ? 'nb-num' : undefined}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {item.rows.map((row, r) => (
              <tr key={r}>
                {rowLabels && <th scope="row">{rowLabels[r]}</th>}
                {row.map((cell, c) => (
                  <td key={c} class={item.numeric[c] ? 'nb-num' : undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {item.note && <figcaption class="nb-note">{item.note}</figcaption>}
    </figure>
  );
}
