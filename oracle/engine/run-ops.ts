/**
 * Runs drawn op cases through the engine and through PyTorch and measures the difference: the
 * output, and (float64) the input gradients of sum(out * w) for a random w of the output's shape.
 */
import { randn, Rng, Tensor, type DType } from '../../lib/engine';
import { askTorch, type OpRequest, type OpResult } from '../bridge';
import { difference, fromWire, toWire, toWireInput, valuesOf, worse, type Difference, type Values } from '../tensors';
import type { Draw, OpDef } from './ops';

/** How one case came out. */
export interface CaseOutcome {
  readonly draw: Draw;
  /** Worst of output and gradients. */
  readonly difference: Difference;
  /** Which of them was worst ("output", "grad of input 1"). */
  readonly part: string;
  /** Set when either side raised (the case fails). */
  readonly problem?: string;
  /** Set when PyTorch could not run its backward (only the output was compared). */
  readonly note?: string;
}

/** Every case of one op. */
export interface OpOutcome {
  readonly def: OpDef;
  readonly cases: readonly CaseOutcome[];
}

/** A stable seed per op and dtype, so that adding an op leaves the others' cases unchanged. */
export function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

interface EngineRun {
  readonly output?: Values;
  readonly grads?: readonly (Values | null)[];
  readonly weight?: Tensor;
  readonly error?: string;
  readonly inputs: readonly Tensor[];
}

function runEngine(def: OpDef, draw: Draw, dtype: DType, rng: Rng, withGrads: boolean): EngineRun {
  const inputs = draw.inputs.map((d) => new Tensor(dtype === 'float64' ? Float64Array.from(d.data) : Float32Array.from(d.data), d.shape, withGrads && d.grad));
  try {
    const out = def.engine(inputs, draw.params, dtype);
    if (!withGrads || def.valuesOnly || !out.requiresGrad) return { inputs, output: valuesOf(out) };
    const weight = randn(out.shape, rng, { dtype: out.dtype });
    out.mul(weight).sum().backward();
    return { inputs, output: valuesOf(out), weight, grads: inputs.map((x) => (x.grad ? valuesOf(x.grad) : null)) };
  } catch (e) {
    return { inputs, error: e instanceof Error ? e.message : String(e) };
  }
}

const zerosOf = (shape: readonly number[]): Values => ({ shape, data: new Float64Array(shape.reduce((a, b) => a * b, 1)) });

function compare(run: EngineRun, result: OpResult, draw: Draw): Omit<CaseOutcome, 'draw'> {
  if (run.error !== undefined) return { difference: { error: Infinity, where: '' }, part: 'engine', problem: `the engine raised: ${run.error}` };
  if (result.error) return { difference: { error: Infinity, where: '' }, part: 'torch', problem: `PyTorch raised ${result.error.type}: ${result.error.message}` };
  let worst = difference(run.output!, fromWire(result.output!));
  let part = 'output';
  if (result.gradSkipped !== undefined) return { difference: worst, part, note: `gradients not compared: ${result.gradSkipped} in PyTorch` };
  run.grads?.forEach((g, k) => {
    if (!draw.inputs[k]!.grad) return;
    const theirs = result.grads?.[k];
    const shape = draw.inputs[k]!.shape;
    const d = difference(g ?? zerosOf(shape), theirs ? fromWire(theirs) : zerosOf(shape));
    if (d.error > worst.error) part = `grad of input ${k}`;
    worst = worse(worst, d);
  });
  return { difference: worst, part };
}

/** Draws `count` cases of every op, runs them in the engine and in PyTorch (one request), and compares. */
export async function runOps(defs: readonly OpDef[], dtype: DType, count: number): Promise<OpOutcome[]> {
  const withGrads = dtype === 'float64';
  const planned = defs.map((def) => {
    const rng = new Rng(seedOf(`${def.name} ${dtype}`));
    return Array.from({ length: count }, () => {
      const draw = def.draw(rng);
      return { def, draw, run: runEngine(def, draw, dtype, rng, withGrads) };
    });
  });
  const requests: OpRequest[] = planned.flat().map(({ def, draw, run }) => ({
    dtype,
    torch: def.torch,
    params: draw.params,
    // The engine's inputs, so that float32 cases start from the same rounded numbers.
    inputs: run.inputs.map((x, k) => toWireInput(valuesOf(x), withGrads && draw.inputs[k]!.grad)),
    weight: run.weight ? toWire(valuesOf(run.weight)) : null,
  }));
  const results = await askTorch('ops', requests);
  let k = 0;
  return planned.map((cases) => ({
    def: cases[0]!.def,
    cases: cases.map(({ draw, run }) => ({ draw, ...compare(run, results[k++]!, draw) })),
  }));
}

/** One line on a case, for failure messages: params, input shapes, what differed. */
export function describeCase(c: CaseOutcome): string {
  const shapes = c.draw.inputs.map((i) => `[${i.shape.join(', ')}]`).join(', ');
  const what = c.problem ?? `${c.part} differs by ${c.difference.error.toExponential(2)} (${c.difference.where})`;
  return `inputs ${shapes || '(none)'}, params ${JSON.stringify(c.draw.params)}: ${what}`;
}
