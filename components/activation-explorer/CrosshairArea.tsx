import type { ComponentChildren } from 'preact';

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
 * dragging sideways moves it too (vertical drags still scroll the page).
 */
export function CrosshairArea({ z, range, onChange, valueText, left, right, children }: Props) {
  const clamp = (v: number): number => Math.max(-range, Math.min(range, v));
  const fine = range / 50;
  const coarse = range / 5;
  const snap = (v: number): number => Number(clamp(v).toPrecision(6));

  const onKeyDown = (e: KeyboardEvent): void => {
    const step = e.shiftKey ? coarse : fine;
    let next: number | undefined;
    if (e.key === 'ArrowRight' || e.key === 'ArrowUp') next = z + step;
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') next = z - step;
    else if (e.key === 'PageUp') next = z + coarse;
    else if (e.key === 'PageDown') next = z - coarse;
    else if (e.key === 'Home') next = -range;
    else if (e.key === 'End') next = range;
    if (next === undefined) return;
    e.preventDefault();
    onChange(snap(next));
  };

  const onPointer = (e: PointerEvent): void => {
    if (e.pointerType !== 'mouse' && e.buttons === 0) return;
    const target = e.target instanceof Element ? e.target.closest('svg') : null;
    if (!target) return;
    const box = target.getBoundingClientRect();
    const fraction = (e.clientX - box.left - left) / (box.width - left - right);
    onChange(snap(-range + 2 * range * Math.max(0, Math.min(1, fraction))));
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
