import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * The rendered width of an element, kept current with a ResizeObserver. Charts draw at this
 * width, so they fit a 375 px phone and a wide screen alike. `initial` is used until measured
 * (and on the server).
 */
export function useElementWidth<T extends HTMLElement>(initial: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(initial);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const measure = (): void => setWidth(Math.max(200, Math.floor(el.getBoundingClientRect().width)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}
