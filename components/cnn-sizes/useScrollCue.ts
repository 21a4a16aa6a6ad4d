import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/** Whether a sideways-scrolling box hides content, and on which side there is more. */
export interface ScrollCue<T extends HTMLElement> {
  readonly ref: preact.RefObject<T>;
  /** The content is wider than the box. */
  readonly overflows: boolean;
  /** Which side hides content now: 'right', 'left', 'both', or null when none does. */
  readonly more: 'left' | 'right' | 'both' | null;
  /** Call on scroll. */
  update(): void;
}

/** Watches a scroll box (its size, and its content's) and says where it hides content, for a visible cue. */
export function useScrollCue<T extends HTMLElement>(): ScrollCue<T> {
  const ref = useRef<T>(null);
  const [state, setState] = useState<{ overflows: boolean; more: ScrollCue<T>['more'] }>({ overflows: false, more: null });
  const update = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const overflows = el.scrollWidth > el.clientWidth + 1;
    const left = el.scrollLeft > 1;
    const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
    const more = !overflows ? null : left && right ? 'both' : left ? 'left' : right ? 'right' : null;
    setState((s) => (s.overflows === overflows && s.more === more ? s : { overflows, more }));
  }, []);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(update);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    update();
    return () => observer.disconnect();
  }, [update]);
  return { ref, ...state, update };
}
