/** Where one run's outputs go: in order, printed text merged into few messages, and bounded by LIMITS. */
import { clip, LIMITS, type DisplayItem, type ErrorOutput, type Output } from './outputs';

/** Within this window (milliseconds) only the first few prints go out at once; the rest are merged. */
const WINDOW = 50;
/** Prints sent at once per window: a line printed just before a hang still shows, a flood is merged. */
const IMMEDIATE_PER_WINDOW = 10;

/**
 * Collects a run's outputs and hands them to `emit` in the order they happened. The first 10
 * prints of every 50 ms go out at once; beyond that, consecutive prints to one stream are merged
 * and sent with the next print after the 50 ms (or when anything else is output, or at the end).
 * Past LIMITS, output is dropped with one notice saying so.
 */
export class OutputSink {
  readonly #emit: (output: Output) => void;
  readonly #now: () => number;
  #pending: { name: 'stdout' | 'stderr'; text: string } | null = null;
  #windowStart: number;
  #sentInWindow = 0;
  #streamChars = 0;
  #displays = 0;
  #finished = false;

  constructor(emit: (output: Output) => void, now: () => number = Date.now) {
    this.#emit = emit;
    this.#now = now;
    this.#windowStart = now();
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
    } else {
      const now = this.#now();
      if (now - this.#windowStart >= WINDOW) {
        this.#windowStart = now;
        this.#sentInWindow = 0;
      }
      if (this.#finished || this.#sentInWindow < IMMEDIATE_PER_WINDOW) this.flush();
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
    if (!this.#pending) return;
    this.#sentInWindow += 1;
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
