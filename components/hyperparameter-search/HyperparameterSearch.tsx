import { quantile } from '../../lib/common';
import { bestSoFar, bestWithin, costOf, MAX_BUDGET, METHODS, MIN_BUDGET, objectiveOf, SURFACE_SIDE, valueOf, type MethodId, type Objective, type Trial } from '../../lib/course/hyperparameter-search';
import type { ChartTable } from '../charts/chart-table';
import { LineChart, type Series } from '../charts/LineChart';
import { useElementWidth } from '../charts/useElementWidth';
import { Notices } from '../widget-kit/Notices';
import { NumberField } from '../widget-kit/NumberField';
import { Select } from '../widget-kit/Select';
import { Slider } from '../widget-kit/Slider';
import { Toolbar } from '../widget-kit/Toolbar';
import { useUrlState } from '../widget-kit/useUrlState';
import { WidgetBoundary } from '../widget-kit/WidgetBoundary';
import { describePoint, formatParam, METHOD_STYLE, OBJECTIVE_OPTIONS, raceViewSchema, trueSurface } from './model';
import { SeedsVerdict } from './SeedsVerdict';
import { SurfaceMap, type MapPoint } from './SurfaceMap';
import { useRace, type Race } from './useRace';
import { useSeedsRace } from './useSeedsRace';
import './hyperparameter-search.css';

/** The true surface as a table: one row per grid point, its two hyperparameters' values and the objective's value there. */
function surfaceTable(objective: Objective, surface: readonly number[]): ChartTable {
  const at = (k: number): [number, number] => [(k % SURFACE_SIDE) / (SURFACE_SIDE - 1), Math.floor(k / SURFACE_SIDE) / (SURFACE_SIDE - 1)];
  return {
    columns: [objective.params[0].name, objective.params[1].name, objective.valueName],
    rows: surface.map((v, k) => [valueOf(objective.params[0], at(k)[0]), valueOf(objective.params[1], at(k)[1]), v]),
  };
}

/** The race island: grid, random, Bayesian optimisation and successive halving on the same budget. */
export default function HyperparameterSearch() {
  return (
    <WidgetBoundary name="hyperparameter search race">
      <RaceView />
    </WidgetBoundary>
  );
}

const value = (v: number): string => (Number.isFinite(v) ? v.toFixed(4) : '—');
const best = (trials: readonly Trial[]): Trial | undefined => trials.reduce<Trial | undefined>((b, t) => (!b || t.value < b.value ? t : b), undefined);

