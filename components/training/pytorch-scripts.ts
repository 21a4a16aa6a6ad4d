import { trainingScript, type TrainConfig } from '../../lib/ml/training';
import type { ScriptSource } from '../widget-kit/CopyPyTorch';

/** Runs A and B of a training widget as "Copy as PyTorch" sources: scripts that train as the widget does (`steps` updates, evaluated every `evalEvery`). */
export function trainingScriptSources(widget: string, configs: readonly [TrainConfig, TrainConfig], steps: number, evalEvery: number): ScriptSource[] {
  return (['A', 'B'] as const).map((run, i) => ({
    label: `run ${run}`,
    script: () => trainingScript(configs[i] as TrainConfig, { title: `${widget}, run ${run}`, steps, evalEvery }),
  }));
}
