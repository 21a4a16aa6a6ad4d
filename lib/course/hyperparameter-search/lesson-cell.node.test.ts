/**
 * The lesson's code cell races the reader's strategy against the four methods through the lesson's
 * library (`search`): its printed medians are the ones verdict() computes, one race per budget.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../notebook/kernel';
import type { Output } from '../../notebook/outputs';
import { nodeRealm } from '../../notebook/realm.node';
import * as library from './cell-library';
import { METHODS, verdict } from './race';
import { randomSearch } from './simple-methods';
import { toyObjective } from './toy-objective';

const lesson = readFileSync(new URL('../../../lessons/hyperparameter-search.mdx', import.meta.url), 'utf8');
const cell = /<CodeCell id="race-your-strategy"([^>]*)>\s*```ts\n([\s\S]*?)\n```/.exec(lesson);
const code = cell?.[2] ?? '';
const BUDGETS = [4, 9, 16, 25];
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

/** The cell's printed lines. */
async function runCell(source: string): Promise<string[]> {
  const kernel = createKernel(nodeRealm());
  kernel.provide('search', library);
  const outputs: Output[] = [];
  const status = await kernel.run(source, 1, (o) => outputs.push(o));
  expect(status, JSON.stringify(outputs.filter((o) => o.type === 'error'))).toBe('ok');
  expect(outputs.some((o) => o.type === 'display' && o.item.kind === 'chart')).toBe(true);
  return outputs.flatMap((o) => (o.type === 'stream' ? o.text.split('\n') : []));
}

const row = (label: string, medians: readonly number[]): string => `${label.padEnd(20)} ${medians.map((m) => m.toFixed(3)).join(' ')}`;

describe('the race-your-strategy cell', () => {
  it('asks for the hyperparameter-search library', () => {
    expect(cell?.[1]).toContain('library="hyperparameter-search"');
  });

  it("prints each method's median best value as verdict() computes it, and the starter strategy's as random search's", async () => {
    const lines = await runCell(code);
    for (const method of METHODS) {
      const medians = BUDGETS.map((b) => verdict(toyObjective, b, SEEDS, [method])[0]!.median);
      expect(lines, method.label).toContain(row(method.label, medians));
    }
    const random = BUDGETS.map((b) => verdict(toyObjective, b, SEEDS, [randomSearch])[0]!.median);
    expect(lines).toContain(row('Mine', random));
  }, 240_000);

  it("races an edited strategy: nine trials along u at v = 0 give the exercise's median", async () => {
    const edited = code.replace('return { x: search.randomPoint(seed, history.length), fidelity: 1 };', 'return { x: [(history.length + 0.5) / budget, 0], fidelity: 1 };');
    expect(edited).not.toBe(code);
    const only = edited.replace(/const strategies = \[mine, [^\]]*\];/, 'const strategies = [mine];');
    expect(only).not.toBe(edited);
    const lines = await runCell(only);
    // Independent: f at the grid's points, by hand. Every seed draws the same points, so the median is the minimum.
    const f = (u: number, v: number): number => 1 - Math.exp(-((u - 0.62) ** 2) / (2 * 0.06 ** 2)) + 0.02 * v;
    const expected = BUDGETS.map((b) => Math.min(...Array.from({ length: b }, (_, i) => f((i + 0.5) / b, 0))));
    expect(lines).toContain(row('Mine', expected));
  });
});
