import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { taskData } from '../../lib/ml/training';
import { describeDivergence, describeGradientRatio } from '../../lib/ml/training';
import type { TrainConfig } from '../../lib/ml/training';
import { LineChart, type Series } from '../charts/LineChart';
import { niceCeil } from '../charts/nice';
import { useTheme } from '../charts/theme-colors';
import { formatFixed, formatValue } from '../../lib/common';
import { ActivationHistograms } from '../charts/ActivationHistograms';
import { BoundaryMap } from '../charts/BoundaryMap';
import { LayerNorms, layerColor } from '../charts/LayerNorms';
import type { TrainSnapshot } from '../../lib/ml/training';

interface Props {
  /** "Run A", "Run B". */
  label: string;
  config: TrainConfig;
  snapshot: TrainSnapshot | undefined;
  error: string | undefined;
  /** Width available to the panel, in CSS pixels. */
  width: number;
  boundaryResolution: number;
  boundaryExtent: number;
  /** Show the global gradient norm before and after clipping (the exploding lesson). */
  showClipping: boolean;
  /** Show each hidden layer's activation histogram (the vanishing lesson). */
  showActivations?: boolean;
  /** The run's own settings (activation, init, clipping …). */
  children?: ComponentChildren;
  /** Clicks on the decision boundary add a point there (the reader's own data): its coordinates in the networks' units. */
  onPickPoint?(x: number, y: number): void;
}

const pct = (v: number): string => (Number.isFinite(v) ? `${formatFixed(100 * v, 1)}%` : '–');

