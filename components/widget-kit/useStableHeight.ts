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
  /** The animation frame that gives the room back after a hold, 0 when none is pending. */
  const release = useRef(0);
  /** The element's border box at its last layout (0 × 0 before the first). */
  const last = useRef({ width: -1, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(([entry]) => {
      const box = entry?.borderBoxSize?.[0];
      if (box) last.current = { width: box.inlineSize, height: box.blockSize };
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !hold || typeof ResizeObserver === 'undefined') return undefined;
    // This runs after the render's DOM changes but before the browser lays them out: `last` is
    // still the height from before them. min-height is a border-box height here (the site sets
    // box-sizing: border-box on everything).
    let { width, height: tallest } = last.current;
    if (tallest > 0) el.style.minHeight = `${tallest}px`;
    const observer = new ResizeObserver(([entry]) => {
      const box = entry?.borderBoxSize?.[0];
      if (!box) return;
      if (box.inlineSize !== width) {
        // A new width wraps the text anew: start again from its own height.
        width = box.inlineSize;
        tallest = 0;
        el.style.minHeight = '';
      }
      if (box.blockSize > tallest) {
        tallest = box.blockSize;
        el.style.minHeight = `${tallest}px`;
      }
    });
    observer.observe(el);
    cancelAnimationFrame(release.current);
    return () => {
      observer.disconnect();
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
  useLayoutEffect(() => () => cancelAnimationFrame(release.current), []);
  return ref;
}
