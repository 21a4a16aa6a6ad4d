/**
 * nn layers against PyTorch's: Linear, Conv2d, RNN (every option) and Sequential stacks built
 * with the same arguments, the engine's parameters copied into PyTorch by name. Checks parameter
 * names and shapes (in order), outputs, and the gradients of inputs, h0 and every parameter, in
 * float64 to 1e-10.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../lib/engine';
import { askTorch, type ModuleResult } from './bridge';
import { MODULE_KINDS, runModuleCase, type ModuleCase } from './engine/modules';
import { seedOf } from './engine/run-ops';
import { Summary } from './summary';
import { difference, fromWire, valuesOf, worse, type Difference } from './tensors';

const TOLERANCE = 1e-10;
const COUNTS: Record<keyof typeof MODULE_KINDS, number> = { Linear: 25, Conv2d: 25, RNN: 80, Sequential: 20 };
const summary = new Summary();

interface Checked {
  readonly label: string;
  readonly names: string | null;
  readonly difference: Difference;
  readonly part: string;
}

function check(c: ModuleCase, run: ReturnType<typeof runModuleCase>, torch: ModuleResult): Checked {
  const ours = run.parameters.map(([name, p]) => `${name} [${p.shape.join(', ')}]`);
  const theirs = torch.parameters.map(([name, shape]) => `${name} [${shape.join(', ')}]`);
  const names = ours.join(', ') === theirs.join(', ') ? null : `engine: ${ours.join(', ')}; PyTorch: ${theirs.join(', ')}`;
  let worst: Difference = { error: 0, where: 'equal' };
  let part = 'output 0';
  const consider = (label: string, d: Difference): void => {
    if (d.error > worst.error) part = label;
    worst = worse(worst, d);
  };
  run.outputs.forEach((o, k) => consider(`output ${k}`, difference(valuesOf(o), fromWire(torch.outputs[k]!))));
  run.inputGrads.forEach((g, k) => {
    const t = torch.inputGrads[k];
    if (g && t) consider(`grad of input ${k}`, difference(valuesOf(g), fromWire(t)));
    else if (g || t) consider(`grad of input ${k}`, { error: Infinity, where: `${g ? 'only the engine' : 'only PyTorch'} has one` });
  });
  for (const [name, p] of run.parameters) {
    const t = torch.parameterGrads[name];
    if (p.grad && t) consider(`grad of ${name}`, difference(valuesOf(p.grad), fromWire(t)));
    else if (p.grad || t) consider(`grad of ${name}`, { error: Infinity, where: `${p.grad ? 'only the engine' : 'only PyTorch'} has one` });
  }
  return { label: c.label, names, difference: worst, part };
}

describe('nn layers vs PyTorch, float64 outputs and gradients', () => {
  const results = new Map<string, Checked[]>();

  beforeAll(async () => {
    const planned = Object.entries(MODULE_KINDS).flatMap(([kind, make]) => {
      const rng = new Rng(seedOf(`module ${kind}`));
      return Array.from({ length: COUNTS[kind as keyof typeof MODULE_KINDS] }, () => {
        const c = make(rng);
        return { kind, c, run: runModuleCase(c, rng) };
      });
    });
    const answers = await askTorch('modules', planned.map((p) => p.run.request));
    planned.forEach((p, k) => results.set(p.kind, [...(results.get(p.kind) ?? []), check(p.c, p.run, answers[k]!)]));
  });

  for (const kind of Object.keys(MODULE_KINDS)) {
    it(`nn.${kind}`, () => {
      const checked = results.get(kind)!;
      const bad = checked.filter((c) => c.names !== null || !(c.difference.error <= TOLERANCE));
      summary.add({
        area: 'nn layers, float64 outputs and gradients',
        item: `nn.${kind}`,
        cases: checked.length,
        worst: Math.max(...checked.map((c) => c.difference.error)),
        tolerance: TOLERANCE,
        failed: bad.length,
      });
      const lines = bad.slice(0, 3).map((c) => `${c.label}: ${c.names ?? `${c.part} differs by ${c.difference.error.toExponential(2)} (${c.difference.where})`}`);
      expect(lines, `${bad.length} of ${checked.length} cases differ from PyTorch`).toEqual([]);
    });
  }
});
