/**
 * Figures for the summary printed at the end of `npm run test:torch`: each test file records,
 * per area and item, how many cases it ran, the worst error against PyTorch and notes; the global
 * setup reads them all when the run ends and prints one table (setup/print-summary.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, inject } from 'vitest';
import './setup/context';

/** One line of the summary. */
export interface SummaryLine {
  /** The test area ("engine ops, float64", "CNN calculator"...). */
  readonly area: string;
  /** The op, layer, script or message within it. */
  readonly item: string;
  readonly cases: number;
  /** Worst error against PyTorch (see tensors.ts), when numbers were compared. */
  readonly worst?: number;
  /** The bound the test holds it to. */
  readonly tolerance?: number;
  /** Cases that disagreed with PyTorch. */
  readonly failed: number;
  /** Free text: which version a message matches, what differs. */
  readonly notes?: readonly string[];
}

let counter = 0;

/** Collects summary lines for one test file and writes them when the file's tests are done. */
export class Summary {
  readonly #lines: SummaryLine[] = [];

  /** Registers the afterAll that writes this file's lines. */
  constructor() {
    afterAll(() => {
      const file = join(inject('torchStatsDir'), `summary-${process.pid}-${counter++}-${Date.now()}.json`);
      writeFileSync(file, JSON.stringify(this.#lines));
    });
  }

  /** Adds a line. */
  add(line: SummaryLine): void {
    this.#lines.push(line);
  }
}
