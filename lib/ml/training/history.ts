/**
 * A record of values over training steps that never outgrows its capacity: when it is full it
 * keeps every other point and records half as often from then on, so a long run keeps its whole
 * shape in bounded memory (and bounded messages to the page).
 */
export class History {
  #stride = 1;
  #length = 0;
  readonly #steps: Float64Array;
  readonly #columns: Float64Array[];

  /** A history of `columns.length` named series, at most `capacity` points each. */
  constructor(
    readonly columns: readonly string[],
    readonly capacity = 500,
  ) {
    if (capacity < 2 || capacity % 2 !== 0) throw new RangeError(`History: expected an even capacity ≥ 2, got ${capacity}`);
    this.#steps = new Float64Array(capacity);
    this.#columns = columns.map(() => new Float64Array(capacity));
  }

  /** Records step and its values if the step falls on the current stride. Mutates. */
  push(step: number, values: ArrayLike<number>): void {
    if (values.length !== this.columns.length) {
      throw new RangeError(`History.push: expected ${this.columns.length} values, got ${values.length}`);
    }
    if (step % this.#stride !== 0) return;
    if (this.#length === this.capacity) this.#compact();
    if (step % this.#stride !== 0) return;
    this.#steps[this.#length] = step;
    this.#columns.forEach((column, j) => (column[this.#length] = values[j] ?? NaN));
    this.#length++;
  }

  /** The number of recorded points. */
  get length(): number {
    return this.#length;
  }

  /**
   * A copy of the recorded steps and series, safe to hand to another thread. The series are
   * rounded to float32 (7 significant digits, plenty for a chart) to halve what crosses threads.
   */
  snapshot(): HistorySnapshot {
    return {
      steps: this.#steps.slice(0, this.#length),
      columns: Object.fromEntries(this.columns.map((name, j) => [name, new Float32Array((this.#columns[j] as Float64Array).subarray(0, this.#length))])),
    };
  }

  #compact(): void {
    this.#stride *= 2;
    let kept = 0;
    for (let i = 0; i < this.#length; i++) {
      if ((this.#steps[i] ?? 0) % this.#stride !== 0) continue;
      this.#steps[kept] = this.#steps[i] ?? NaN;
      for (const column of this.#columns) column[kept] = column[i] ?? NaN;
      kept++;
    }
    this.#length = kept;
  }
}

/** Recorded steps and one array per series (float32), all of the same length. */
export interface HistorySnapshot {
  steps: Float64Array;
  columns: Record<string, Float32Array>;
}
