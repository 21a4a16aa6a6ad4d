/** The lesson's code cell races grid and random search as the widget does: its medians are the verdict's. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../notebook/kernel';
import type { Output } from '../../notebook/outputs';
import { nodeRealm } from '../../notebook/realm.node';
import { gridSearch, randomSearch } from './simple-methods';
import { toyObjective } from './objectives';
import { verdict } from './race';

const lesson = readFileSync(new URL('../../../lessons/hyperparameter-search.mdx', import.meta.url), 'utf8');
const code = /<CodeCell id="race-your-strategy"[^>]*>\s*```ts\n([\s\S]*?)\n```/.exec(lesson)?.[1] ?? '';

describe('the race-your-strategy cell', () => {
  it("prints grid and random search's medians as verdict() computes them, at budgets 4, 9, 16, 25 and 36", async () => {
    expect(code).toContain('const mine: Strategy');
    const outputs: Output[] = [];
    const status = await createKernel(nodeRealm()).run(code, 1, (o) => outputs.push(o));
    expect(status).toBe('ok');
    const printed = JSON.stringify(outputs);
    const budgets = [4, 9, 16, 25, 36];
    for (const [name, method] of [['grid', gridSearch], ['random', randomSearch]] as const) {
      const medians = budgets.map((b) => verdict(toyObjective, b, Array.from({ length: 20 }, (_, i) => i + 1), [method])[0]!.median.toFixed(3));
      expect(printed, name).toContain(`${name} ${medians.join(' ')}`);
    }
  });
});
