/**
 * Every public op of lib/engine against PyTorch on generated cases (oracle/engine/ops.ts): float64
 * values and input gradients to 1e-10, float32 values to 1e-5, errors measured relative to
 * max(1, max |PyTorch's value|).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { OP_GROUPS } from './engine/ops';
import { describeCase, runOps, type OpOutcome } from './engine/run-ops';
import { Summary } from './summary';

const RUNS = [
  { dtype: 'float64', count: 40, tolerance: 1e-10, what: 'values and gradients' },
  { dtype: 'float32', count: 20, tolerance: 1e-5, what: 'values' },
] as const;

const summary = new Summary();

for (const { dtype, count, tolerance, what } of RUNS) {
  describe(`engine ops vs PyTorch, ${dtype} ${what} (bound ${tolerance})`, () => {
    const outcomes = new Map<string, OpOutcome>();

    beforeAll(async () => {
      const all = await runOps(OP_GROUPS.flatMap((g) => g.ops), dtype, count);
      for (const o of all) outcomes.set(o.def.name, o);
    });

    for (const { group, ops } of OP_GROUPS) {
      describe(group, () => {
        for (const def of ops) {
          it(def.name, () => {
            const outcome = outcomes.get(def.name)!;
            const bad = outcome.cases.filter((c) => c.problem !== undefined || !(c.difference.error <= tolerance));
            const worst = Math.max(...outcome.cases.map((c) => c.difference.error));
            const notes = [...new Set(outcome.cases.flatMap((c) => (c.note ? [c.note] : [])))];
            summary.add({ area: `engine ops, ${dtype} ${what}`, item: `${group}: ${def.name}`, cases: outcome.cases.length, worst, tolerance, failed: bad.length, notes });
            const sorted = [...bad].sort((a, b) => b.difference.error - a.difference.error);
            expect(sorted.slice(0, 3).map(describeCase), `${bad.length} of ${outcome.cases.length} cases differ from PyTorch`).toEqual([]);
          });
        }
      });
    }
  });
}
