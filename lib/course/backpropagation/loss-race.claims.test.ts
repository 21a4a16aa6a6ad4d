/**
 * The loss race's figures in the backpropagation lesson (lessons/backpropagation.mdx), read from
 * its text and recomputed by re-running the widget's own seeded runs (trainJob with the widget's
 * settings), and the output gradient checked against its closed form and central differences.
 */
import { describe, expect, it } from 'vitest';
import lesson from '../../../lessons/backpropagation.mdx?raw';
import { binaryCrossEntropyWithLogits, mseLoss, nn, tensor, type Tensor } from '../../engine';
import { figuresIn, writtenLike } from '../../common/lesson-figures';
import { Trainer, trainJob, trainSpecOf, type TrainSnapshot } from '../../ml/training';
import { runJob } from '../../runtime';
import { firstStepReaching, RACE_EVAL_EVERY, RACE_NETWORK, raceConfig, raceSchema, type RaceSettings } from './loss-race';

function expectFigures(template: string, ...computed: number[]): void {
  const found = figuresIn(lesson, template);
  expect(found.length, template).toBe(computed.length);
  found.forEach((figure, i) => expect(writtenLike(computed[i]!, figure), `the lesson's "${template}" with {} = ${figure.text}`).toBe(figure.canonical));
}

const DEFAULTS: RaceSettings = { bad: raceSchema.bad.default, lr: raceSchema.lr.default, seed: raceSchema.seed.default };

/** The widget's run A or B from `settings`, for `steps` updates. */
const race = (settings: Partial<RaceSettings>, run: 'a' | 'b', steps: number): Promise<TrainSnapshot> =>
  runJob(trainJob, { config: raceConfig({ ...DEFAULTS, ...settings }, run), maxSteps: steps, evalEvery: RACE_EVAL_EVERY, boundaryResolution: 0, boundaryExtent: 1.6 }).result;

const reach90 = (s: TrainSnapshot): number | null => firstStepReaching(s.evaluations, 'trainAccuracy', 0.9);
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** The output bias's gradient at the initial weights on the whole training set (float64): by autograd, by the closed form, by central differences. */
function outputBiasGradient(run: 'a' | 'b'): { autograd: number; closedForm: number; centralDifference: number } {
  const trainer = new Trainer({ ...trainSpecOf(raceConfig(DEFAULTS, run)), dtype: 'float64' });
  const head = trainer.model.at(-1);
  if (!(head instanceof nn.Linear) || !head.bias) throw new Error('expected the output layer to be nn.Linear with a bias');
  const bias = head.bias;
  const { n, x, y } = trainer.data.train;
  const inputs = tensor(Float64Array.from(x), { dtype: 'float64' }).reshape([n, 2]);
  const targets = tensor(Float64Array.from(y), { dtype: 'float64' }).reshape([n, 1]);
  const loss = (): Tensor => {
    const z = trainer.model.eval().forward(inputs);
    return run === 'a' ? binaryCrossEntropyWithLogits(z, targets) : mseLoss(z.sigmoid(), targets);
  };
  bias.grad = null;
  const l = loss();
  l.backward();
  const autograd = bias.grad!.data[0]!;
  const logits = trainer.model.forward(inputs).data;
  let closedForm = 0;
  for (let i = 0; i < n; i++) {
    const p = sigmoid(logits[i]!);
    const t = y[i]!;
    // ∂L/∂z_n: (p − y)/N for cross-entropy, 2(p − y)σ′(z)/N for mse_loss; the bias adds into every z_n.
    closedForm += (run === 'a' ? p - t : 2 * (p - t) * p * (1 - p)) / n;
  }
  const h = 1e-5;
  const b0 = bias.data[0]!;
  bias.data[0] = b0 + h;
  const up = loss().item();
  bias.data[0] = b0 - h;
  const down = loss().item();
  bias.data[0] = b0;
  return { autograd, closedForm, centralDifference: (up - down) / (2 * h) };
}

