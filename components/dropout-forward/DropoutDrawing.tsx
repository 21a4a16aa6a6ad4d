import { scaleBand, scaleLinear } from 'd3-scale';
import type { ForwardRequest, ForwardResult } from '../../lib/course/dropout-forward';

interface Props {
  result: ForwardResult;
  request: ForwardRequest;
  width: number;
}

const BAR_ROW = 64;
const MASK_ROW = 24;
const LABEL = 18;
const GAP = 12;
/** Columns at least this wide carry their numbers. */
const WIDE_COLUMN = 26;
/** Room above the tallest bar of a row for its number. */
const HEADROOM = 13;

/**
 * Every unit as a column: its input h, the mask (dropped units crossed out), this pass's output (h
 * as a dashed outline behind it, on the same scale, so the scaling up by 1/(1 − p) is seen as height)
 * and the mean over the passes (ticks at h, and at (1 − p)·h without the scaling), on the h row's
 * scale. A summary for screen readers; the table under it has every number.
 */
export function DropoutDrawing({ result, request, width }: Props) {
  const { h, kept, factor, output, mean, limit } = result;
  const units = h.length;
  const x = scaleBand<number>()
    .domain(Array.from({ length: units }, (_, i) => i))
    .range([0, width])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const band = x.bandwidth();
  const wide = band >= WIDE_COLUMN;
  const scale = (...lists: ArrayLike<number>[]) =>
    scaleLinear()
      .domain([0, Math.max(1e-9, ...lists.flatMap((l) => Array.from(l)))])
      .range([0, BAR_ROW - HEADROOM]);
  const bar = scale(h, mean, limit);
  const outBar = scale(h, output);
  const rows = { h: LABEL, mask: LABEL * 2 + BAR_ROW + GAP, out: LABEL * 3 + BAR_ROW + MASK_ROW + GAP * 2, mean: LABEL * 4 + BAR_ROW * 2 + MASK_ROW + GAP * 3 };
  const height = rows.mean + BAR_ROW + (wide ? 4 : 18);
  const base = (row: number): number => row + BAR_ROW;
  const unscaledTraining = request.training && !request.scaled;
  const dropped = kept.filter((k) => !k).length;
  const label = request.training
    ? `Drawing of the ${units} units: h, the mask (${dropped} dropped), this pass's output and the mean over ${result.passes} passes. Every number is in the table below.`
    : `Drawing of the ${units} units in evaluation mode: nothing dropped, the output is h. Every number is in the table below.`;
  const cx = (i: number): number => (x(i) ?? 0) + band / 2;
  const value = (v: number): string => (v === 0 ? '0' : v.toFixed(v >= 10 ? 1 : 2));
  const maskText = (i: number): string => (!kept[i] ? '0' : factor[i] === 1 ? '×1' : `×${value(factor[i]!)}`);

  return (
    <svg class="dropfwd-drawing" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <text class="dropfwd-drawing__row" x={0} y={rows.h - 5}>
        h, the input
      </text>
      <text class="dropfwd-drawing__row" x={0} y={rows.mask - 5}>
        {request.training ? `mask: kept ×${request.scaled ? '1/(1 − p)' : '1'}, or dropped` : 'mask: none in model.eval()'}
      </text>
      <text class="dropfwd-drawing__row" x={0} y={rows.out - 5}>
        output of this pass (dashed: h)
      </text>
      <text class="dropfwd-drawing__row" x={0} y={rows.mean - 5}>
        {`mean of ${result.passes.toLocaleString('en')} pass${result.passes === 1 ? '' : 'es'} (tick: h${unscaledTraining ? ', dashed tick: (1 − p)·h' : ''})`}
      </text>
      {Array.from(h, (hi, i) => {
        const bx = x(i) ?? 0;
        const out = output[i]!;
        return (
          <g key={i} class={kept[i] ? 'dropfwd-unit' : 'dropfwd-unit dropfwd-unit--dropped'}>
            <rect class="dropfwd-drawing__h" x={bx} width={band} y={base(rows.h) - bar(hi)} height={bar(hi)} />
            {wide && (
              <text class="dropfwd-drawing__value" x={cx(i)} y={base(rows.h) - bar(hi) - 3}>
                {value(hi)}
              </text>
            )}
            <rect class="dropfwd-drawing__mask" x={bx} width={band} y={rows.mask} height={MASK_ROW} rx={3} />
            {kept[i] ? (
              wide && (
                <text class="dropfwd-drawing__factor" x={cx(i)} y={rows.mask + MASK_ROW / 2} dy="0.35em">
                  {maskText(i)}
                </text>
              )
            ) : (
              <path class="dropfwd-drawing__cross" d={`M${bx + 4},${rows.mask + 4}L${bx + band - 4},${rows.mask + MASK_ROW - 4}M${bx + band - 4},${rows.mask + 4}L${bx + 4},${rows.mask + MASK_ROW - 4}`} />
            )}
            <rect class="dropfwd-drawing__ghost" x={bx + 0.5} width={band - 1} y={base(rows.out) - outBar(hi)} height={outBar(hi)} />
            {out !== 0 && <rect class="dropfwd-drawing__out" x={bx} width={band} y={base(rows.out) - outBar(out)} height={outBar(out)} />}
            {(wide || out === 0) && (
              <text class="dropfwd-drawing__value" x={cx(i)} y={base(rows.out) - Math.max(outBar(out), outBar(hi)) - 3}>
                {value(out)}
              </text>
            )}
            <rect class="dropfwd-drawing__mean" x={bx} width={band} y={base(rows.mean) - bar(mean[i]!)} height={bar(mean[i]!)} />
            <line class="dropfwd-drawing__target" x1={bx - 2} x2={bx + band + 2} y1={base(rows.mean) - bar(hi)} y2={base(rows.mean) - bar(hi)} />
            {unscaledTraining && (
              <line class="dropfwd-drawing__limit" x1={bx - 2} x2={bx + band + 2} y1={base(rows.mean) - bar(limit[i]!)} y2={base(rows.mean) - bar(limit[i]!)} />
            )}
            {!wide && (
              <text class="dropfwd-drawing__index" x={cx(i)} y={height - 4}>
                {i + 1}
              </text>
            )}
          </g>
        );
      })}
      {[rows.h, rows.out, rows.mean].map((row) => (
        <line key={row} class="dropfwd-drawing__base" x1={0} x2={width} y1={base(row)} y2={base(row)} />
      ))}
    </svg>
  );
}
