import { formatValue } from '../../lib/common';
import './charts.css';

interface Props {
  /** The value shown at full colour on each side. */
  max: number;
  /** What the colours stand for, e.g. "Output value". */
  label: string;
}

/**
 * The key of a diverging colour scale: −max in the negative colour, 0 in the background colour,
 * +max in the positive colour (the same CSS variables the maps are painted with).
 */
export function DivergingLegend({ max, label }: Props) {
  return (
    <div class="diverging-legend">
      <span class="diverging-legend__label">{label}</span>
      <span class="diverging-legend__bar" aria-hidden="true" />
      <span class="diverging-legend__ticks">
        <span>{formatValue(-max, 2)}</span>
        <span>0</span>
        <span>{formatValue(max, 2)}</span>
      </span>
    </div>
  );
}