describe('the loss race in the backpropagation lesson', () => {
  it('the network and the bad start are the widget\'s defaults', () => {
    expect(DEFAULTS).toEqual({ bad: 8, lr: 0.3, seed: 1 });
    expect(RACE_NETWORK).toMatchObject({ depth: 1, width: 16, activation: 'tanh', init: 'xavier', optimizer: 'sgd', batchSize: 32, task: { dataset: 'circles', n: 400 } });
    const trainer = new Trainer(raceConfig(DEFAULTS, 'a'));
    expect(trainer.data.train.n).toBe(320);
    expectFigures('separate two circles of {} training\npoints', trainer.data.train.n);
    expectFigures('$p \\approx \\sigma(-8) \\approx {}$', sigmoid(-8));
    const classZero = Array.from(trainer.data.train.y).filter((y) => y === 0).length / trainer.data.train.n;
    expectFigures('on the {} % of the training points', 100 * classZero);
    expect(trainer.evaluate().trainAccuracy).toBe(classZero);
  });

  it('the output gradient at the start: autograd agrees with (p − y)/N and 2(p − y)σ′(z)/N and with central differences; the norms the widget shows', () => {
    const ce = outputBiasGradient('a');
    const se = outputBiasGradient('b');
    for (const g of [ce, se]) {
      expect(g.autograd).toBeCloseTo(g.closedForm, 12);
      expect(Math.abs(g.centralDifference - g.autograd)).toBeLessThan(1e-8 + 1e-5 * Math.abs(g.autograd));
    }
    expectFigures('$2(p - 1)\\,p(1 - p)/N$ under `mse_loss` (the 2 because it has no $\\tfrac12$), about\n$-{}/N$', 2 * (1 - sigmoid(-8)) * sigmoid(-8) * (1 - sigmoid(-8)));
    const [ceLayers, seLayers] = (['a', 'b'] as const).map((run) => new Trainer(raceConfig(DEFAULTS, run)).gradientNorms().layers);
    const [ceNorm, seNorm] = [ceLayers!.at(-1), seLayers!.at(-1)];
    // "the hidden layer's gradient is just as small": about the output layer's under squared error, and far below cross-entropy's.
    expect(seLayers![0]! / seNorm!).toBeGreaterThan(0.5);
    expect(seLayers![0]! / seNorm!).toBeLessThan(2);
    expect(seLayers![0]!).toBeLessThan(ceLayers![0]! / 100);
    expect(lesson).toContain("so the hidden layer's gradient is just as small");
    expectFigures('the gradient of the output bias is {} under\ncross-entropy and {} under squared error', ce.autograd, se.autograd);
    expectFigures("the output layer's weights get a gradient of norm\n{} against {}, {} times smaller", ceNorm!, seNorm!, ceNorm! / seNorm!);
  });

  it('cross-entropy passes 90 % training accuracy at step 75; squared error sits at loss 0.525 and passes 90 % only at step 2,650', async () => {
    const [a, b] = await Promise.all([race({}, 'a', 200), race({}, 'b', 2700)]);
    expectFigures('cross-entropy passes 90 % training accuracy at step {}', reach90(a)!);
    const loss = b.evaluations.columns['trainLoss']!;
    const at = (step: number): number => loss[Array.from(b.evaluations.steps).indexOf(step)]!;
    expectFigures('Squared error sits\nat loss {} and {} % accuracy; its loss at step 2,000 is still {}, and it passes 90 % only at\nstep {}', at(0), 100 * b.evaluations.columns['trainAccuracy']![0]!, at(2000), reach90(b)!);
  });

  it('the table: the step each run first reaches 90 % training accuracy, for output biases 0 to −10', async () => {
    const rows = [...lesson.matchAll(/^\| (−?\d+) \| (\d+) \| ([\d,]+|not by step 4,000) \|$/gm)];
    expect(rows.map((r) => r[1])).toEqual(['0', '−2', '−4', '−6', '−8', '−10']);
    for (const [, bias, ce, se] of rows) {
      const bad = -Number(bias!.replace('−', '-'));
      const [a, b] = await Promise.all([race({ bad }, 'a', 4000), race({ bad }, 'b', 4000)]);
      expect(reach90(a), `b = ${bad}, cross-entropy`).toBe(Number(ce));
      expect(reach90(b), `b = ${bad}, squared error`).toBe(se!.startsWith('not') ? null : Number(se!.replace(',', '')));
    }
    expectFigures('falls off a cliff past $b = 6$, where $\\sigma\'(-b)$ drops below {}', 0.0025);
    expect(sigmoid(-6) * (1 - sigmoid(-6))).toBeLessThan(0.0025);
    expect(sigmoid(-4) * (1 - sigmoid(-4))).toBeGreaterThan(0.0025);
  });

  it('over seeds 1 to 10 with b = 8: cross-entropy passes 90 % by step 50 to 100, squared error at 2,650 to 4,250', async () => {
    const ce: number[] = [];
    const se: number[] = [];
    for (let seed = 1; seed <= 10; seed++) {
      const [a, b] = await Promise.all([race({ seed }, 'a', 200), race({ seed }, 'b', 4500)]);
      ce.push(reach90(a) ?? Infinity);
      se.push(reach90(b) ?? Infinity);
    }
    expectFigures('cross-entropy passed 90 % by step {} to {} in every\nrun, squared error at step {} to {}', Math.min(...ce), Math.max(...ce), Math.min(...se), Math.max(...se));
  });
});
