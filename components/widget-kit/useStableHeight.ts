import type { RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * Keeps an element from shrinking while `hold` is true: live text (a summary redrawn many times a
 * second while runs train) wraps to a line more or less as its figures change, and every change of
 * height moves the rest of the page, which the browser then lays out and paints again (on a long
 * lesson, a long task each time). The element still grows when its text needs more room; it gives
 * the room back when `hold` turns false or its width changes.
 */
export function useStableHeight<T extends HTMLElement>(hold: boolean): RefObject<T> {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !hold || typeof ResizeObserver === 'undefined') return undefined;
    let tallest = 0;
    let width = -1;
    const observer = new ResizeObserver(([entry]) => {
      const box = entry?.borderBoxSize?.[0];
      if (!box) return;
      if (box.inlineSize !== width) {
        // A new width wraps the text anew: start again from its own height.
        width = box.inlineSize;
        tallest = 0;
        el.style.minHeight = '';
      }
      // min-height is a border-box height here (the site sets box-sizing: border-box on everything).
      if (box.blockSize > tallest) {
        tallest = box.blockSize;
        el.style.minHeight = `${tallest}px`;
      }
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      el.style.minHeight = '';
    };
  }, [hold]);
  return ref;
}
