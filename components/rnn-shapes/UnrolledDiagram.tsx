import { scaleBand } from 'd3-scale';
import { line } from 'd3-shape';
import { useId, useRef, useState } from 'preact/hooks';
import {
  type Cell,
  columnsFor,
  describeCell,
  describeGroup,
  directionName,
  endsOf,
  type Group,
  type Highlight,
  hNSources,
  inGroup,
  isLit,
  moveCell,
  rowsOf,
  stateIndex,
  type Unrolled,
} from './unrolled';
import { directionSlice, outputAt } from '../../lib/course/rnn-shapes';
import { ChartExport } from '../charts/ChartExport';

interface Props {
  u: Unrolled;
  width: number;
}

/** Widths of the row labels, the h_0/h_n tags, and the least and most a column takes; narrower on a phone. */
const WIDE = { label: 70, tag: 54, minCell: 40, maxCell: 96 };
const NARROW = { label: 30, tag: 52, minCell: 34, maxCell: 96 };
const ROW_H = 32;
const CELL_H = 22;
const LAYER_GAP = 16;
const TOP = 34;
const BOTTOM = 34;

const GROUPS: { group: Group; label: string }[] = [
  { group: 'input', label: 'input' },
  { group: 'h0', label: 'h_0' },
  { group: 'output', label: 'output' },
  { group: 'hN', label: 'h_n' },
];

const cellKey = (c: Cell): string => `${c.k}-${c.d}-${c.t}`;
const sameHighlight = (a: Highlight | undefined, b: Highlight): boolean =>
  a !== undefined && a.kind === b.kind && (a.kind === 'group' ? b.kind === 'group' && a.group === b.group : b.kind === 'cell' && cellKey(a.cell) === cellKey(b.cell));

/**
 * The RNN unrolled in time, drawn with d3 scales and shapes: layers by time steps, each
 * direction on its own row, h_0 entering and h_n leaving at each row's ends. The cells that make
 * `output` and `h_n` are marked; hovering or focusing a cell lights it and what it reads, the
 * buttons light a whole tensor. Keyboard: Tab into the grid, arrow keys move, Home/End jump,
 * Enter pins the highlight. A sentence and a table say the same in text.
 */
