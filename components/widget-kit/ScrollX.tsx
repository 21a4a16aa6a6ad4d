import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

interface Props {
  /** What the content is, for the region's name: "Values at the crosshair". */
  label: string;
  class?: string;
  children: ComponentChildren;
}

/**
 * A box that scrolls sideways when its content is wider than it, and then says so, as the lesson
 * text's formulas do (site/components/ScrollableRegions.astro): a shadow at each edge with more
 * beyond it (global.css, .scroll-x), and a tab stop and a name while, and only while, it overflows.
 */
export function ScrollX({ label, class: className, children }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const check = (): void => setOverflows(el.scrollWidth > el.clientWidth + 1);
    const observer = new ResizeObserver(check);
    observer.observe(el);
    for (const child of el.children) observer.observe(child);
    check();
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      class={className ? `scroll-x ${className}` : 'scroll-x'}
      role={overflows ? 'region' : undefined}
      tabIndex={overflows ? 0 : undefined}
      aria-label={overflows ? `${label} (scrolls sideways)` : undefined}
    >
      {children}
    </div>
  );
}
