import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { formatShape, layerToPython, type EngineCheck, type LayerRow, type StackResult } from '../../lib/layer-stack';
import { engineCell } from './engine-text';
import { formatBytes, formatCount, formatShort } from './format';

interface Props {
  result: StackResult;
  /** The engine's check of this very stack, or null while it runs. */
  check: EngineCheck | null;
  openIndex: number | null;
  onToggle(index: number): void;
  /** The editor of the open layer, shown in the row under it. */
  editor: ComponentChildren;
  editorId: string;
}

const COLUMNS = 7;

/** The shape cell: the output, marked when it assumes an earlier error fixed, or a dash when unknown. */
function ShapeCell({ row }: { row: LayerRow }) {
  if (row.status === 'error') return <td class="layer-table__muted">—</td>;
  if (row.output === null) {
    return (
      <td class="layer-table__muted">
        — <span class="visually-hidden">unknown</span>
      </td>
    );
  }
  return (
    <td class={row.status === 'assumed' ? 'layer-table__assumed' : undefined}>
      {formatShape(row.output)}
      {row.status === 'assumed' && (
        <>
          <span aria-hidden="true">†</span>
          <span class="visually-hidden"> (if the error above is fixed)</span>
        </>
      )}
    </td>
  );
}

/** The table of the stack: one row per layer with its output, parameters, memory and the engine's verdict. */
export function LayerTable({ result, check, openIndex, onToggle, editor, editorId }: Props) {
  const anyAssumed = result.rows.some((r) => r.status === 'assumed');
  const firstError = result.firstError;
  const captionId = useId();
  return (
    <>
      <p class="layer-table__caption" id={captionId}>
        Layer by layer for a batch of N = {result.input[0]}: output shapes (N, C, H, W), parameters, and the memory of each output in float32 (4
        bytes a number). Select a layer to edit it.
      </p>
      <div class="layer-table__scroll" role="region" aria-label="Layer table (scrolls sideways on small screens)" tabIndex={0}>
        <table class="layer-table" aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col" class="layer-table__head-layer">
                Layer
              </th>
              <th scope="col">Output shape</th>
              <th scope="col" class="num">
                Weights
              </th>
              <th scope="col" class="num">
                Biases
              </th>
              <th scope="col" class="num">
                Output memory
              </th>
              <th scope="col" class="num">
                Mult-adds
              </th>
              <th scope="col">Engine</th>
            </tr>
          </thead>
          <tbody>
            <tr class="layer-table__input">
              <th scope="row" class="layer-table__layer">
                <span class="layer-table__index">0</span> Input
              </th>
              <td>{formatShape(result.input)}</td>
              <td class="num" />
              <td class="num" />
              <td class="num">{formatBytes(result.inputBytes)}</td>
              <td class="num" />
              <td />
            </tr>
            {result.rows.map((row) => {
              const open = openIndex === row.index;
              const verdict = check?.layers[row.index];
              const cell = verdict ? engineCell(verdict) : null;
              const hasDetails = row.error !== null || row.notes.length > 0;
              return [
                <tr key={`row-${row.index}`} class={`layer-table__row layer-table__row--${row.status}${open ? ' layer-table__row--open' : ''}`}>
                  <th scope="row" class="layer-table__layer">
                    <span class="layer-table__index">{row.index + 1}</span>{' '}
                    <button
                      type="button"
                      class="layer-table__toggle"
                      aria-expanded={open}
                      aria-controls={open ? editorId : undefined}
                      data-focus-key={`row-${row.index}`}
                      onClick={() => onToggle(row.index)}
                    >
                      {layerToPython(row.layer, '')}
                    </button>
                  </th>
                  <ShapeCell row={row} />
                  <td class="num">{row.params ? formatCount(row.params.weights) : '—'}</td>
                  <td class="num">{row.params ? formatCount(row.params.biases) : '—'}</td>
                  <td class="num">{row.outputBytes !== null && row.status !== 'error' ? formatBytes(row.outputBytes) : '—'}</td>
                  <td class="num">{row.multAdds !== null ? formatShort(row.multAdds) : ''}</td>
                  <td class={`layer-table__engine layer-table__engine--${cell?.tone ?? 'muted'}`}>
                    {cell ? cell.text : <span class="layer-table__pending">checking…</span>}
                  </td>
                </tr>,
                hasDetails && (
                  <tr key={`details-${row.index}`} class={`layer-table__details layer-table__details--${row.status}`}>
                    <td colSpan={COLUMNS}>
                      <div class="layer-table__sticky">
                      {row.error !== null && (
                        <p class="layer-table__error">
                          <strong>Error:</strong> {row.error}
                          {row.error.endsWith('.') ? '' : '.'}
                          {row.output !== null && <> Once fixed, it gives {formatShape(row.output)}.</>}
                        </p>
                      )}
                      {row.pytorchError !== null && (
                        <p class="layer-table__pytorch">
                          PyTorch says: <code>{row.pytorchError}</code>
                        </p>
                      )}
                      {row.notes.map((note) => (
                        <p key={note} class="layer-table__note">
                          {note}
                        </p>
                      ))}
                      </div>
                    </td>
                  </tr>
                ),
                open && (
                  <tr key={`editor-${row.index}`} class="layer-table__editor-row">
                    <td colSpan={COLUMNS}>{editor}</td>
                  </tr>
                ),
              ];
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" class="layer-table__layer">
                Total
              </th>
              <td />
              <td class="num">{formatCount(result.weights)}</td>
              <td class="num">{formatCount(result.biases)}</td>
              <td class="num">{formatBytes(result.outputBytes)}</td>
              <td class="num">{formatShort(result.multAdds)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      {anyAssumed && firstError !== null && (
        <p class="layer-table__legend">
          † Computed as if the error in layer {firstError + 1} were fixed: that layer still declares its output size, so the rest of the table can
          go on.
        </p>
      )}
    </>
  );
}
