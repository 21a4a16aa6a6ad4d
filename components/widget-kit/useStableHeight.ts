import type { RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * Animation frames between the end of a hold and giving the room back: more than the longest
 * delay a widget draws a part with after its data (the dropout widget's filters: 6 frames).
 */
const RELEASE_FRAMES = 10;

/**
 * Keeps an element from shrinking while `hold` is true: live text (a summary redrawn many times a
 * second while runs train, or cut short for the moment a run restarts) wraps to a line more or
 * less as its figures change, and every change of height moves the rest of the page, which the
 * browser then lays out and paints again (on a long lesson, a long task each time). A hold starts
 * from the height the element had before the render that started it, so text that shrinks in that
 * same render does not move the page either. The element still grows when its text needs more
 * room; it gives the room back a few frames after `hold` turns false, or when its width changes.
 * Pass `target` to hold an element another hook already has a ref to.
 */
export function useStableHeight<T extends HTMLElement>(hold: boolean, target?: RefObject<T>): RefObject<T> {
  const own = useRef<T>(null);
  const ref = target ?? own;
  /** The element's border box at its last layout (0 × 0 before the first). */
  const last = useRef({ width: -1, height: 0 });
  /** The hold under way: the width it holds at and the tallest height since it started; null when none. */
  const held = useRef<{ width: number; tallest: number } | null>(null);
  /** The animation frame that gives the room back after a hold, 0 when none is pending. */
  const release = useRef(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(([entry]) => {
      const box = entry?.borderBoxSize?.[0];
      if (!box) return;
      last.current = { width: box.inlineSize, height: box.blockSize };
      const hold = held.current;
      if (!hold) return;
      if (box.inlineSize !== hold.width) {
        // A new width wraps the text anew: start again from its own height.
        hold.width = box.inlineSize;
        hold.tallest = 0;
        el.style.minHeight = '';
      }
      // min-height is a border-box height here (the site sets box-sizing: border-box on everything).
      if (box.blockSize > hold.tallest) {
        hold.tallest = box.blockSize;
        el.style.minHeight = `${hold.tallest}px`;
      }
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(release.current);
    };
  }, []);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !hold) return undefined;
    // This runs after the render's DOM changes but before the browser lays them out: `last` is
    // still the box from before them.
    cancelAnimationFrame(release.current);
    held.current = { width: last.current.width, tallest: last.current.height };
    if (last.current.height > 0) el.style.minHeight = `${last.current.height}px`;
    return () => {
      held.current = null;
      // Parts drawn a few frames after their data (useFrameDelayed) may still be missing when the
      // hold ends: give the room back once they have had time to arrive.
      let frames = RELEASE_FRAMES;
      const tick = (): void => {
        if (--frames > 0) release.current = requestAnimationFrame(tick);
        else el.style.minHeight = '';
      };
      release.current = requestAnimationFrame(tick);
    };
  }, [hold]);
  return ref;
}