/** Everything about one training run: its settings, status, boundary, gradient norms and loss. */
export function RunPanel({ label, config, snapshot, error, width, boundaryResolution, boundaryExtent, showClipping, showActivations = false, children, onPickPoint }: Props) {
  const data = useMemo(() => taskData(config.task, config.seed), [config.task, config.seed]);
  const theme = useTheme();
  const classification = config.task.kind === 'classification';
  const chartWidth = Math.max(240, width);
  const s = snapshot;
  const steps = s?.steps;
  const evals = s?.evaluations;
  const xMax = niceCeil(s?.step ?? 0);
  const valueAt = (cols: Record<string, Float32Array> | undefined, xs: Float64Array | undefined, name: string, step: number): number => {
    const i = xs ? xs.indexOf(step) : -1;
    return i >= 0 ? (cols?.[name]?.[i] ?? NaN) : NaN;
  };

  const layerSeries: Series[] = (s?.layers ?? []).map((name, i, all) => ({
    key: name,
    label: name,
    x: steps?.steps ?? [],
    y: steps?.columns[name] ?? [],
    color: layerColor(i, all.length),
  }));
  const lossSeries: Series[] = [
    { key: 'batch', label: 'minibatch', x: steps?.steps ?? [], y: steps?.columns.loss ?? [], color: 'var(--chart-6)', faint: true },
    { key: 'train', label: 'train', x: evals?.steps ?? [], y: evals?.columns.trainLoss ?? [], color: 'var(--chart-1)' },
    { key: 'test', label: 'test', x: evals?.steps ?? [], y: evals?.columns.testLoss ?? [], color: 'var(--chart-2)', dash: '6 3' },
  ];

  // Side by side the panel is a subgrid (training.css): four rows above the charts, three per chart.
  const rows = 4 + 3 * (showClipping ? 3 : 2);

  return (
    <section class="run" aria-label={label} style={{ '--run-rows': rows }}>
      <header class="run__head">
        <h3 class="run__label">{label}</h3>
        <div class="run__settings">{children}</div>
      </header>
      <p class="run__status" aria-live="off">
        <span>
          Step <strong data-testid="step">{s?.step ?? 0}</strong>
        </span>
        <span>
          Loss <strong data-testid="loss">{s ? formatValue(s.evaluation.trainLoss, 4) : '…'}</strong>
        </span>
        {classification && (
          <span>
            Test accuracy <strong>{s ? pct(s.evaluation.testAccuracy) : '…'}</strong>
          </span>
        )}
        {s && s.evaluation.inactiveUnits >= 0 && (
          <span>
            {config.activation === 'relu' ? 'Dead units' : 'Units with z ≤ 0 everywhere'} <strong>{s.evaluation.inactiveUnits}</strong> of {config.depth * config.width}
          </span>
        )}
        <span class="run__status-note">(full data, at step {s?.evaluation.step ?? 0})</span>
      </p>
      <div class={showClipping ? 'run__messages run__messages--reserved' : 'run__messages'}>
        {error && (
          <p class="run__alert" role="alert">
            The training worker failed: {error}. Press Reset to start it again.
          </p>
        )}
        {s?.status === 'diverged' && s.diverged && (
          <p class="run__alert" role="alert">
            {describeDivergence(s.diverged.step, s.diverged.loss, s.diverged.norm)} Lower the learning rate, shrink the initial weights or clip the gradients, then press Reset.
          </p>
        )}
        {s?.status === 'finished' && <p class="run__note">Finished: {s.step} steps. Press Reset to run again.</p>}
        {showClipping && !error && s?.status !== 'diverged' && s?.status !== 'finished' && (
          <p class="run__note">If the loss or a gradient becomes Infinity or NaN, this run stops and says at which step.</p>
        )}
      </div>

      <div class="run__grid">
        {classification && (
          <BoundaryMap
            boundary={s?.boundary}
            version={s?.boundaryVersion ?? -1}
            resolution={boundaryResolution}
            extent={boundaryExtent}
            train={data.train}
            test={data.test}
            size={Math.min(220, chartWidth)}
            step={s?.step ?? 0}
            testAccuracy={s?.evaluation.testAccuracy ?? NaN}
            {...(onPickPoint ? { onPick: onPickPoint } : {})}
          />
        )}
        <LayerNorms layers={s?.layers ?? []} norms={s?.gradient.layers ?? new Float64Array()} step={s?.gradient.step ?? 0} width={classification ? Math.max(220, chartWidth - 240) : chartWidth} theme={theme} />
        {showActivations && (
          <ActivationHistograms layers={s?.layers ?? []} histograms={s?.activations} width={Math.min(chartWidth, 460)} theme={theme} />
        )}
      </div>

      <LineChart
        title="Gradient norm per layer over steps"
        series={layerSeries}
        width={chartWidth}
        height={170}
        xDomain={[0, xMax]}
        yScale="log"
        hideLegend
        describe={(step) => {
          const norms = (s?.layers ?? []).map((name) => valueAt(steps?.columns, steps?.steps, name, step));
          return `Step ${step}: ${describeGradientRatio(s?.layers ?? [], norms)}.`;
        }}
      />
      {showClipping && (
        <LineChart
          title="Global gradient norm"
          series={[
            { key: 'before', label: 'before clipping', x: steps?.steps ?? [], y: steps?.columns.normBefore ?? [], color: 'var(--chart-2)' },
            { key: 'after', label: 'after clipping', x: steps?.steps ?? [], y: steps?.columns.normAfter ?? [], color: 'var(--chart-3)', dash: '6 3' },
          ]}
          width={chartWidth}
          height={150}
          xDomain={[0, xMax]}
          yScale="log"
          {...(config.clip.mode === 'norm' ? { reference: { y: config.clip.threshold, label: `max_norm ${config.clip.threshold}` } } : {})}
          describe={(step) =>
            `Step ${step}: norm ${formatValue(valueAt(steps?.columns, steps?.steps, 'normBefore', step), 3)} before clipping, ${formatValue(valueAt(steps?.columns, steps?.steps, 'normAfter', step), 3)} after.`
          }
        />
      )}
      <LineChart
        title="Loss"
        series={lossSeries}
        width={chartWidth}
        height={150}
        xDomain={[0, xMax]}
        yScale={classification ? 'linear' : 'log'}
        cursorX={evals?.steps ?? []}
        describe={(step) =>
          `Step ${step}: train loss ${formatValue(valueAt(evals?.columns, evals?.steps, 'trainLoss', step), 4)}, test loss ${formatValue(valueAt(evals?.columns, evals?.steps, 'testLoss', step), 4)}${
            classification ? `, test accuracy ${pct(valueAt(evals?.columns, evals?.steps, 'testAccuracy', step))}` : ''
          }.`
        }
      />
    </section>
  );
}
