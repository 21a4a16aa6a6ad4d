import { useCallback, useMemo } from 'preact/hooks';
import { describeGradientRatio } from '../../lib/ml/training';
import { Comparison, useComparisonLayout } from '../training/Comparison';
import { trainingScriptSources } from '../training/pytorch-scripts';
import { RunPanel } from '../training/RunPanel';
import { useRunPair } from '../training/useRunPair';
import type { TrainingRun } from '../training/useTrainingRun';
import type { TrainConfig } from '../../lib/ml/training';
import { EVAL_EVERY } from '../../lib/course/vanishing-gradients';
import { formatFixed } from '../../lib/common';
import { useOwnDataChoice } from '../own-data/useOwnDataChoice';
import { Select } from '../widget-kit/Select';
import { Slider } from '../widget-kit/Slider';
import { useUrlState } from '../widget-kit/useUrlState';
import { WidgetBoundary } from '../widget-kit/WidgetBoundary';
import {
  ACTIVATION_OPTIONS,
  BATCH_STOPS,
  DATASET_OPTIONS,
  GAIN_OPTIONS,
  INIT_OPTIONS,
  LR_STOPS,
  MAX_STEPS,
  OPTIMIZER_OPTIONS,
  PRESETS,
  runConfig,
  vanishingSchema,
  WIDTH_STOPS,
  type VanishingSettings,
} from './model';

const BOUNDARY = { boundaryResolution: 32, boundaryExtent: 1.6 };

/** The vanishing-gradients island: two deep MLPs trained side by side in two workers. */
export default function VanishingGradients() {
  return (
    <WidgetBoundary name="vanishing-gradients experiment">
      <Experiment />
    </WidgetBoundary>
  );
}

function Experiment() {
  const { values, update, reset, notices, dismissNotices } = useUrlState(vanishingSchema);
  const own = useOwnDataChoice('vanishing-gradients', values.dataset === 'own', () => update({ dataset: 'circles' }), { extent: BOUNDARY.boundaryExtent, fallbackName: 'two circles' });
  const ownTask = own.task;
  const config = useCallback((v: VanishingSettings, run: 'a' | 'b') => runConfig(v, run, ownTask), [ownTask]);
  const speed = Number(values.speed);
  const { ready, pick } = own;
  const pair = useRunPair(values, config, { maxSteps: MAX_STEPS, evalEvery: EVAL_EVERY, activationHistograms: true, ...BOUNDARY }, speed, ready);
  const { configA, configB, runA, runB } = pair;
  const layout = useComparisonLayout();
  const { panelWidth } = layout;

  // Each run's snapshot re-renders only its own panel.
  const panelA = useMemo(
    () => (
      <RunPanel label="Run A" config={configA} snapshot={runA.snapshot} error={runA.error} width={panelWidth} showClipping={false} showActivations {...BOUNDARY} {...pick}>
        <Select label="Activation (A)" value={values.a} options={ACTIVATION_OPTIONS} onChange={(v) => update({ a: v })} />
        <Select label="Initialisation (A)" value={values.ainit} options={INIT_OPTIONS} onChange={(v) => update({ ainit: v })} />
        {values.ainit === 'xavier' && <Select label="Xavier gain (A)" value={values.again} options={GAIN_OPTIONS} onChange={(v) => update({ again: v })} />}
      </RunPanel>
    ),
    [configA, runA.snapshot, runA.error, panelWidth, pick],
  );
  const panelB = useMemo(
    () => (
      <RunPanel label="Run B" config={configB} snapshot={runB.snapshot} error={runB.error} width={panelWidth} showClipping={false} showActivations {...BOUNDARY} {...pick}>
        <Select label="Activation (B)" value={values.b} options={ACTIVATION_OPTIONS} onChange={(v) => update({ b: v })} />
        <Select label="Initialisation (B)" value={values.binit} options={INIT_OPTIONS} onChange={(v) => update({ binit: v })} />
        {values.binit === 'xavier' && <Select label="Xavier gain (B)" value={values.bgain} options={GAIN_OPTIONS} onChange={(v) => update({ bgain: v })} />}
      </RunPanel>
    ),
    [configB, runB.snapshot, runB.error, panelWidth, pick],
  );

  return (
    <Comparison
      layout={layout}
      pair={pair}
      presets={PRESETS.map((p) => ({ label: p.label, select: () => update(p.settings) }))}
      presetsLabel="Experiments"
      speed={speed}
      onSpeed={(v) => update({ speed: String(v) as typeof values.speed })}
      onNewSeed={() => update({ seed: (values.seed % 999_999) + 1 })}
      settings={
        <>
          <Select label="Dataset" value={values.dataset} options={DATASET_OPTIONS} onChange={(v) => update({ dataset: v })} />
          <Slider label="Hidden layers" min={1} max={20} step={1} value={values.depth} onInput={(v) => update({ depth: v })} />
          <Slider label="Units per layer" stops={WIDTH_STOPS} value={values.width} onInput={(v) => update({ width: v })} />
          <Slider label="Learning rate" stops={LR_STOPS} value={values.lr} onInput={(v) => update({ lr: v })} />
          <Select label="Optimizer" value={values.opt} options={OPTIMIZER_OPTIONS} onChange={(v) => update({ opt: v })} />
          <Slider label="Batch size" stops={BATCH_STOPS} value={values.batch} format={(v) => (v >= 800 ? 'all 800' : String(v))} onInput={(v) => update({ batch: v })} />
        </>
      }
      data={own.panel}
      panels={[panelA, panelB]}
      summary={ready ? `${describeRun('A', runA, configA)} ${describeRun('B', runB, configB)}` : own.waiting}
      notices={[...notices, ...own.notices]}
      onDismissNotices={() => {
        dismissNotices();
        own.dismissNotices();
      }}
      onDefaultSettings={reset}
      {...(ready ? { scripts: trainingScriptSources('Vanishing gradients', [configA, configB], MAX_STEPS, EVAL_EVERY) } : {})}
    />
  );
}

/** "Xavier (Glorot), gain 5/3": an initialisation as the run's settings show it. */
function initLabel(config: TrainConfig): string {
  const init = INIT_OPTIONS.find((o) => o.value === config.init)?.label ?? config.init;
  if (config.init !== 'xavier') return init;
  const gain = GAIN_OPTIONS.find((o) => o.gain === (config.gain ?? 1))?.short ?? String(config.gain);
  return `${init}, gain ${gain}`;
}

/** One run in words: its setup, step, test accuracy and how layer 1's gradient compares with the output's. */
function describeRun(name: string, run: TrainingRun, config: TrainConfig): string {
  const s = run.snapshot;
  if (!s) return `Run ${name} is starting.`;
  const act = ACTIVATION_OPTIONS.find((o) => o.value === config.activation)?.label ?? config.activation;
  const evaluated = s.evaluation.step === s.step ? '' : ` (evaluated at step ${s.evaluation.step})`;
  return `Run ${name} (${act}, ${initLabel(config)} init) at step ${s.step}: test accuracy ${formatFixed(100 * s.evaluation.testAccuracy, 1)}%${evaluated}; ${describeGradientRatio(s.layers, s.gradient.layers)}.`;
}
