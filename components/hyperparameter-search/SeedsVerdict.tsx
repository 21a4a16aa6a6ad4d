import { commissionRanking, METHODS, type Objective } from '../../lib/course/hyperparameter-search';
import { NumberField } from '../widget-kit/NumberField';
import { METHOD_STYLE } from './model';
import type { SeedsRace } from './useSeedsRace';

interface Props {
  race: SeedsRace;
  objective: Objective;
  budget: number;
  onSeeds(seeds: number): void;
}

const fixed = (v: number): string => v.toFixed(3);

function statusOf(race: SeedsRace, budget: number): string {
  const done = race.results.length;
  switch (race.phase) {
    case 'idle':
      return `Races every method ${race.seeds} times, with seeds 1 to ${race.seeds}, on a budget of ${budget} full trials.`;
    case 'running':
      return `Racing: ${done} of ${race.seeds} seeds done.`;
    case 'stopped':
      return `Stopped after ${done} of ${race.seeds} seeds.`;
    case 'done':
      return `All ${done} seeds raced.`;
  }
}

/** The verdict over seeds: every method raced for seeds 1 to N at the widget's objective and budget; medians, middle halves and whether the commission's ranking held. */
export function SeedsVerdict({ race, objective, budget, onSeeds }: Props) {
  const done = race.results.length;
  const ranking = race.rows.length > 0 ? commissionRanking(race.rows, done) : undefined;
  return (
    <section class="hps__seeds" aria-label="Race over seeds">
      <h3 class="hps__seeds-title">Race over seeds</h3>
      <div class="hps__controls">
        <NumberField label="Number of seeds" value={race.seeds} min={2} max={50} integer onChange={onSeeds} class="hps__seed" />
        <div class="hps__buttons">
          <button type="button" class="button" onClick={race.start} disabled={race.phase === 'running'}>
            Race seeds 1 to {race.seeds}
          </button>
          <button type="button" class="button button--quiet" onClick={race.stop} disabled={race.phase !== 'running'}>
            Stop
          </button>
        </div>
      </div>
      <p class="hps__status" role="status">
        {statusOf(race, budget)}
      </p>
      {race.error && (
        <p class="hps__error" role="alert">
          {race.error}
        </p>
      )}
      {race.rows.length > 0 && (
        <>
          <div class="hps__table-wrap">
            <table class="hps__table">
              <caption>
                Best {objective.valueName} within {budget} full trials, over {done} of seeds 1 to {race.seeds}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Method</th>
                  <th scope="col">Median</th>
                  <th scope="col">Middle half</th>
                </tr>
              </thead>
              <tbody>
                {race.rows.map((row) => (
                  <tr key={row.method}>
                    <th scope="row">
                      <span class="hps__swatch" style={{ background: METHOD_STYLE[row.method].color }} aria-hidden="true" />
                      {METHODS.find((m) => m.id === row.method)?.label}
                    </th>
                    <td>{fixed(row.median)}</td>
                    <td>
                      {fixed(row.lowerQuartile)}–{fixed(row.upperQuartile)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {ranking && (
            <p class="hps__ranking">
              {race.phase === 'done' ? '' : `So far (${done} of ${race.seeds} seeds): `}
              {ranking.sentence}
            </p>
          )}
        </>
      )}
    </section>
  );
}
