import { useCallback, useEffect, useRef } from 'preact/hooks';

/** Asks for a redraw: `publish` runs on an animation frame chosen by the clock. */
export type RequestDraw = (key: string, publish: () => void) => void;

/**
 * A shared pace for redrawing several live views (one per training run). Each view calls
 * `requestDraw(key, publish)` whenever it has something new; the clock runs one waiting `publish`
 * per tick, oldest key first, on an animation frame, a tick every `intervalMs`. With two runs and
 * the training widget's 50 ms ticks (DRAW_INTERVAL_MS) each run redraws about 10 times a second,
 * and never both in the same frame: each frame stays short enough that the page keeps responding
 * while training.
 */
export function useDrawClock(intervalMs: number): RequestDraw {
  const waiting = useRef(new Map<string, () => void>());
  const timer = useRef(0);
  const last = useRef(0);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const tick = useCallback((): void => {
    timer.current = 0;
    const next = waiting.current.entries().next();
    if (next.done) return;
    const [key, publish] = next.value;
    waiting.current.delete(key);
    requestAnimationFrame(() => {
      last.current = performance.now();
      publish();
      if (waiting.current.size > 0) schedule();
    });
  }, []);

  const schedule = useCallback((): void => {
    if (timer.current) return;
    timer.current = window.setTimeout(tick, Math.max(0, intervalMs - (performance.now() - last.current)));
  }, [intervalMs, tick]);

  return useCallback(
    (key, publish) => {
      // A key keeps its place in line; its newest publish replaces the older one.
      waiting.current.set(key, publish);
      schedule();
    },
    [schedule],
  );
}
