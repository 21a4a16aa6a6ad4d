import { useMemo } from 'preact/hooks';
import { EXPLODING_EVAL_EVERY as EVAL_EVERY } from '../../lib/course/exploding-gradients';
import { Comparison, useComparisonLayout } from '../training/Comparison';
import { trainingScriptSources } from '../training/pytorch-scripts';
import { RunPanel } from '../training/RunPanel';
import { useRunPair } from '../training/useRunPair';
import type { TrainingRun } from '../training/useTrainingRun';
import { Select } from '../widget-kit/Select';
import { Slider } from '../widget-kit/Slider';
import { useUrlState } from '../widget-kit/useUrlState';
import { WidgetBoundary } from '../widget-kit/WidgetBoundary';
import { describeRunState } from './summary';
import { CLIP_OPTIONS, explodingSchema, LR_STOPS, MODEL_OPTIONS, PRESETS, runConfig, SCALE_STOPS, SEQ_STOPS, THRESHOLD_STOPS } from './model';

const MAX_STEPS = 2000;

/** The exploding-gradients island: the same network trained without and with clipping, side by side. */
export default function ExplodingGradients() {
  return (
    <WidgetBoundary name="exploding-gradients experiment">
      <Experiment />
    </WidgetBoundary>
  );
}

function Experiment() {
  const { values, update, reset, notices, dismissNotices } = useUrlState(explodingSchema);
  const speed = Number(values.speed);
  const pair = useRunPair(values, runConfig, { maxSteps: MAX_STEPS, evalEvery: EVAL_EVERY, boundaryResolution: 0, boundaryExtent: 1 }, speed);
  const { configA, configB, runA, runB } = pair;
  const layout = useComparisonLayout();
  const { panelWidth } = layout;
  const clipLabel = CLIP_OPTIONS.find((o) => o.value === values.clip)?.label ?? values.clip;

  const panelA = useMemo(
    () => (
      <RunPanel label="Run A: no clipping" config={configA} snapshot={runA.snapshot} error={runA.error} width={panelWidth} showClipping boundaryResolution={0} boundaryExtent={1} />
    ),
    [configA, runA.snapshot, runA.error, panelWidth],
  );
  const panelB = useMemo(
    () => (
      <RunPanel label="Run B: clipping" config={configB} snapshot={runB.snapshot} error={runB.error} width={panelWidth} showClipping boundaryResolution={0} boundaryExtent={1}>
        <Select label="Clipping (B)" value={values.clip} options={CLIP_OPTIONS} onChange={(v) => update({ clip: v })} />
        <Slider label="Threshold" stops={THRESHOLD_STOPS} value={values.max} onInput={(v) => update({ max: v })} />
      </RunPanel>
    ),
    [configB, runB.snapshot, runB.error, panelWidth, values.clip, values.max],
  );

  return (
    <Comparison
      layout={layout}
      pair={pair}
      presets={PRESETS.map((p) => ({ label: p.label, select: () => update(p.settings) }))}
      presetsLabel="Setups"
      speed={speed}
      onSpeed={(v) => update({ speed: String(v) as typeof values.speed })}
      onNewSeed={() => update({ seed: (values.seed % 999_999) + 1 })}
      settings={
        <>
          <Select label="Model" value={values.model} options={MODEL_OPTIONS} onChange={(v) => update({ model: v })} />
          <Slider label="Learning rate" stops={LR_STOPS} value={values.lr} onInput={(v) => update({ lr: v })} />
          <Slider label="Initial weight scale" stops={SCALE_STOPS} value={values.scale} format={(v) => `× ${v}`} onInput={(v) => update({ scale: v })} />
          {values.model === 'mlp' ? (
            <Slider label="Hidden layers" min={1} max={12} step={1} value={values.depth} onInput={(v) => update({ depth: v })} />
          ) : (
            <Slider label="Sequence length L" stops={SEQ_STOPS} value={values.seqlen} onInput={(v) => update({ seqlen: v })} />
          )}
        </>
      }
      panels={[panelA, panelB]}
      summary={`${describeRun('Run A (no clipping)', runA)} ${describeRun(`Run B (${clipLabel}, threshold ${values.max})`, runB)}`}
      notices={notices}
      onDismissNotices={dismissNotices}
      onDefaultSettings={reset}
      scripts={trainingScriptSources('Exploding gradients', [configA, configB], MAX_STEPS, EVAL_EVERY)}
    />
  );
}

/** One run in words (see describeRunState), or that its worker is still starting. */
function describeRun(name: string, run: TrainingRun): string {
  const s = run.snapshot;
  if (!s) return `${name} is starting.`;
  return describeRunState(name, { step: s.step, trainLoss: s.evaluation.trainLoss, evaluatedAt: s.evaluation.step, normBefore: s.gradient.normBefore, ...(s.diverged ? { diverged: s.diverged } : {}) });
}
