import type { ComponentChildren } from 'preact';
import { crosshairAfterKey, snapToSample } from './model';

interface Props {
  z: number;
  range: number;
  onChange(z: number): void;
  /** What a screen reader announces for the current position. */
  valueText: string;
  /** Plot margins in pixels, so the pointer maps onto the plotted z-range. */
  left: number;
  right: number;
  children: ComponentChildren;
}

/**
 * The plots as one keyboard- and pointer-driven slider for the crosshair: arrow keys step by
 * R/50, Shift or Page Up/Down by R/5, Home and End jump to the ends; a mouse hovering or a finger
 * dragging sideways moves it too (vertical drags still scroll the page). Every position is one of
 * the sample points, so the readout shows the engine's own numbers at exactly that z.
 */
export function CrosshairArea({ z, range, onChange, valueText, left, right, children }: Props) {
  const onKeyDown = (e: KeyboardEvent): void => {
    const next = crosshairAfterKey(z, range, e.key, e.shiftKey);
    if (next === undefined) return;
    e.preventDefault();
    onChange(next);
  };

  const onPointer = (e: PointerEvent): void => {
    if (e.pointerType !== 'mouse' && e.buttons === 0) return;
    const target = e.target instanceof Element ? e.target.closest('svg') : null;
    if (!target) return;
    const box = target.getBoundingClientRect();
    const fraction = (e.clientX - box.left - left) / (box.width - left - right);
    onChange(snapToSample(-range + 2 * range * Math.max(0, Math.min(1, fraction)), range));
  };

  return (
    <div
      class="crosshair-area"
      role="slider"
      tabIndex={0}
      aria-label="Crosshair position z (use the arrow keys)"
      aria-valuemin={-range}
      aria-valuemax={range}
      aria-valuenow={z}
      aria-valuetext={valueText}
      aria-orientation="horizontal"
      onKeyDown={onKeyDown}
      onPointerMove={onPointer}
      onPointerDown={onPointer}
    >
      {children}
    </div>
  );
}
