import { useCallback, useMemo } from 'preact/hooks';
import { formatValue } from '../../lib/common';
import { BAD_START_STOPS, describeRace, RACE_DATA_OPTIONS, RACE_EVAL_EVERY, RACE_LR_STOPS, RACE_MAX_STEPS, raceConfig, raceSchema, type RaceRunState, type RaceSettings } from '../../lib/course/backpropagation';
import { OUTPUT_LAYER, type TrainSnapshot } from '../../lib/ml/training';
import { LineChart } from '../charts/LineChart';
import { niceCeil } from '../charts/nice';
import { Comparison, useComparisonLayout } from '../training/Comparison';
import { trainingScriptSources } from '../training/pytorch-scripts';
import { RunPanel } from '../training/RunPanel';
import { useRunPair } from '../training/useRunPair';
import { Select } from '../widget-kit/Select';
import { Slider } from '../widget-kit/Slider';
import { useOwnDataChoice } from '../own-data/useOwnDataChoice';
import { useUrlState } from '../widget-kit/useUrlState';
import { WidgetBoundary } from '../widget-kit/WidgetBoundary';

const BOUNDARY = { boundaryResolution: 32, boundaryExtent: 1.6 };

/** The loss race: one small network trained from the same bad start with cross-entropy (A) and squared error (B). */
export default function LossRace() {
  return (
    <WidgetBoundary name="loss race">
      <Race />
    </WidgetBoundary>
  );
}

/** What the summary needs from a run's snapshot. */
function runState(s: TrainSnapshot): RaceRunState {
  return {
    step: s.step,
    trainLoss: s.evaluation.trainLoss,
    trainAccuracy: s.evaluation.trainAccuracy,
    evaluatedAt: s.evaluation.step,
    outputGradient: s.gradient.layers[s.gradient.layers.length - 1] ?? NaN,
    ...(s.diverged ? { diverged: { step: s.diverged.step } } : {}),
  };
}

function Race() {
  const { values, update, reset, notices, dismissNotices } = useUrlState(raceSchema);
  const speed = Number(values.speed);
  const own = useOwnDataChoice('loss-race', values.data === 'own', () => update({ data: 'circles' }), { extent: BOUNDARY.boundaryExtent, fallbackName: 'two circles' });
  const ownTask = own.task;
  const config = useCallback((v: RaceSettings, run: 'a' | 'b') => raceConfig(v, run, ownTask), [ownTask]);
  const { pick, ready } = own;
  const pair = useRunPair(values, config, { maxSteps: RACE_MAX_STEPS, evalEvery: RACE_EVAL_EVERY, ...BOUNDARY }, speed, ready);
  const { configA, configB, runA, runB } = pair;
  const layout = useComparisonLayout();
  const { panelWidth } = layout;
  const a = runA.snapshot;
  const b = runB.snapshot;

  const panelA = useMemo(
    () => <RunPanel label="Run A: cross-entropy" config={configA} snapshot={a} error={runA.error} width={panelWidth} showClipping={false} {...BOUNDARY} {...pick} />,
    [configA, a, runA.error, panelWidth, pick],
  );
  const panelB = useMemo(
    () => <RunPanel label="Run B: squared error" config={configB} snapshot={b} error={runB.error} width={panelWidth} showClipping={false} {...BOUNDARY} {...pick} />,
    [configB, b, runB.error, panelWidth, pick],
  );

  const outputOf = (s: TrainSnapshot | undefined) => ({ x: s?.steps.steps ?? [], y: s?.steps.columns[OUTPUT_LAYER] ?? [] });
  const at = (s: TrainSnapshot | undefined, step: number): number => {
    const i = s ? Array.prototype.indexOf.call(s.steps.steps, step) : -1;
    return i >= 0 ? (s?.steps.columns[OUTPUT_LAYER]?.[i] ?? NaN) : NaN;
  };
  const chartWidth = layout.sideBySide ? 2 * panelWidth + 24 : panelWidth;

  return (
    <Comparison
      layout={layout}
      pair={pair}
      presets={[
        { label: 'Bad start (bias −8)', select: () => update({ bad: 8, lr: 0.3, seed: 1 }) },
        { label: 'No bad start (bias 0)', select: () => update({ bad: 0, lr: 0.3, seed: 1 }) },
        { label: 'Milder start (bias −4)', select: () => update({ bad: 4, lr: 0.3, seed: 1 }) },
      ]}
      presetsLabel="Setups"
      speed={speed}
      onSpeed={(v) => update({ speed: String(v) as typeof values.speed })}
      onNewSeed={() => update({ seed: (values.seed % 999_999) + 1 })}
      settings={
        <>
          <Select label="Dataset" value={values.data} options={RACE_DATA_OPTIONS} onChange={(v) => update({ data: v })} />
          <Slider label="Bad start: output bias" stops={BAD_START_STOPS} value={values.bad} format={(v) => (v === 0 ? '0' : `−${v}`)} onInput={(v) => update({ bad: v })} />
          <Slider label="Learning rate" stops={RACE_LR_STOPS} value={values.lr} onInput={(v) => update({ lr: v })} />
        </>
      }
      data={own.panel}
      panels={[panelA, panelB]}
      after={
        <LineChart
          title="Output layer's gradient norm, both runs"
          series={[
            { key: 'a', label: 'A: cross-entropy', ...outputOf(a), color: 'var(--chart-1)' },
            { key: 'b', label: 'B: squared error', ...outputOf(b), color: 'var(--chart-2)', dash: '6 3' },
          ]}
          width={chartWidth}
          height={170}
          xDomain={[0, niceCeil(Math.max(a?.step ?? 0, b?.step ?? 0))]}
          yScale="log"
          describe={(step) => `Step ${step}: output layer's gradient norm ${formatValue(at(a, step), 3)} under cross-entropy, ${formatValue(at(b, step), 3)} under squared error.`}
        />
      }
      summary={!ready ? own.waiting : a && b ? describeRace(runState(a), runState(b)) : 'The runs are starting.'}
      notices={[...notices, ...own.notices]}
      onDismissNotices={() => {
        dismissNotices();
        own.dismissNotices();
      }}
      onDefaultSettings={reset}
      {...(ready ? { scripts: trainingScriptSources('The loss race', [configA, configB], RACE_MAX_STEPS, RACE_EVAL_EVERY) } : {})}
    />
  );
}
