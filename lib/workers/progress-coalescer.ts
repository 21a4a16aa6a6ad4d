/** The shortest gap between two progress deliveries: 1000/60 rounded up, so at most 60 a second. */
export const PROGRESS_INTERVAL_MS = 17;

/**
 * Keeps only the latest progress value and delivers it at most once per interval: the first value
 * at once, later ones when the interval has passed. Uses only timers, so fake timers drive it.
 */
export class ProgressCoalescer<E> {
  private pending: { value: E } | undefined;
  private cooldown: ReturnType<typeof setTimeout> | undefined;

  /** Creates a coalescer that calls `deliver` with the values it keeps. */
  constructor(
    private readonly deliver: (value: E) => void,
    private readonly intervalMs = PROGRESS_INTERVAL_MS,
  ) {}

  /** Records a value, replacing any not yet delivered; delivers now if no interval is running. */
  push(value: E): void {
    this.pending = { value };
    if (this.cooldown === undefined) this.flush();
  }

  /** Delivers the pending value now, if any, and restarts the interval. */
  flush(): void {
    const pending = this.pending;
    if (pending === undefined) return;
    this.pending = undefined;
    clearTimeout(this.cooldown);
    this.cooldown = setTimeout(() => {
      this.cooldown = undefined;
      this.flush();
    }, this.intervalMs);
    this.deliver(pending.value);
  }

  /** Delivers the pending value, if any, and stops: call before reporting the result. */
  finish(): void {
    this.flush();
    this.discard();
  }

  /** Drops the pending value and stops the timer, delivering nothing more. */
  discard(): void {
    this.pending = undefined;
    clearTimeout(this.cooldown);
    this.cooldown = undefined;
  }
}
