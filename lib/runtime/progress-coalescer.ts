/** The shortest gap between two progress deliveries: 1000/60 rounded up, so at most 60 a second. */
export const PROGRESS_INTERVAL_MS = 17;

/**
 * Keeps only the latest progress value and delivers it at most once per interval: at once when
 * the interval since the last delivery has passed, otherwise from a timer at its end. Checking
 * the clock on every push keeps the pace even when a busy job lets timers run late.
 */
export class ProgressCoalescer<E> {
  private pending: { value: E } | { make: () => E } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastDelivery = -Infinity;

  /** Creates a coalescer that calls `deliver` with the values it keeps. */
  constructor(
    private readonly deliver: (value: E) => void,
    private readonly intervalMs = PROGRESS_INTERVAL_MS,
  ) {}

  /** Records a value, replacing any not yet delivered; delivers now if the interval has passed. */
  push(value: E): void {
    this.record({ value });
  }

  /** Like push, but `make` builds the value only if and when it is delivered. */
  pushLazily(make: () => E): void {
    this.record({ make });
  }

  private record(pending: { value: E } | { make: () => E }): void {
    this.pending = pending;
    const wait = this.lastDelivery + this.intervalMs - performance.now();
    if (wait <= 0) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), wait);
  }

  /** Delivers the pending value now, if any: call before reporting the result. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const pending = this.pending;
    if (pending === undefined) return;
    this.pending = undefined;
    this.lastDelivery = performance.now();
    this.deliver('make' in pending ? pending.make() : pending.value);
  }

  /** Drops the pending value and stops the timer, delivering nothing more. */
  discard(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
  }
}
