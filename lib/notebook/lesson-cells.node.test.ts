import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellIdProblem } from './cell-id';
import { cellLibraryProblem } from './library-names';
import { createKernel } from './kernel';
import type { Output } from './outputs';
import { nodeRealm } from './realm.node';

const LESSONS = new URL('../../lessons/', import.meta.url);
const lessons = readdirSync(LESSONS).filter((f) => f.endsWith('.mdx')).sort();

/** The code cells of a lesson, in page order: id, label, the library it asks for and the code of the ```ts fence inside. */
function cellsOf(file: string): { id: string; label: string; library: string | undefined; code: string }[] {
  const text = readFileSync(new URL(file, LESSONS), 'utf8');
  const cells = [...text.matchAll(/<CodeCell\b([^>]*)>\s*```ts\n([\s\S]*?)\n```\s*<\/CodeCell>/g)].map((m) => ({
    id: /\bid="([^"]*)"/.exec(m[1]!)?.[1] ?? '',
    label: /\blabel="([^"]*)"/.exec(m[1]!)?.[1] ?? '',
    library: /\blibrary="([^"]*)"/.exec(m[1]!)?.[1],
    code: m[2]!,
  }));
  // Every <CodeCell> was read (none written in a form the pattern above misses).
  expect(cells.length, file).toBe(text.match(/<CodeCell\b/g)?.length ?? 0);
  return cells;
}

describe("the lessons' code cells", () => {
  it.each(lessons)('%s has a cell, with ids that are valid and unique on the page', (file) => {
    const cells = cellsOf(file);
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) expect(cellIdProblem(cell.id), cell.id).toBeNull();
    for (const cell of cells) if (cell.library !== undefined) expect(cellLibraryProblem(cell.library), cell.id).toBeNull();
    expect(new Set(cells.map((c) => c.id)).size).toBe(cells.length);
    expect(new Set(cells.map((c) => c.label)).size).toBe(cells.length);
  });

  // A cell that asks for a lesson library is run by that lesson's own test, with the library
  // (lib/course/<library>/lesson-cell.node.test.ts): lib/notebook cannot import a lesson.
  it.each(lessons)('%s: its cells run in order in one kernel without an error, and the last shows something', async (file) => {
    const kernel = createKernel(nodeRealm());
    let count = 0;
    let outputs: Output[] = [];
    const cells = cellsOf(file).filter((c) => c.library === undefined);
    if (cells.length === 0) return;
    for (const cell of cells) {
      outputs = [];
      const status = await kernel.run(cell.code, ++count, (o) => outputs.push(o));
      expect({ cell: cell.id, status, error: outputs.find((o) => o.type === 'error') }).toEqual({ cell: cell.id, status: 'ok', error: undefined });
    }
    expect(outputs.length).toBeGreaterThan(0);
  });
});
