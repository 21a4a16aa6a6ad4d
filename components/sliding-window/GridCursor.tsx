import type { ComponentChildren } from 'preact';
import { moveByKey, type Cell } from './grid-keys';

interface Props {
  /** Accessible name, e.g. "Output cell of filter 1 (arrow keys move the window)". */
  label: string;
  rows: number;
  cols: number;
  at: Cell;
  onMove(cell: Cell): void;
  /** What a screen reader announces for the current cell. */
  valueText: string;
  children: ComponentChildren;
}

/**
 * Makes a map a keyboard control for its selected cell: focus it and the arrow keys move the
 * cell (Shift: four at a time), Home/End go along the row, Page Up/Down to the top or bottom
 * row. It is announced as a slider whose value is the cell, in `valueText`.
 */
export function GridCursor({ label, rows, cols, at, onMove, valueText, children }: Props) {
  const onKeyDown = (e: KeyboardEvent): void => {
    const next = moveByKey(e.key, e.shiftKey, e.ctrlKey || e.metaKey, at, rows, cols);
    if (!next) return;
    e.preventDefault();
    if (next.row !== at.row || next.col !== at.col) onMove(next);
  };
  return (
    <div
      class="grid-cursor"
      role="slider"
      tabIndex={0}
      aria-label={label}
      aria-valuemin={1}
      aria-valuemax={rows * cols}
      aria-valuenow={at.row * cols + at.col + 1}
      aria-valuetext={valueText}
      onKeyDown={onKeyDown}
    >
      {children}
    </div>
  );
}
