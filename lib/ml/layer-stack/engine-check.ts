/**
 * The second computation of every shape and count: a real forward pass through the engine,
 * compared row by row with the calculator.
 *
 * It runs one image (N = 1): every size but the batch is the same for any N, and a batch of one
 * keeps the check small. It goes layer by layer: each layer's module is built (its weights drawn),
 * its parameters counted from the module's real tensors, its forward pass run on the previous
 * layer's output, and then the module is dropped, so only one layer's weights are alive at a
 * time. Two limits keep a browser tab safe and the check short; what they skip is said, layer by
 * layer:
 *
 * - memory: a layer whose input, weights and output together exceed MAX_LIVE_NUMBERS (40 million
 *   numbers, 160 MB in float32) is not built. VGG16's first Linear layer (102.8 million weights,
 *   411 MB) is one;
 * - work: forward passes stop once WORK_BUDGET (1.5 billion multiply-adds, a few seconds in this
 *   engine) would be exceeded; the later layers are still built and their parameters counted.
 */
import { noGrad, randn, Rng, type Tensor } from '../../engine';
import { calculateStack, numel, type LayerRow, type ParamCount, type Shape } from './calculate';
import { engineModule, engineParameterCount } from './engine-layers';
import type { Layer, StackInput } from './schema';

/** Largest count of numbers (input + weights + output) one layer's check may hold: 160 MB in float32. */
export const MAX_LIVE_NUMBERS = 40_000_000;
/** Multiply-adds (and comparable elementwise work) one check may spend on forward passes. */
export const WORK_BUDGET = 1_500_000_000;

/**
 * How the engine's run of a layer compares with the calculator: `same` (shape and parameters
 * agree), `different` (they do not), `both-fail` (the calculator reports an error and the engine
 * throws), `engine-fails` / `engine-accepts` (only one of them fails), `skipped` (over a limit,
 * see `reason`), `not-run` (the calculator could not give this layer an input).
 */
export type Verdict = 'same' | 'different' | 'both-fail' | 'engine-fails' | 'engine-accepts' | 'skipped' | 'not-run';

/** The engine's result for one layer. */
export interface EngineLayerCheck {
  readonly index: number;
  readonly verdict: Verdict;
  /** The shape the forward pass produced (batch of one). */
  readonly engineShape: Shape | null;
  /** The parameters of the engine's module, counted from its tensors; null if it was not built. */
  readonly engineParams: ParamCount | null;
  /** The engine's error message, if it threw. */
  readonly engineError: string | null;
  /** Why the layer was skipped or not run. */
  readonly reason: string | null;
  /** Whether the forward pass ran (false when skipped for work; parameters may still be counted). */
  readonly ran: boolean;
}

/** The whole check. */
export interface EngineCheck {
  readonly layers: readonly EngineLayerCheck[];
  /** No layer disagrees (skipped and not-run layers do not count against). */
  readonly agrees: boolean;
  /** Multiply-adds spent. */
  readonly work: number;
}

/** Options: the seed of the weights and input, limits, and a hook run between layers. */
export interface CheckOptions {
  readonly seed?: number;
  readonly maxLiveNumbers?: number;
  readonly workBudget?: number;
  /** Awaited before each layer (a worker's checkpoint); receives how many layers are done. */
  readonly between?: (done: number) => Promise<void>;
}

/** The forward work of a layer, in multiply-adds or comparable elementwise operations. */
export function forwardWork(row: LayerRow): number {
  if (row.input === null) return 0;
  const out = row.output ?? row.input;
  if (row.multAdds !== null) return row.multAdds;
  const layer = row.layer;
  if (layer.type === 'MaxPool2d' || layer.type === 'AvgPool2d') return numel(out) * layer.args.kernel_size[0] * layer.args.kernel_size[1];
  return Math.max(numel(row.input), numel(out));
}

function sameShape(a: Shape | null, b: Shape | null): boolean {
  return a !== null && b !== null && a.length === b.length && a.every((n, i) => n === b[i]);
}

const formatMillions = (n: number): string => `${(n / 1e6).toFixed(1)} million`;