export function UnrolledDiagram({ u, width }: Props) {
  const markerId = useId();
  const svgRef = useRef<SVGSVGElement>(null);
  const [hover, setHover] = useState<Highlight>();
  const [focus, setFocus] = useState<Highlight>();
  const [pinned, setPinned] = useState<Highlight>();
  const [active, setActive] = useState<Cell>();
  const highlight = hover ?? focus ?? pinned;

  const narrow = width < 480;
  const { label: LABEL_W, tag: TAG_W, minCell, maxCell } = narrow ? NARROW : WIDE;
  const columns = columnsFor(u.seqLen, Math.floor((width - LABEL_W - 2 * TAG_W) / minCell));
  const rows = rowsOf(u);
  // Columns no wider than maxCell: a short sequence stays compact instead of stretching across the page.
  const right = Math.min(width - TAG_W, LABEL_W + TAG_W + columns.length * maxCell);
  const x = scaleBand<number>()
    .domain(columns.map((_, i) => i))
    .range([LABEL_W + TAG_W, right])
    .paddingInner(0.3)
    .paddingOuter(0.1);
  const bw = x.bandwidth();
  const columnOf = (t: number): number => columns.findIndex((c) => c.kind === 'step' && c.t === t);
  const rowY = rows.map((_, i) => TOP + i * ROW_H + Math.floor(i / u.D) * LAYER_GAP);
  const height = (rowY[rowY.length - 1] ?? TOP) + ROW_H + BOTTOM;
  const cy = (i: number): number => (rowY[i] ?? 0) + ROW_H / 2;
  const link = line<[number, number]>();
  const current = active && columnOf(active.t) >= 0 && active.k < u.numLayers && active.d < u.D ? active : { ...(rows[0] ?? { k: 0, d: 0 }), t: 0 };

  const focusCell = (cell: Cell): void => {
    setActive(cell);
    svgRef.current?.querySelector<SVGGElement>(`[data-cell="${cellKey(cell)}"]`)?.focus();
  };
  const togglePin = (h: Highlight): void => setPinned((p) => (sameHighlight(p, h) ? undefined : h));
  const onCellKey = (cell: Cell, e: KeyboardEvent): void => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      togglePin({ kind: 'cell', cell });
      return;
    }
    const next = moveCell(u, cell, e.key, columns);
    if (!next) return;
    e.preventDefault();
    focusCell(next);
  };

  const description = highlight === undefined ? undefined : highlight.kind === 'group' ? describeGroup(u, highlight.group) : describeCell(u, highlight.cell);
  const groupLit = (g: Group): boolean => highlight?.kind === 'group' && highlight.group === g;

  return (
    <div class="rnn-diagram">
      <div class="rnn-diagram__legend" role="group" aria-label="Light up a tensor">
        {GROUPS.map(({ group, label }) => {
          const h: Highlight = { kind: 'group', group };
          return (
            <button
              key={group}
              type="button"
              class={`button button--quiet rnn-legend rnn-legend--${group}`}
              aria-pressed={sameHighlight(pinned, h)}
              onMouseEnter={() => setHover(h)}
              onMouseLeave={() => setHover(undefined)}
              onFocus={() => setFocus(h)}
              onBlur={() => setFocus(undefined)}
              onClick={() => togglePin(h)}
            >
              <span class="rnn-legend__swatch" aria-hidden="true" />
              <code>{label}</code>
            </button>
          );
        })}
      </div>
      {/* Outside the drawing, whose cells are its own keyboard stops: the picture as drawn, without the lit tensor's description. */}
      <div class="chart-export-row">
        <ChartExport
          target={svgRef}
          name="Unrolled RNN"
          title={`Unrolled RNN: ${u.numLayers} ${u.numLayers === 1 ? 'layer' : 'layers'}${u.D === 2 ? ', two directions' : ''}, ${u.seqLen} time steps`}
        />
      </div>
      <svg
        ref={svgRef}
        class="rnn-diagram__svg"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={`Unrolled RNN: ${rows.length} rows (${u.numLayers} ${u.numLayers === 1 ? 'layer' : 'layers'}${u.D === 2 ? ', two directions each' : ''}) by ${u.seqLen} time steps. Arrow keys move between cells.`}
      >
        <defs>
          <marker id={markerId} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L8,4 L0,8 z" class="rnn-arrowhead" />
          </marker>
        </defs>
        <g aria-hidden="true">
          <text class={`rnn-tag${groupLit('output') ? ' rnn-tag--lit' : ''}`} x={4} y={TOP - 12}>
            output
          </text>
          <text class={`rnn-tag${groupLit('input') ? ' rnn-tag--lit' : ''}`} x={4} y={height - 10}>
            input
          </text>
          {columns.map((c, i) => {
            const left = x(i) ?? 0;
            if (c.kind === 'gap') {
              return (
                <text key={`gap-${i}`} class="rnn-gap" x={left + bw / 2} y={TOP - 12} text-anchor="middle">
                  {`${c.from}…${c.to}`}
                </text>
              );
            }
            return (
              <g key={`io-${c.t}`}>
                <text class={`rnn-tag${groupLit('output') ? ' rnn-tag--lit' : ''}`} x={left + bw / 2} y={TOP - 12} text-anchor="middle">
                  {`[${c.t}]`}
                </text>
                <text class={`rnn-tag${groupLit('input') ? ' rnn-tag--lit' : ''}`} x={left + bw / 2} y={height - 10} text-anchor="middle">
                  {`[${c.t}]`}
                </text>
                <path class="rnn-link" d={link([[left + bw / 2, height - BOTTOM + 6], [left + bw / 2, cy(rows.length - 1) + CELL_H / 2 + 2]]) ?? ''} marker-end={`url(#${markerId})`} />
                <path class="rnn-link" d={link([[left + bw / 2, cy(0) - CELL_H / 2], [left + bw / 2, TOP - 6]]) ?? ''} marker-end={`url(#${markerId})`} />
                {rows.map((r, ri) =>
                  ri > 0 && r.k !== rows[ri - 1]?.k ? (
                    <path key={ri} class="rnn-link" d={link([[left + bw / 2, cy(ri) - CELL_H / 2], [left + bw / 2, cy(ri - 1) + CELL_H / 2 + 2]]) ?? ''} marker-end={`url(#${markerId})`} />
                  ) : null,
                )}
              </g>
            );
          })}
          {rows.map((r, ri) => {
            const y = cy(ri);
            const i = stateIndex(u, r.k, r.d);
            const { first } = endsOf(u, r.d);
            const startsLeft = first === 0;
            const h0x = startsLeft ? LABEL_W + 2 : right + 4;
            const hnx = startsLeft ? right + 4 : LABEL_W + 2;
            const arrows = columns.slice(0, -1).map((_, ci) => {
              const a = (x(ci) ?? 0) + bw;
              const b = x(ci + 1) ?? 0;
              return <path key={ci} class={columns[ci]?.kind === 'gap' || columns[ci + 1]?.kind === 'gap' ? 'rnn-link rnn-link--gap' : 'rnn-link'} d={link(startsLeft ? [[a, y], [b - 1, y]] : [[b, y], [a + 1, y]]) ?? ''} marker-end={`url(#${markerId})`} />;
            });
            const firstX = x(columnOf(first)) ?? 0;
            const lastX = x(columnOf(endsOf(u, r.d).last)) ?? 0;
            return (
              <g key={`row-${ri}`}>
                <text class="rnn-row-label" x={4} y={y} dy="0.32em">
                  {narrow ? `${r.k} ${r.d === 0 ? '→' : '←'}` : `layer ${r.k} ${r.d === 0 ? '→' : '←'}`}
                </text>
                {arrows}
                <text class={`rnn-tag${groupLit('h0') ? ' rnn-tag--lit' : ''}`} x={h0x} y={y} dy="0.32em">{`h_0[${i}]`}</text>
                <text class={`rnn-tag rnn-tag--hn${groupLit('hN') ? ' rnn-tag--lit' : ''}`} x={hnx} y={y} dy="0.32em">{`h_n[${i}]`}</text>
                <path class="rnn-link" d={link(startsLeft ? [[LABEL_W + TAG_W - 7, y], [firstX - 1, y]] : [[right + 2, y], [firstX + bw + 1, y]]) ?? ''} marker-end={`url(#${markerId})`} />
                <path class="rnn-link rnn-link--hn" d={link(startsLeft ? [[lastX + bw, y], [right + 2, y]] : [[lastX, y], [LABEL_W + TAG_W - 6, y]]) ?? ''} marker-end={`url(#${markerId})`} />
              </g>
            );
          })}
        </g>
        {rows.map((r, ri) =>
          columns.map((c, ci) => {
            if (c.kind === 'gap') return null;
            const cell: Cell = { k: r.k, d: r.d, t: c.t };
            const lit = isLit(u, cell, highlight);
            const output = inGroup(u, cell, 'output');
            const hN = inGroup(u, cell, 'hN');
            const left = x(ci) ?? 0;
            const classes = ['rnn-cell', output && 'rnn-cell--output', hN && 'rnn-cell--hn', lit === 'self' && 'rnn-cell--lit', lit === 'source' && 'rnn-cell--source']
              .filter(Boolean)
              .join(' ');
            const isCurrent = cellKey(cell) === cellKey(current);
            const pinnedHere = pinned?.kind === 'cell' && cellKey(pinned.cell) === cellKey(cell);
            return (
              <g
                key={cellKey(cell)}
                data-cell={cellKey(cell)}
                class={classes}
                role="button"
                tabindex={isCurrent ? 0 : -1}
                aria-pressed={pinnedHere}
                aria-label={`Layer ${r.k}${u.D === 2 ? ` ${directionName(r.d)}` : ''}, t = ${c.t}${output ? ', part of output' : ''}${hN ? `, is h_n[${stateIndex(u, r.k, r.d)}]` : ''}`}
                onMouseEnter={() => setHover({ kind: 'cell', cell })}
                onMouseLeave={() => setHover(undefined)}
                onFocus={() => {
                  setActive(cell);
                  setFocus({ kind: 'cell', cell });
                }}
                onBlur={() => setFocus(undefined)}
                onClick={() => togglePin({ kind: 'cell', cell })}
                onKeyDown={(e) => onCellKey(cell, e)}
              >
                <rect x={left} y={cy(ri) - CELL_H / 2} width={bw} height={CELL_H} rx={5} />
                <text x={left + bw / 2} y={cy(ri)} dy="0.32em" text-anchor="middle" aria-hidden="true">
                  h
                </text>
              </g>
            );
          }),
        )}
      </svg>
      <p class="rnn-diagram__describe" aria-live="polite">
        {description ?? 'Hover over or focus a cell (Tab into the diagram, then the arrow keys) to see what it computes; Enter keeps it lit. Steps are numbered from 0, as Python indexes input and output. The buttons light up a whole tensor.'}
      </p>
      <TextAlternative u={u} />
    </div>
  );
}

