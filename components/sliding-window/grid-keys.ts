/** Keyboard moves of a cursor on a rows × cols grid (the highlighted output cell of a convolution or pooling). */

import type { Cell } from '../charts/PixelMap';

export type { Cell };

/**
 * The cell a key press moves to, or undefined for keys that do not move it. Arrows step one cell
 * (Shift: four); Home and End go to the start or end of the row, with Ctrl to the first or last
 * cell; Page Up and Page Down to the top or bottom row.
 */
export function moveByKey(key: string, shift: boolean, ctrl: boolean, at: Cell, rows: number, cols: number): Cell | undefined {
  const step = shift ? 4 : 1;
  const clamp = (row: number, col: number): Cell => ({ row: Math.max(0, Math.min(rows - 1, row)), col: Math.max(0, Math.min(cols - 1, col)) });
  switch (key) {
    case 'ArrowUp':
      return clamp(at.row - step, at.col);
    case 'ArrowDown':
      return clamp(at.row + step, at.col);
    case 'ArrowLeft':
      return clamp(at.row, at.col - step);
    case 'ArrowRight':
      return clamp(at.row, at.col + step);
    case 'Home':
      return clamp(ctrl ? 0 : at.row, 0);
    case 'End':
      return clamp(ctrl ? rows - 1 : at.row, cols - 1);
    case 'PageUp':
      return clamp(0, at.col);
    case 'PageDown':
      return clamp(rows - 1, at.col);
    default:
      return undefined;
  }
}

/** The cell clamped into a rows × cols grid (after the grid shrank). */
export function clampCell(at: Cell, rows: number, cols: number): Cell {
  return { row: Math.max(0, Math.min(rows - 1, at.row)), col: Math.max(0, Math.min(cols - 1, at.col)) };
}
