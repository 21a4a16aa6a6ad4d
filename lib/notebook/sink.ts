/** Where one run's outputs go: in order, printed text merged into few messages, and bounded by LIMITS. */
import { clip, LIMITS, type DisplayItem, type ErrorOutput, type Output } from './outputs';

/** How often merged text is sent while a cell keeps printing (milliseconds). */
const FLUSH_EVERY = 50;

/**
 * Collects a run's outputs and hands them to `emit` in the order they happened. Consecutive
 * prints to the same stream are merged and sent at most every 50 ms (and when anything else is
 * output, and at the end). Past LIMITS, output is dropped with one notice saying so.
 */
export class OutputSink {
  readonly #emit: (output: Output) => void;
  readonly #now: () => number;
  #pending: { name: 'stdout' | 'stderr'; text: string } | null = null;
  #lastFlush: number;
  #streamChars = 0;
  #displays = 0;
  #finished = false;

  constructor(emit: (output: Output) => void, now: () => number = Date.now) {
    this.#emit = emit;
    this.#now = now;
    this.#lastFlush = now();
  }

  /** Appends printed text (one console call: a line) to stdout or stderr. */
  write(name: 'stdout' | 'stderr', line: string): void {
    const room = LIMITS.streamChars - this.#streamChars;
    if (room <= 0) return;
    let text = `${line}\n`;
    this.#streamChars += text.length;
    if (text.length >= room) text = text.slice(0, room);
    if (this.#pending && this.#pending.name === name) this.#pending.text += text;
    else {
      this.flush();
      this.#pending = { name, text };
    }
    if (this.#streamChars >= LIMITS.streamChars) {
      this.flush();
      this.#emit({ type: 'notice', text: `Printing stopped after ${LIMITS.streamChars.toLocaleString('en-US')} characters (the cell kept running). Print less, or show a summary with display() or plot().` });
    } else if (this.#finished || this.#now() - this.#lastFlush >= FLUSH_EVERY) {
      this.flush();
    }
  }

  /** Shows a display() or plot() item. */
  display(item: DisplayItem): void {
    this.#displays += 1;
    if (this.#displays > LIMITS.displays) {
      if (this.#displays === LIMITS.displays + 1) this.#send({ type: 'notice', text: `Only the first ${LIMITS.displays} displays and plots of a run are shown.` });
      return;
    }
    this.#send({ type: 'display', item });
  }

  /** The value of the cell's last expression, as text. */
  value(text: string): void {
    this.#send({ type: 'value', text: clip(text, LIMITS.textChars) });
  }

  /** The error that ended the run (or one thrown later by a timer the cell started). */
  error(error: ErrorOutput): void {
    this.#send({ ...error, message: clip(error.message, LIMITS.textChars), stack: error.stack.slice(0, LIMITS.stackFrames) });
  }

  /** Sends merged text now. */
  flush(): void {
    this.#lastFlush = this.#now();
    if (!this.#pending) return;
    const pending = this.#pending;
    this.#pending = null;
    this.#emit({ type: 'stream', name: pending.name, text: pending.text });
  }

  /** Ends the run: sends what is left; later output (from timers) is sent at once. */
  finish(): void {
    this.flush();
    this.#finished = true;
  }

  #send(output: Output): void {
    this.flush();
    this.#emit(output);
  }
}
