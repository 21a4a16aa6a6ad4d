import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { drawStroke, togglePixel, type Point } from '../../lib/course/dropout';
import { moveByKey, type Cell } from '../sliding-window/grid-keys';
import { paintOnPaper } from './paper';

interface Props {
  /** side × side ink on 0 … 1 (0 is paper). */
  ink: Float32Array;
  side: number;
  /** Size of one pad pixel in CSS pixels. */
  cell: number;
  onChange(ink: Float32Array): void;
}

/**
 * The drawing pad: a side × side grid drawn with a round pen by mouse, pen or finger (pointer
 * events; touch does not scroll the page while it draws), and by keyboard: the arrow keys move a
 * cursor (Shift: 4 pixels), Space or Enter toggles the pixel under it.
 */
export function DigitPad({ ink, side, cell, onChange }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useRef<Point | null>(null);
  const current = useRef(ink);
  current.current = ink;
  const [cursor, setCursor] = useState<Cell>({ row: Math.floor(side / 2), col: Math.floor(side / 2) });
  const [spoken, setSpoken] = useState('');
  const hint = useId();

  useEffect(() => paintOnPaper(canvas.current, ink, side), [ink, side]);

  const commit = (next: Float32Array): void => {
    current.current = next;
    onChange(next);
  };
  // Coalesced events have no currentTarget: the box comes from the event the browser dispatched.
  const boxOf = (e: PointerEvent): DOMRect => (e.currentTarget as HTMLElement).getBoundingClientRect();
  const pointAt = (box: DOMRect, e: PointerEvent): Point => ({ row: ((e.clientY - box.top) / box.height) * side, col: ((e.clientX - box.left) / box.width) * side });
  const onPointerDown = (e: PointerEvent): void => {
    if (e.button !== 0) return;
    e.preventDefault();
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    const p = pointAt(boxOf(e), e);
    last.current = p;
    commit(drawStroke(current.current, side, p, p));
  };
  const onPointerMove = (e: PointerEvent): void => {
    const from = last.current;
    if (!from) return;
    const box = boxOf(e);
    const events = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [];
    let next = current.current;
    let at = from;
    for (const event of events.length > 0 ? events : [e]) {
      const p = pointAt(box, event);
      next = drawStroke(next, side, at, p);
      at = p;
    }
    last.current = at;
    commit(next);
  };
  const onPointerEnd = (): void => {
    last.current = null;
  };
  const say = (at: Cell, grid: Float32Array): void => setSpoken(`Row ${at.row + 1}, column ${at.col + 1}: ${(grid[at.row * side + at.col] ?? 0) > 0.5 ? 'ink' : 'paper'}`);
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      const next = togglePixel(current.current, side, cursor.row, cursor.col);
      commit(next);
      say(cursor, next);
      return;
    }
    const moved = moveByKey(e.key, e.shiftKey, e.ctrlKey || e.metaKey, cursor, side, side);
    if (!moved) return;
    e.preventDefault();
    setCursor(moved);
    say(moved, current.current);
  };

  const size = side * cell;
  return (
    <div class="digit-pad">
      <div
        class="digit-pad__surface"
        role="application"
        aria-roledescription="drawing pad"
        aria-label={`Drawing pad, ${side} × ${side} pixels`}
        aria-describedby={hint}
        tabIndex={0}
        style={{ width: `${size}px`, height: `${size}px` }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerEnd}
        onPointerCancel={onPointerEnd}
        onKeyDown={onKeyDown}
      >
        <canvas ref={canvas} width={side} height={side} aria-hidden="true" />
        <span class="digit-pad__cursor" aria-hidden="true" style={{ left: `${cursor.col * cell}px`, top: `${cursor.row * cell}px`, width: `${cell}px`, height: `${cell}px` }} />
      </div>
      <p id={hint} class="digit-pad__hint">
        Draw with the mouse, a pen or a finger. By keyboard: focus the pad, move with the arrow keys (Shift: 4 pixels), and press Space to toggle a pixel.
      </p>
      <p class="visually-hidden" aria-live="polite">
        {spoken}
      </p>
    </div>
  );
}