function RaceView() {
  const { values, update, reset, notices, dismissNotices } = useUrlState(raceViewSchema);
  const { objective: objectiveId, budget, seed, seeds } = values;
  const objective = objectiveOf(objectiveId);
  const race = useRace({ objective: objectiveId, budget, seed });
  const seedsRace = useSeedsRace({ objective: objectiveId, budget }, seeds);
  const [chartRef, width] = useElementWidth<HTMLDivElement>(560);
  const trialsOf = (m: MethodId): readonly Trial[] => race.progress[m]?.trials ?? [];

  return (
    <div class="hps">
      <Notices notices={notices} onDismiss={dismissNotices} />
      <div class="hps__controls">
        <Select label="Objective" value={objectiveId} options={OBJECTIVE_OPTIONS} onChange={(v) => update({ objective: v })} />
        <Slider label="Budget (full trials)" min={MIN_BUDGET} max={MAX_BUDGET} step={1} value={budget} onInput={(v) => update({ budget: v })} />
        <NumberField label="Seed" value={seed} min={1} max={9999} integer onChange={(v) => update({ seed: v })} class="hps__seed" />
      </div>
      <div class="hps__buttons" role="group" aria-label="Race">
        <button type="button" class="button" onClick={race.play} disabled={race.phase === 'running'}>
          Play
        </button>
        <button type="button" class="button button--quiet" onClick={race.pause} disabled={race.phase !== 'running'}>
          Pause
        </button>
        <button type="button" class="button button--quiet" onClick={race.clear} disabled={race.phase === 'idle'}>
          Reset race
        </button>
      </div>
      <p class="hps__status" role="status">
        {statusText(race, objective, budget)}
      </p>
      {race.budgetNote && <p class="hps__note">{race.budgetNote}</p>}
      {race.error && (
        <p class="hps__error" role="alert">
          {race.error}
        </p>
      )}
      <ResultsTable objective={objective} trialsOf={trialsOf} />
      <div ref={chartRef} class="hps__chart">
        <LineChart
          title={`Best ${objective.valueName} so far`}
          series={METHODS.map((m): Series => {
            const curve = bestSoFar(trialsOf(m.id));
            return { key: m.id, label: m.label, x: curve.map((p) => p.cost), y: curve.map((p) => p.best), color: METHOD_STYLE[m.id].color };
          })}
          width={width}
          height={240}
          xDomain={[0, budget]}
          yScale="linear"
          xLabel="cost (full trials)"
          cursorX={Array.from({ length: budget }, (_, i) => i + 1)}
          describe={(c) => `After ${c} full trial${c === 1 ? '' : 's'}: ${METHODS.map((m) => `${m.label} ${value(bestWithin(trialsOf(m.id), c))}`).join(', ')}.`}
        />
      </div>
      <Maps objective={objective} race={race} trialsOf={trialsOf} />
      <SeedsVerdict race={seedsRace} objective={objective} budget={budget} onSeeds={(v) => update({ seeds: v })} />
      <Toolbar
        onReset={() => {
          reset();
          race.clear();
        }}
        resetLabel="Default settings"
      />
    </div>
  );
}

function statusText(race: Race, objective: Objective, budget: number): string {
  if (race.phase === 'idle') return `Press Play to race the four methods on a budget of ${budget} full trials each.`;
  const done = METHODS.map((m) => race.progress[m.id]?.trials ?? []);
  const spent = done.map((t) => costOf(t)).reduce((a, b) => a + b, 0);
  if (race.phase === 'done') {
    const winner = METHODS.map((m, i) => ({ m, b: best(done[i]!)?.value ?? Infinity })).sort((a, b) => a.b - b.b)[0]!;
    const times = race.progress.random?.trialMs ?? [];
    const median = times.length > 0 ? quantile(times, 0.5) : NaN;
    const speed = times.length > 0 ? ` A full trial took a median of ${median < 1 ? 'under 1' : median.toFixed(0)} ms here; the race ${(race.elapsedMs / 1000).toFixed(1)} s.` : '';
    return `Done. Lowest ${objective.valueName}: ${winner.m.label}, ${value(winner.b)}.${speed}`;
  }
  const word = race.phase === 'paused' ? 'Paused' : 'Running';
  return `${word}: ${spent.toFixed(1)} of ${4 * budget} full trials spent.`;
}

