/**
 * Every run the vanishing- and exploding-gradient widgets offer (each preset's run A and B) and a
 * few variations (datasets, optimisers, inits, clipping modes, a 2-layer RNN), trained 40 steps,
 * each summed up in digests of everything the widgets draw: the initial weights, the gradient
 * and the activation histograms at step 0, every step's loss and gradient norms, the evaluations
 * before and after, and the decision boundary. gradient-widgets.fingerprint.node.test.ts
 * compares the digests with those the Trainer gave before it trained model specs; a digest per
 * part says which part changed.
 */
import { createHash } from 'node:crypto';
import { defaultsOf } from '../../../common';
import * as E from '../../../../components/exploding-gradients/model';
import * as V from '../../../../components/vanishing-gradients/model';
import type { TrainConfig } from '../config';
import { Trainer } from '../trainer';

/** The widget runs, by name: "V <preset> a" is the vanishing widget's preset, run A. */
export function gradientWidgetRuns(): [string, TrainConfig][] {
  const runs: [string, TrainConfig][] = [];
  const vanishing = (p: (typeof V.PRESETS)[number], r: 'a' | 'b'): TrainConfig =>
    V.runConfig(
      {
        ...defaultsOf(V.vanishingSchema),
        ...p.settings,
      } as V.VanishingSettings,
      r,
    );
  const exploding = (p: (typeof E.PRESETS)[number], r: 'a' | 'b'): TrainConfig =>
    E.runConfig(
      {
        ...defaultsOf(E.explodingSchema),
        ...p.settings,
      } as E.ExplodingSettings,
      r,
    );
  for (const p of V.PRESETS) for (const r of ['a', 'b'] as const) runs.push([`V ${p.label} ${r}`, vanishing(p, r)]);
  for (const p of E.PRESETS) for (const r of ['a', 'b'] as const) runs.push([`E ${p.label} ${r}`, exploding(p, r)]);
  const [v0, e0, , e2] = [V.PRESETS[0], E.PRESETS[0], E.PRESETS[1], E.PRESETS[2]];
  if (!v0 || !e0 || !e2) throw new Error('gradientWidgetRuns: expected a vanishing preset and three exploding presets');
  const base = vanishing(v0, 'b');
  if (base.task.kind !== 'classification' || base.task.dataset === 'own') throw new Error(`gradientWidgetRuns: expected the vanishing widget to classify a generated dataset, got ${base.task.kind}`);
  for (const dataset of ['moons', 'spiral', 'xor'] as const) runs.push([`V ${dataset}`, { ...base, task: { ...base.task, dataset } }]);
  for (const optimizer of ['momentum', 'adam'] as const) runs.push([`V ${optimizer}`, { ...base, optimizer }]);
  runs.push(['V xavier gain tanh', { ...base, activation: 'tanh', init: 'xavier', gain: 5 / 3 }]);
  runs.push(['V default scale 1.5', { ...base, init: 'default', initScale: 1.5 }]);
  runs.push(['V zeros leaky', { ...base, init: 'zeros', activation: 'leakyRelu' }]);
  const rnn = exploding(e2, 'b');
  runs.push(['E rnn depth 2', { ...rnn, depth: 2 }]);
  runs.push([
    'E rnn seq 10 tensor',
    {
      ...rnn,
      task: { kind: 'sequence', n: 1000, seqLen: 10 },
      clip: { mode: 'tensor', threshold: 0.5 },
    },
  ]);
  runs.push(['E mlp value', { ...exploding(e0, 'b'), clip: { mode: 'value', threshold: 0.1 } }]);
  return runs;
}

/** A run's fingerprint: a digest of all it computed, and a few of its figures to read. */
export interface RunFingerprint {
  /** First 12 hex digits of the SHA-256 of each part of what the run computed (see the file's comment). */
  digests: Record<'weights' | 'gradient' | 'histograms' | 'steps' | 'evaluations' | 'boundary', string>;
  /** Steps taken (fewer than 40 when the run diverged). */
  steps: number;
  firstLoss: number | string;
  lastLoss: number | string;
  lastNormBefore: number | string;
}

const num = (x: number): number | string => (Number.isFinite(x) ? x : String(x));

/** Trains `config` 40 steps (or until it diverges) and fingerprints everything it computed. */
export function fingerprint(config: TrainConfig): RunFingerprint {
  const t = new Trainer(config);
  const params = t.model.parameters().map((p) => {
    let sum = 0;
    let sumSq = 0;
    for (const v of p.data) {
      sum += v;
      sumSq += v * v;
    }
    return [p.shape, sum, sumSq];
  });
  const g = t.gradientNorms();
  const h = config.task.kind === 'sequence' ? null : t.activationHistograms();
  const e0 = t.evaluate();
  const steps = [];
  for (let s = 0; s < 40; s++) {
    const r = t.trainStep();
    steps.push([r.step, num(r.loss), num(r.normBefore), num(r.normAfter), Array.from(r.layerNorms, num), r.diverged]);
    if (r.diverged) break;
  }
  const e1 = t.evaluate();
  const digest = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 12);
  const digests = {
    weights: digest([t.layerNames, params]),
    gradient: digest([Array.from(g.layers, num), num(g.total)]),
    histograms: digest(
      h && {
        lo: h.lo,
        hi: h.hi,
        ex: h.examples,
        l: h.layers.map((l) => [l.mean, l.std, l.rmsSlope, Array.from(l.shares)]),
      },
    ),
    steps: digest(steps),
    evaluations: digest([Object.values(e0).map(num), Object.values(e1).map(num)]),
    boundary: digest(config.task.kind === 'classification' ? Array.from(t.boundary(5, 1.5)) : null),
  };
  const first = steps[0];
  const last = steps.at(-1);
  return {
    digests,
    steps: steps.length,
    firstLoss: first?.[1] as number | string,
    lastLoss: last?.[1] as number | string,
    lastNormBefore: last?.[2] as number | string,
  };
}