/** The diagram in words: where output's features and each entry of h_n come from. */
function TextAlternative({ u }: { u: Unrolled }) {
  const last = u.numLayers - 1;
  return (
    <div class="rnn-diagram__text">
      <p>
        <code>output</code> holds the last layer (layer {last}) at every step:{' '}
        {u.D === 1 ? (
          <>
            <code>{outputAt(u.layout, 't')}</code> is its state after step t.
          </>
        ) : (
          <>
            <code>{outputAt(u.layout, 't', directionSlice(false, u.hiddenSize, 2))}</code> is the forward direction after reading steps 0…t, and{' '}
            <code>{outputAt(u.layout, 't', directionSlice(true, u.hiddenSize, 2))}</code> the reverse direction after reading steps {u.seqLen - 1}…t.
          </>
        )}
      </p>
      <div>
        <table class="data-table rnn-hn-table">
          <caption>Where each entry of h_n comes from</caption>
          <thead>
            <tr>
              <th scope="col">Entry</th>
              <th scope="col">Layer</th>
              <th scope="col">Direction</th>
              <th scope="col">After step</th>
            </tr>
          </thead>
          <tbody>
            {hNSources(u).map((r) => (
              <tr key={r.index}>
                <th scope="row">
                  <code>{`h_n[${r.index}]`}</code>
                </th>
                <td>{r.k}</td>
                <td>{r.direction}</td>
                <td>t = {r.t}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
