/** Prints the summary lines the torch test files left in the run's folder, grouped by area. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SummaryLine } from '../summary';
import type { TorchPython } from './find-python';

const pad = (text: string, width: number): string => text.padEnd(width);
const figure = (n: number | undefined): string => (n === undefined ? '' : n === 0 ? '0' : Number.isFinite(n) ? n.toExponential(1) : 'mismatch');

/** Reads every summary file in `dir` and prints one table per area. */
export function printSummary(dir: string, python: TorchPython): void {
  const lines: SummaryLine[] = readdirSync(dir)
    .filter((f) => f.startsWith('summary-'))
    .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as SummaryLine[]);
  if (lines.length === 0) return;
  const areas = [...new Set(lines.map((l) => l.area))].sort();
  const out: string[] = ['', `PyTorch oracle summary (torch ${python.version}, ${python.path})`];
  let total = 0;
  let failed = 0;
  for (const area of areas) {
    const rows = lines.filter((l) => l.area === area);
    const cases = rows.reduce((n, l) => n + l.cases, 0);
    const bad = rows.reduce((n, l) => n + l.failed, 0);
    total += cases;
    failed += bad;
    out.push('', `${area}: ${cases} cases${bad > 0 ? `, ${bad} disagree with PyTorch` : ''}`);
    const width = Math.max(...rows.map((l) => l.item.length), 4) + 2;
    for (const l of rows) {
      const error = l.worst === undefined ? '' : `worst ${figure(l.worst)}${l.tolerance === undefined ? '' : ` (bound ${figure(l.tolerance)})`}`;
      out.push(`  ${pad(l.item, width)}${pad(String(l.cases), 6)}${pad(error, 34)}${l.failed > 0 ? `${l.failed} FAIL` : ''}`.trimEnd());
      for (const note of l.notes ?? []) out.push(`      ${note}`);
    }
  }
  out.push('', `${total} cases in all, ${failed} disagree with PyTorch ${python.version}.`, '');
  console.log(out.join('\n'));
}
