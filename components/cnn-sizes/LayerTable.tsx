import type { ComponentChildren } from 'preact';
import { memo } from 'preact/compat';
import { useCallback, useId, useRef, useState } from 'preact/hooks';
import { formatShape, layerToPython, type EngineCheck, type EngineLayerCheck, type LayerRow, type StackResult } from '../../lib/ml/layer-stack';
import { engineCell } from './engine-text';
import { formatBytes, formatCount, formatShort } from './format';
import { useScrollCue } from './useScrollCue';

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
/** Rows drawn at first in a long table; the rest wait for a click (a stack holds up to MAX_LAYERS). */
const FIRST_ROWS = 40;

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

interface RowProps {
  row: LayerRow;
  verdict: EngineLayerCheck | undefined;
  open: boolean;
  editorId: string;
  onToggle(index: number): void;
}

/**
 * One layer's line, and its errors and notes under it. Memoised: a row is drawn again only when
 * its own data changes, so typing in a field or the engine check's progress does not redraw a
 * long table.
 */
const Row = memo(function Row({ row, verdict, open, editorId, onToggle }: RowProps) {
  const cell = verdict ? engineCell(verdict) : null;
  const hasDetails = row.error !== null || row.notes.length > 0;
  return (
    <>
      <tr class={`layer-table__row layer-table__row--${row.status}${open ? ' layer-table__row--open' : ''}`}>
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
        <td class={`layer-table__engine layer-table__engine--${cell?.tone ?? 'muted'}`}>{cell ? cell.text : <span class="layer-table__pending">checking…</span>}</td>
      </tr>
      {hasDetails && (
        <tr class={`layer-table__details layer-table__details--${row.status}`}>
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
                  PyTorch 1.13 says: <code>{row.pytorchError}</code>
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
      )}
    </>
  );
});

/** The table of the stack: one row per layer with its output, parameters, memory and the engine's verdict. */
export function LayerTable({ result, check, openIndex, onToggle, editor, editorId }: Props) {
  const anyAssumed = result.rows.some((r) => r.status === 'assumed');
  const firstError = result.firstError;
  const captionId = useId();
  const cueId = useId();
  const [showAll, setShowAll] = useState(false);
  const cue = useScrollCue<HTMLDivElement>();
  // A toggle that keeps its identity, so that the memoised rows are not redrawn for a new closure.
  const latestToggle = useRef(onToggle);
  latestToggle.current = onToggle;
  const toggle = useCallback((index: number) => latestToggle.current(index), []);
  // A long stack draws its first rows, the rest on request (or when the open layer is among them).
  const shownRows = showAll || result.rows.length <= FIRST_ROWS + 10 || (openIndex ?? 0) >= FIRST_ROWS ? result.rows : result.rows.slice(0, FIRST_ROWS);
  const hidden = result.rows.length - shownRows.length;
  return (
    <>
      <p class="layer-table__caption" id={captionId}>
        Layer by layer for a batch of N = {result.input[0]}: output shapes (N, C, H, W), parameters, and the memory of each output in float32 (4
        bytes a number). Select a layer to edit it.
      </p>
      <p class="layer-table__scroll-hint" id={cueId} hidden={!cue.overflows}>
        <span aria-hidden="true">⇆ </span>The table is wider than this screen: swipe it sideways, or focus it and use the arrow keys, to see every
        column.
      </p>
      <div class={`layer-table__frame${cue.more ? ` layer-table__frame--more-${cue.more}` : ''}`}>
      <div
        class="layer-table__scroll"
        role="region"
        aria-label="Layer table"
        aria-describedby={cue.overflows ? cueId : undefined}
        tabIndex={0}
        ref={cue.ref}
        onScroll={cue.update}
      >
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
            {shownRows.map((row) => [
              <Row key={`row-${row.index}`} row={row} verdict={check?.layers[row.index]} open={openIndex === row.index} editorId={editorId} onToggle={toggle} />,
              openIndex === row.index && (
                <tr key={`editor-${row.index}`} class="layer-table__editor-row">
                  <td colSpan={COLUMNS}>{editor}</td>
                </tr>
              ),
            ])}
            {hidden > 0 && (
              <tr class="layer-table__more">
                <td colSpan={COLUMNS}>
                  <div class="layer-table__sticky">
                    <button type="button" class="button button--quiet button--small" onClick={() => setShowAll(true)}>
                      Show the other {hidden} layers ({FIRST_ROWS + 1} to {result.rows.length})
                    </button>{' '}
                    The totals below count every layer.
                  </div>
                </td>
              </tr>
            )}
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
