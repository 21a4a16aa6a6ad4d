/**
 * Exports checked by Jupyter's own nbformat library (Debian's python3-nbformat: `apt-get install
 * python3-nbformat`): it validates them against nbformat.v4.5.schema.json and reads their cells.
 * Skipped where that library is missing. The outputs come from a real kernel run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CellData, NotebookDoc } from './document';
import { ipynbText } from './ipynb';
import { importIpynb } from './ipynb-import';
import { createKernel } from './kernel';
import { mergeStreams, type Output } from './outputs';
import { nodeRealm } from './realm.node';

const PYTHON = '/usr/bin/python3';
const hasNbformat = spawnSync(PYTHON, ['-c', 'import nbformat'], { stdio: 'ignore' }).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'nb-ipynb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs each code cell on one kernel, in order, as the page does, and keeps its outputs. */
async function runAll(sources: [type: 'code' | 'markdown', source: string][]): Promise<NotebookDoc> {
  const kernel = createKernel(nodeRealm());
  const cells: CellData[] = [];
  let count = 0;
  for (const [i, [type, source]] of sources.entries()) {
    const id = `cell-${i + 1}`;
    if (type === 'markdown') {
      cells.push({ type, id, source, metadata: {} });
      continue;
    }
    const outputs: Output[] = [];
    await kernel.run(source, ++count, (o) => outputs.push(o));
    cells.push({ type, id, source, outputs: mergeStreams(outputs), executionCount: count, metadata: {} });
  }
  return { cells, metadata: {} };
}

/** What Jupyter's nbformat makes of a file: validation, then each cell's type, id, source and output types. */
function readWithNbformat(text: string): { valid: string; cells: { type: string; id: string; source: string; outputs: string[] }[] } {
  const file = join(dir, 'export.ipynb');
  writeFileSync(file, text);
  const script = `
import json, sys, nbformat
nb = nbformat.read(sys.argv[1], as_version=4)
nbformat.validate(nb)  # raises ValidationError on any departure from the schema
print(json.dumps({"valid": nbformat.validator.isvalid(nb) and "yes", "version": [nb.nbformat, nb.nbformat_minor],
  "cells": [{"type": c.cell_type, "id": c.id, "source": c.source, "outputs": [o.output_type for o in c.get("outputs", [])]} for c in nb.cells]}))`;
  return JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' })) as ReturnType<typeof readWithNbformat>;
}

describe.skipIf(!hasNbformat)('exported .ipynb files, read by Jupyter’s nbformat (python3-nbformat)', () => {
  it('validate against nbformat 4.5 and read back as the same cells, sources and outputs', async () => {
    const doc = await runAll([
      ['markdown', '# Autograd\n\nThe gradient of $\\sum x^2$ is $2x$.'],
      ['code', "const x = tensor([1, 2, 3], { requiresGrad: true });\nx.pow(2).sum().backward();\nconsole.log('grad', x.grad!.toString());\nx.grad"],
      ['code', "display(tensor([[1, 2], [3, 4]]), { title: 'W' });\nplot([1, 4, 9], { title: 'squares' });\nconsole.error('a warning');"],
      ['code', 'const a = tensor([1, 2]);\na.matmul(tensor([[1, 2, 3]]));'],
      ['code', 'const broken = (1 + ;'],
    ]);
    const kinds = doc.cells.flatMap((c) => (c.type === 'code' ? c.outputs.map((o) => o.type) : []));
    expect(kinds).toEqual(['stream', 'value', 'display', 'display', 'stream', 'error', 'error']);
    const text = ipynbText(doc);
    const read = readWithNbformat(text);
    expect(read.valid).toBe('yes');
    expect(read.cells.map((c) => [c.type, c.id, c.source])).toEqual(doc.cells.map((c) => [c.type, c.id, c.source]));
    expect(read.cells.map((c) => c.outputs)).toEqual([[], ['stream', 'execute_result'], ['display_data', 'display_data', 'stream'], ['error'], ['error']]);
    // And back: what was exported imports as the same notebook.
    expect(importIpynb(text)).toEqual({ ok: true, doc, warnings: [] });
  });

  it('a notebook written by nbformat itself (a Python notebook with rich outputs) imports, its code kept as Python', () => {
    const file = join(dir, 'python.ipynb');
    const script = `
import sys, nbformat
from nbformat.v4 import new_notebook, new_code_cell, new_markdown_cell, new_output
nb = new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}, "language_info": {"name": "python"}})
nb.cells = [new_markdown_cell("# Python"), new_code_cell("import torch\\ntorch.ones(2)", execution_count=1, outputs=[
  new_output("stream", name="stdout", text="hi\\n"),
  new_output("execute_result", data={"text/plain": "tensor([1., 1.])"}, execution_count=1),
  new_output("display_data", data={"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"}),
  new_output("error", ename="NameError", evalue="name 'y' is not defined", traceback=["\\x1b[0;31mNameError\\x1b[0m: name 'y' is not defined"])])]
nbformat.validate(nb)
nbformat.write(nb, sys.argv[1])`;
    execFileSync(PYTHON, ['-c', script, file]);
    const result = importIpynb(readFileSync(file, 'utf8'));
    if (!result.ok) throw new Error(result.message);
    expect(result.doc.cells.map((c) => c.type)).toEqual(['markdown', 'code']);
    const cell = result.doc.cells[1]!;
    expect(cell).toMatchObject({ type: 'code', source: 'import torch\ntorch.ones(2)', language: 'python', executionCount: 1 });
    expect(cell.type === 'code' && cell.outputs).toEqual([
      { type: 'stream', name: 'stdout', text: 'hi\n' },
      { type: 'value', text: 'tensor([1., 1.])' },
      { type: 'display', item: { kind: 'text', text: '<Figure>' } },
      { type: 'error', name: 'NameError', message: "name 'y' is not defined", stack: [] },
    ]);
    expect(result.warnings[0]).toMatch(/^This notebook's code is Python \(kernel “Python 3”\): its 1 code cell is kept as text and not run/);
    // Exported again, it is still a valid notebook (nbformat 4.5, with ids).
    expect(readWithNbformat(ipynbText(result.doc)).valid).toBe('yes');
  });
});
