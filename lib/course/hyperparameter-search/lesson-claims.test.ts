/**
 * Figures the hyperparameter-search lesson states (lessons/hyperparameter-search.mdx), read from its
 * text and recomputed: the toy verdict by racing every method here, the network's from the
 * precomputed trainings (real-data.ts, itself checked by real-data.test.ts) and by new trainings.
 */
import { describe, expect, it } from 'vitest';
import lesson from '../../../lessons/hyperparameter-search.mdx?raw';
import { figuresIn, writtenLike } from '../../common/lesson-figures';
import { firstRungSize } from './halving';
import { costOf } from './method';
import { REAL_CONFIG, REAL_PARAMS, REAL_STEPS, realObjective, toyObjective, TOY_OPTIMUM } from './objectives';
import { quantile } from '../../common';
import { bestWithin, METHODS, runRace, verdict } from './race';
import { REAL_BESTS, REAL_SURFACE } from './real-data';
import { gridSearch } from './simple-methods';
import { successiveHalving } from './halving';
import { valueOf } from './space';
import { REAL_VERDICT_SEEDS, SURFACE_SIDE } from './surface';

/** Expects the figures at the `{}` places of `template` to be `computed`, rounded as the lesson rounds them. */
function expectFigures(template: string, ...computed: number[]): void {
  const found = figuresIn(lesson, template);
  expect(found.length, template).toBe(computed.length);
  found.forEach((figure, i) => expect(writtenLike(computed[i]!, figure), `the lesson's "${template}" with {} = ${figure.text}`).toBe(figure.canonical));
}

const SEEDS = REAL_VERDICT_SEEDS;
const byId = (rows: ReturnType<typeof verdict>, id: string) => rows.find((r) => r.method === id)!;
const lowest = Math.min(...REAL_SURFACE);
const at = REAL_SURFACE.indexOf(lowest);
const lr = (i: number): number => valueOf(REAL_PARAMS[0], i / (SURFACE_SIDE - 1));
const wd = (j: number): number => valueOf(REAL_PARAMS[1], j / (SURFACE_SIDE - 1));