/** Runs the engine over the stack with N = 1 and compares each layer with the calculator. */
export async function checkStackWithEngine(input: StackInput, layers: readonly Layer[], options: CheckOptions = {}): Promise<EngineCheck> {
  const { seed = 1, maxLiveNumbers = MAX_LIVE_NUMBERS, workBudget = WORK_BUDGET, between } = options;
  const rng = new Rng(seed);
  const expected = calculateStack({ ...input, batch: 1 }, layers);
  const results: EngineLayerCheck[] = [];
  let x: Tensor | null = null;
  let work = 0;

  for (const row of expected.rows) {
    await between?.(row.index);
    const result = checkLayer(row);
    results.push(result.check);
    x = result.output;
  }
  return { layers: results, agrees: results.every((r) => !['different', 'engine-fails', 'engine-accepts'].includes(r.verdict)), work };

  function checkLayer(row: LayerRow): { check: EngineLayerCheck; output: Tensor | null } {
    const base = { index: row.index, engineShape: null, engineParams: null, engineError: null, reason: null, ran: false };
    if (row.input === null) {
      const reason = `After the error in layer ${(expected.firstError ?? 0) + 1}, this layer’s input is unknown.`;
      return { check: { ...base, verdict: 'not-run', reason }, output: null };
    }
    const params = row.params ? row.params.weights + row.params.biases : 0;
    const live = numel(row.input) + params + (row.output ? numel(row.output) : 0);
    if (live > maxLiveNumbers) {
      const reason = `Not built: its input, weights and output hold ${formatMillions(live)} numbers (${Math.round((live * 4) / 1e6)} MB), over the check’s limit of ${formatMillions(maxLiveNumbers)} (${Math.round((maxLiveNumbers * 4) / 1e6)} MB).`;
      return { check: { ...base, verdict: 'skipped', reason }, output: null };
    }

    let module;
    try {
      module = engineModule(row.layer, rng);
    } catch (error) {
      return { check: { ...base, ...compare(row, null, errorText(error)) }, output: null };
    }
    const engineParams = engineParameterCount(module);
    const cost = forwardWork(row);
    if (work + cost > workBudget) {
      const reason = `Forward pass skipped: it needs about ${formatMillions(cost)} multiply-adds and the check’s budget of ${formatMillions(workBudget)} ${work > 0 ? `has ${formatMillions(Math.max(0, workBudget - work))} left` : 'is smaller'}. Its parameters were counted.`;
      const paramsAgree = row.params !== null && engineParams.weights === row.params.weights && engineParams.biases === row.params.biases;
      return { check: { ...base, engineParams, verdict: paramsAgree ? 'skipped' : 'different', reason }, output: null };
    }
    work += cost;
    const inputTensor = x !== null && sameShape(x.shape, row.input) ? x : randn(row.input, rng);
    let y: Tensor | null = null;
    let engineError: string | null = null;
    try {
      y = noGrad(() => module.forward(inputTensor));
    } catch (error) {
      engineError = errorText(error);
    }
    const compared = compare(row, y?.shape ?? null, engineError);
    const paramsAgree = row.params === null || (engineParams.weights === row.params.weights && engineParams.biases === row.params.biases);
    const verdict = compared.verdict === 'same' && !paramsAgree ? 'different' : compared.verdict;
    return { check: { ...base, ...compared, verdict, engineParams, ran: true }, output: row.status === 'error' ? null : y };
  }
}

function compare(row: LayerRow, shape: Shape | null, engineError: string | null): Pick<EngineLayerCheck, 'verdict' | 'engineShape' | 'engineError'> & { reason?: string } {
  const failed = engineError !== null;
  if (row.status === 'error' && !failed && row.engineMisses !== null) {
    // A rule of PyTorch's the engine does not have (reflect padding's limit): nothing to compare.
    return { verdict: 'skipped', engineShape: shape, engineError, reason: `Not compared: ${row.engineMisses}; the unit tests check this rule against PyTorch itself.` };
  }
  if (row.status === 'error') return { verdict: failed ? 'both-fail' : 'engine-accepts', engineShape: shape, engineError };
  if (failed) return { verdict: 'engine-fails', engineShape: null, engineError };
  return { verdict: sameShape(shape, row.output) ? 'same' : 'different', engineShape: shape, engineError };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