function ResultsTable({ objective, trialsOf }: { objective: Objective; trialsOf: (m: MethodId) => readonly Trial[] }) {
  return (
    <div class="hps__table-wrap">
      <table class="hps__table">
        <caption>Best so far, by method</caption>
        <thead>
          <tr>
            <th scope="col">Method</th>
            <th scope="col">Trials</th>
            <th scope="col">Cost</th>
            <th scope="col">Best {objective.valueName}</th>
            <th scope="col">Found at ({objective.params.map((p) => p.symbol).join(', ')})</th>
          </tr>
        </thead>
        <tbody>
          {METHODS.map((m) => {
            const trials = trialsOf(m.id);
            const b = best(trials);
            return (
              <tr key={m.id}>
                <th scope="row">
                  <span class="hps__swatch" style={{ background: METHOD_STYLE[m.id].color }} aria-hidden="true" />
                  {m.label}
                </th>
                <td>{trials.length}</td>
                <td>{costOf(trials).toFixed(1)}</td>
                <td>{b ? value(b.value) : '—'}</td>
                <td>{b ? describePoint(objective, b.x, 'symbol') + (b.fidelity < 1 ? ` (${Math.round(b.fidelity * 100)} % of a trial)` : '') : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Maps({ objective, race, trialsOf }: { objective: Objective; race: Race; trialsOf: (m: MethodId) => readonly Trial[] }) {
  const surface = trueSurface(objective.id);
  // The top tenth of the surface (diverging or barely trained runs) shares the palest colour, so the colours resolve the region worth finding.
  const range: [number, number] = [Math.min(...surface), quantile(surface, 0.9)];
  const ticks = (k: 0 | 1): string[] => [0, 0.5, 1].map((u) => formatParam(valueOf(objective.params[k], u)));
  const axes = { xTicks: ticks(0), yTicks: ticks(1), xLabel: objective.params[0].name, yLabel: objective.params[1].name };
  const points: MapPoint[] = METHODS.flatMap((m) => trialsOf(m.id).map((t) => ({ x: t.x, method: m.id, fidelity: t.fidelity })));
  const lowest = surface.indexOf(range[0]);
  const truth = describePoint(objective, [(lowest % SURFACE_SIDE) / (SURFACE_SIDE - 1), Math.floor(lowest / SURFACE_SIDE) / (SURFACE_SIDE - 1)]);
  const surrogate = race.progress.bayes?.surrogate;
  return (
    <div class="hps__maps">
      <figure class="hps__map">
        <SurfaceMap
          label={`The true ${objective.valueName} on a ${SURFACE_SIDE} by ${SURFACE_SIDE} grid, the stronger the colour the lower: from ${value(range[0])} at ${truth} to ${value(Math.max(...surface))}; with ${points.length} samples of the methods (listed in the table above).`}
          values={surface}
          side={SURFACE_SIDE}
          range={range}
          points={points}
          {...axes}
          exportAs={{ name: 'True surface', title: `True ${objective.valueName} over ${axes.xLabel} and ${axes.yLabel}`, exportData: () => surfaceTable(objective, surface) }}
        />
        <figcaption>
          True surface (the stronger the colour, the lower) and every trial:
          <span class="hps__legend">
            {METHODS.map((m) => (
              <span key={m.id} class={`hps__legend-key hps__legend-key--${METHOD_STYLE[m.id].mark}`} style={{ color: METHOD_STYLE[m.id].color }}>
                <span class="hps__legend-label">{m.label}</span>
              </span>
            ))}
          </span>
          Small marks are short trials.
        </figcaption>
      </figure>
      {surrogate && (
        <>
          <figure class="hps__map">
            <SurfaceMap
              label={`Bayesian optimisation's surrogate mean after ${surrogate.trials} trials, on the same colour scale as the true surface: from ${value(Math.min(...surrogate.mean))} to ${value(Math.max(...surrogate.mean))}.`}
              values={surrogate.mean}
              side={SURFACE_SIDE}
              range={range}
              points={trialsOf('bayes').slice(0, surrogate.trials).map((t) => ({ x: t.x, method: 'bayes', fidelity: 1 }))}
              {...axes}
            />
            <figcaption>Surrogate mean after {surrogate.trials} trials</figcaption>
          </figure>
          <figure class="hps__map">
            <SurfaceMap
              label={`The surrogate's standard deviation after ${surrogate.trials} trials, the stronger the colour the more certain: from ${value(Math.min(...surrogate.sd))} near the trials to ${value(Math.max(...surrogate.sd))} far from them.`}
              values={surrogate.sd}
              side={SURFACE_SIDE}
              range={[0, Math.max(...surrogate.sd, 1e-9)]}
              points={trialsOf('bayes').slice(0, surrogate.trials).map((t) => ({ x: t.x, method: 'bayes', fidelity: 1 }))}
              {...axes}
            />
            <figcaption>Surrogate uncertainty (standard deviation; the stronger the colour, the more certain)</figcaption>
          </figure>
        </>
      )}
    </div>
  );
}