describe('hyperparameter-search lesson claims', () => {
  it('the network and its training as described', () => {
    expect(lesson).toContain('two hidden\nlayers of 16 ReLU units, trained on 300 noisy "two moons" points');
    expect(REAL_CONFIG).toMatchObject({ depth: 2, width: 16, activation: 'relu', batchSize: 32, optimizer: 'momentum', task: { dataset: 'moons', n: 300 } });
    expect(REAL_STEPS).toBe(300);
    expect(REAL_PARAMS.map((p) => [p.low, p.high, p.log])).toEqual([[1e-3, 1, true], [1e-5, 1e-1, true]]);
    expect(SURFACE_SIDE).toBe(21);
  });

  it('the surface: its lowest value, where it is, and the ragged corner', () => {
    expectFigures('Its lowest\nvalue, ${}$, is at a learning rate of ${}$ and a weight decay of ${}$', lowest, lr(at % SURFACE_SIDE), wd(Math.floor(at / SURFACE_SIDE)));
    expectFigures('the learning rates ${}$, ${}$ and\n${}$ give validation losses of ${}$, ${}$ and ${}$', lr(17), lr(18), lr(19), REAL_SURFACE[17]!, REAL_SURFACE[18]!, REAL_SURFACE[19]!);
    expectFigures('learning rates a factor of two apart, ${}$ and ${}$,\ngive ${}$ and ${}$', lr(17), lr(19), REAL_SURFACE[17]!, REAL_SURFACE[19]!);
    expect(lr(19) / lr(17)).toBeCloseTo(2, 1);
  });

  it('the toy objective: its formula and its valley', () => {
    expect(lesson).toContain(String.raw`f(u, v) = 1 - \exp\!\Bigl(-\frac{(u - 0.62)^2}{2 \cdot 0.06^2}\Bigr) + 0.02\,v`);
    expect(TOY_OPTIMUM).toBe(0.62);
    expect(toyObjective.evaluate([0.62, 0], 1)).toBe(0);
    expect(toyObjective.evaluate([0.62, 1], 1)).toBeCloseTo(0.02, 12);
    // The 3 × 3 grid's best point is u = 1/2, v = 1/6.
    expectFigures('On the toy objective with a budget of 9, grid search\'s best value is ${}$', toyObjective.evaluate([0.5, 1 / 6], 1));
  });

  it('successive halving at budgets 16 and 4', () => {
    const trials = runRace(successiveHalving, toyObjective, 16, 1);
    const count = (f: number): number => trials.filter((t) => t.fidelity === f).length;
    expectFigures('budget of 16 full\ntrials it starts {} random settings at {} steps, continues the best {} to {} steps and the\nbest {} to all 300: about {} full trials of work for {} trials in all', count(1 / 9), REAL_STEPS / 9, count(1 / 3), REAL_STEPS / 3, count(1), costOf(trials), trials.length);
    expectFigures('judging {} settings at a ninth of the cost each beats judging 4 settings well', firstRungSize(4));
  });

  it('the toy verdict at 4, 9 and 25 trials (20 seeds)', () => {
    const rows = [4, 9, 25].map((b) => verdict(toyObjective, b, SEEDS));
    const medians = (id: string): number[] => rows.map((r) => byId(r, id).median);
    expectFigures(
      '| Grid | {} | {} | {} |\n| Random | {} | {} | {} |\n| Bayesian | {} | {} | {} |\n| Successive halving | {} | {} | {} |',
      ...medians('grid'),
      ...medians('random'),
      ...medians('bayes'),
      ...medians('halving'),
    );
    // With 4 trials BO is random search, trial for trial.
    expect(byId(rows[0]!, 'bayes')).toEqual({ ...byId(rows[0]!, 'random'), method: 'bayes' });
    expectFigures('random search, whose median\nbest value over seeds 1 to 20 is {} with 9 trials', byId(rows[1]!, 'random').median);
    expectFigures('With 25 trials Bayesian optimisation found a lower value\nthan random search for {} of the {} seeds', byId(rows[2]!, 'bayes').beatsRandom, SEEDS.length);
    // The ranking the lesson states: from 9 trials on, BO < random < grid; at 4, halving is best.
    for (const r of rows.slice(1)) expect(byId(r, 'bayes').median < byId(r, 'random').median && byId(r, 'random').median < byId(r, 'grid').median).toBe(true);
    expect(Math.min(...rows[0]!.map((r) => r.median))).toBe(byId(rows[0]!, 'halving').median);
  }, 120_000);

  it('the network verdict at 9 and 25 trials, from the precomputed trainings', () => {
    const q = (budget: string, id: string, p: number): number => quantile(REAL_BESTS[budget]![id]!, p);
    const cells = (id: string, spread: boolean): number[] => ['9', '25'].flatMap((b) => (spread ? [q(b, id, 0.5), q(b, id, 0.25), q(b, id, 0.75)] : [q(b, id, 0.5)]));
    expectFigures(
      '| Grid | {} | {} |\n| Random | {} ({}–{}) | {} ({}–{}) |\n| Bayesian | {} ({}–{}) | {} ({}–{}) |\n| Successive halving | {} ({}–{}) | {} ({}–{}) |',
      ...cells('grid', false),
      ...cells('random', true),
      ...cells('bayes', true),
      ...cells('halving', true),
    );
    const bo = REAL_BESTS['25']!['bayes']!;
    const random = REAL_BESTS['25']!['random']!;
    expectFigures('but only for {} of the {} seeds', bo.filter((v, i) => v < random[i]!).length, SEEDS.length);
    expect(bo.some((v, i) => v === random[i])).toBe(false);
    // Grid wins at 25, halving has the lowest median at 9; grid's 5 × 5 grid holds the surface's lowest point.
    const medians = (b: string): number[] => METHODS.map((m) => q(b, m.id, 0.5));
    expect(Math.min(...medians('25'))).toBe(q('25', 'grid', 0.5));
    expect(Math.min(...medians('9'))).toBe(q('9', 'halving', 0.5));
    expect(q('25', 'grid', 0.5)).toBe(lowest);
    expectFigures('its 5 × 5 grid includes a learning rate of ${}$ and a weight decay of\n${}$', lr(at % SURFACE_SIDE), wd(Math.floor(at / SURFACE_SIDE)));
    // Spread: halving's interquartile range is the smallest of the seed-dependent methods at both budgets.
    for (const b of ['9', '25']) {
      const iqr = (id: string): number => q(b, id, 0.75) - q(b, id, 0.25);
      expect(iqr('halving')).toBeLessThan(Math.min(iqr('random'), iqr('bayes')));
    }
  });

  it('grid search at 16 and 36 trials on the network (trained here)', () => {
    const grid = (budget: number): number => bestWithin(runRace(gridSearch, realObjective, budget, 1), budget);
    expectFigures('A 4 × 4 grid, 16 trials, finds only\n${}$, and a 6 × 6 grid, 36 trials, only ${}$', grid(16), grid(36));
  }, 120_000);
});
