/** The engine check as a worker job: a real forward pass, layer by layer, compared with the calculator. */
import { checkStackWithEngine, type EngineCheck } from '../../ml/layer-stack';
import type { Layer, StackInput } from '../../ml/layer-stack';
import type { Job } from '../../runtime';

/** What the page asks the worker to check. */
export interface CheckRequest {
  readonly input: StackInput;
  readonly layers: readonly Layer[];
}

/** How far the check has got: layers done out of the total. */
export interface CheckProgress {
  readonly done: number;
  readonly total: number;
}

/** Runs checkStackWithEngine() and reports progress before each layer. */
export const engineCheckJob: Job<CheckRequest, CheckProgress, EngineCheck> = async ({ input, layers }, ctx) =>
  checkStackWithEngine(input, layers, {
    between: async (done) => {
      ctx.emit({ done, total: layers.length });
      await ctx.checkpoint();
    },
  });
