import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * `value` as it was `frames` animation frames ago (at most): a widget that redraws several heavy
 * parts when new data arrives can spread them over successive frames, so that no one frame's
 * layout, paint and commit holds the main thread long. A value that changes again while one is
 * waiting is shown in its place when the wait ends (nothing is starved). `frames` 0: no delay.
 */
export function useFrameDelayed<T>(value: T, frames: number): T {
  const [shown, setShown] = useState(value);
  const latest = useRef(value);
  /** The pending animation frame's id, 0 when none waits. */
  const pending = useRef(0);
  latest.current = value;
  useEffect(() => () => cancelAnimationFrame(pending.current), []);
  useEffect(() => {
    // A wait already under way shows the latest value when it ends: starting another would postpone it.
    if (frames <= 0 || pending.current !== 0 || Object.is(value, shown)) return;
    let left = frames;
    const tick = (): void => {
      if (--left > 0) {
        pending.current = requestAnimationFrame(tick);
        return;
      }
      pending.current = 0;
      setShown(() => latest.current);
    };
    pending.current = requestAnimationFrame(tick);
  }, [value, frames]);
  return frames <= 0 ? value : shown;
}
