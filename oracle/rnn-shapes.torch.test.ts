/**
 * The RNN-shapes tool against nn.RNN: the shape calculator (lib/ml/shapes/rnn.ts) on random
 * configurations and calls, errors included (what the constructor raises and warns, parameter
 * names and shapes, what the call returns or raises), and the tool's "Copy as PyTorch" script
 * (rnnScript, built from the widget's own model as RnnShapes.tsx builds it) run in PyTorch.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { rnnSchema, viewOf, type RnnValues } from '../components/rnn-shapes/model';
import { Rng } from '../lib/engine';
import { rnnScript } from '../lib/ml/shapes/rnn-pytorch';
import { rnnConstructorCheck, rnnForwardShapes, rnnParameters, type PyTorchMessage, type RnnConfig } from '../lib/ml/shapes/rnn';
import { askTorch, type PyException, type RnnResult, type ScriptResult } from './bridge';
import { chance, int, pick } from './engine/draw';
import { seedOf } from './engine/run-ops';
import { Summary } from './summary';
import { describeWording, wordingOf, type Wording } from './wording';

const shapeText = (s: readonly number[]): string => `[${s.join(', ')}]`;
const torchSize = (s: readonly number[]): string => `torch.Size(${shapeText(s)})`;

/** A configuration as nn.RNN's keyword arguments. */
function kwargs(c: RnnConfig): Record<string, number | boolean | string> {
  return {
    input_size: c.inputSize,
    hidden_size: c.hiddenSize,
    num_layers: c.numLayers,
    nonlinearity: c.nonlinearity,
    bias: c.bias,
    batch_first: c.batchFirst,
    dropout: c.dropout,
    bidirectional: c.bidirectional,
  };
}

/**
 * A random configuration: mostly what the widget allows; one time in six one argument PyTorch
 * refuses (one at a time: when two are wrong, 1.13 and 2.x report different ones first).
 */
function drawConfig(rng: Rng): RnnConfig {
  const odd = chance(rng, 0.17) ? pick(rng, ['hiddenSize', 'numLayers', 'nonlinearity', 'dropout'] as const) : null;
  return {
    inputSize: int(rng, 1, 8),
    hiddenSize: odd === 'hiddenSize' ? pick(rng, [0, -2, 2.5]) : int(rng, 1, 8),
    numLayers: odd === 'numLayers' ? pick(rng, [0, -1]) : int(rng, 1, 3),
    // A name PyTorch refuses reaches the calculator only through code like this.
    nonlinearity: (odd === 'nonlinearity' ? 'sigmoid' : pick(rng, ['tanh', 'relu'])) as RnnConfig['nonlinearity'],
    bias: chance(rng, 0.7),
    batchFirst: chance(rng, 0.5),
    dropout: odd === 'dropout' ? pick(rng, [1.5, -0.1]) : chance(rng, 0.2) ? 0.5 : 0,
    bidirectional: chance(rng, 0.5),
  };
}

/** A call: input of rank 1 to 4 (features usually right), h0 omitted, right, or of a random shape. */
function drawCall(rng: Rng, c: RnnConfig): { input: number[]; h0: number[] | undefined } {
  const rank = chance(rng, 0.85) ? pick(rng, [2, 3]) : pick(rng, [1, 4]);
  const sizes = Array.from({ length: rank - 1 }, () => int(rng, 1, 4));
  const input = [...sizes, chance(rng, 0.8) ? c.inputSize : c.inputSize + 1];
  const S = (c.bidirectional ? 2 : 1) * Math.max(c.numLayers, 1);
  const batch = rank === 3 ? (c.batchFirst ? input[0]! : input[1]!) : 1;
  const expected = rank === 3 ? [S, batch, c.hiddenSize] : [S, c.hiddenSize];
  const h0 = chance(rng, 0.3) ? undefined : chance(rng, 0.6) ? expected : Array.from({ length: int(rng, 1, 4) }, () => int(rng, 1, 4));
  return { input, h0 };
}

/** Our message beside PyTorch's, or null if they agree (in the installed version's or 2.x's words). */
function messageProblem(what: string, ours: PyTorchMessage | undefined, torch: PyException | null | undefined): { problem: string | null; wording: Wording | null } {
  if (!ours && !torch) return { problem: null, wording: null };
  if (!ours) return { problem: `${what}: PyTorch raises ${torch!.type}: ${torch!.message}; the calculator says it works`, wording: null };
  if (!torch) return { problem: `${what}: the calculator says ${ours.kind}: ${ours.message}; PyTorch raises nothing`, wording: null };
  const wording = wordingOf({ type: ours.kind, message: ours.message }, torch);
  const version = inject('torchVersion');
  const problem =
    wording.kind === 'differs'
      ? `${what}: the calculator says ${ours.kind}: ${ours.message}; PyTorch ${version} raises ${torch.type}: ${torch.message}`
      : // The widget names the version when the wording is 2.x's only: the flag must say so exactly.
        (wording.kind === '2.x') !== (ours.wording === '2.x')
        ? `${what}: “${ours.message}” is ${describeWording(wording, version)}, but the tool labels it ${ours.wording ? 'PyTorch 2.x' : 'plain PyTorch'}`
        : null;
  return { problem, wording };
}

interface Checked {
  readonly label: string;
  readonly problems: string[];
  readonly wordings: Wording[];
}

function checkCalculator(c: RnnConfig, call: { input: number[]; h0: number[] | undefined }, torch: RnnResult): Checked {
  const label = `nn.RNN(${JSON.stringify(kwargs(c))}) on input ${shapeText(call.input)}${call.h0 ? `, h0 ${shapeText(call.h0)}` : ''}`;
  const problems: string[] = [];
  const wordings: Wording[] = [];
  const built = rnnConstructorCheck(c);
  const ctor = messageProblem('constructor', built.error, torch.build);
  if (ctor.problem) problems.push(ctor.problem);
  if (ctor.wording) wordings.push(ctor.wording);
  const ours = built.warnings.map((w) => `${w.kind}: ${w.message}`);
  const theirs = torch.warnings.map((w) => `${w.type}: ${w.message}`);
  if (ours.join('\n') !== theirs.join('\n')) problems.push(`warnings: the calculator ${JSON.stringify(ours)}, PyTorch ${JSON.stringify(theirs)}`);
  if (built.error || torch.build) return { label, problems, wordings };
  const params = rnnParameters(c).map((p) => `${p.name} ${shapeText(p.shape)}`);
  const torchParams = torch.parameters.map(([name, shape]) => `${name} ${shapeText(shape)}`);
  if (params.join(', ') !== torchParams.join(', ')) problems.push(`parameters: the calculator ${params.join(', ')}; PyTorch ${torchParams.join(', ')}`);
  const forward = rnnForwardShapes(c, call.input, call.h0);
  const result = torch.forward!;
  if ('error' in result || !forward.ok) {
    const f = messageProblem('call', forward.ok ? undefined : forward.error, 'error' in result ? result.error : null);
    if (f.problem) problems.push(f.problem);
    if (f.wording) wordings.push(f.wording);
  } else if (shapeText(forward.output) !== shapeText(result.output) || shapeText(forward.hN) !== shapeText(result.hN)) {
    problems.push(`call: the calculator gives output ${shapeText(forward.output)}, h_n ${shapeText(forward.hN)}; PyTorch ${shapeText(result.output)}, ${shapeText(result.hN)}`);
  }
  return { label, problems, wordings };
}

/** Counts of each wording, for the summary. */
function wordingNotes(list: readonly Checked[]): string[] {
  const lines = list.flatMap((c) => c.wordings.filter((w) => w.kind !== 'installed').map((w) => describeWording(w, inject('torchVersion'))));
  return [...new Set(lines)].map((l) => `${lines.filter((x) => x === l).length} messages: ${l}`);
}

describe('RNN shape calculator (lib/ml/shapes/rnn.ts) vs nn.RNN', () => {
  const checked: Checked[] = [];
  const summary = new Summary();

  beforeAll(async () => {
    const rng = new Rng(seedOf('rnn calculator'));
    const cases = Array.from({ length: 400 }, () => {
      const config = drawConfig(rng);
      return { config, call: drawCall(rng, config) };
    });
    const answers = await askTorch('rnn', cases.map(({ config, call }) => ({ args: kwargs(config), input: call.input, h0: call.h0 ?? null })));
    cases.forEach(({ config, call }, k) => checked.push(checkCalculator(config, call, answers[k]!)));
  });

  it('rnnConstructorCheck(), rnnParameters() and rnnForwardShapes() agree with nn.RNN', () => {
    const bad = checked.filter((c) => c.problems.length > 0);
    summary.add({ area: 'RNN calculator vs PyTorch', item: 'random configurations and calls', cases: checked.length, failed: bad.length, notes: wordingNotes(checked) });
    expect(bad.slice(0, 6).map((c) => `${c.label}\n    ${c.problems.join('\n    ')}`), `${bad.length} of ${checked.length} cases differ from PyTorch`).toEqual([]);
  });
});

/** The widget's settings: its defaults (PyTorch's documentation example), with a patch. */
const DEFAULTS = Object.fromEntries(Object.entries(rnnSchema).map(([name, field]) => [name, field.default])) as RnnValues;

/** Random settings within the widget's limits. */
function drawValues(rng: Rng): RnnValues {
  const v: RnnValues = {
    ...DEFAULTS,
    input_size: pick(rng, [1, 3, 10]),
    hidden_size: pick(rng, [1, 4, 20]),
    num_layers: int(rng, 1, 3),
    nonlinearity: pick(rng, ['tanh', 'relu'] as const),
    bias: chance(rng, 0.7),
    batch_first: chance(rng, 0.5),
    dropout: pick(rng, [0, 0, 0.5, 1]),
    bidirectional: chance(rng, 0.5),
    seq_len: int(rng, 1, 6),
    batch: int(rng, 1, 4),
    unbatched: chance(rng, 0.3),
    seed: int(rng, 0, 999),
  };
  const S = (v.bidirectional ? 2 : 1) * v.num_layers;
  return {
    ...v,
    input_features: chance(rng, 0.8) ? 'match' : v.input_size + 1,
    h_0: chance(rng, 0.25) ? 'omit' : chance(rng, 0.6) ? 'expected' : pick(rng, [[1, v.hidden_size], [S, v.batch, v.hidden_size], [v.batch, S, v.hidden_size], [S, 1, 1, v.hidden_size]]),
  };
}

/** The widget's "Try a common mistake" buttons, applied to its defaults. */
const MISTAKES: RnnValues[] = [
  DEFAULTS,
  { ...DEFAULTS, input_features: 7 },
  { ...DEFAULTS, h_0: [1, DEFAULTS.batch, DEFAULTS.hidden_size] },
  { ...DEFAULTS, batch_first: true, unbatched: false, h_0: [DEFAULTS.batch, 2, DEFAULTS.hidden_size] },
  { ...DEFAULTS, num_layers: 1, dropout: 0.5 },
];

describe('RNN-shapes "Copy as PyTorch" scripts (rnnScript) run in PyTorch', () => {
  const settings = [...MISTAKES, ...Array.from({ length: 300 }, ((rng) => () => drawValues(rng))(new Rng(seedOf('rnn scripts'))))];
  let ran: ScriptResult[] = [];
  const checked: Checked[] = [];
  const summary = new Summary();

  beforeAll(async () => {
    const views = settings.map((v) => ({ v, view: viewOf(v) }));
    ran = await askTorch('scripts', views.map(({ v, view }) => ({ code: rnnScript({ config: view.config, inputShape: view.inputShape, h0Shape: view.h0Shape, seed: v.seed }) })));
    views.forEach(({ view }, k) => {
      const r = ran[k]!;
      const label = rnnScript({ config: view.config, inputShape: view.inputShape, h0Shape: view.h0Shape, seed: 0 }).split('\n').filter((l) => l.startsWith('rnn =') || l.includes('torch.randn') || l.startsWith('output')).join(' | ');
      const problems: string[] = [];
      const wordings: Wording[] = [];
      const shown = view.constructorError ?? (view.forward.ok ? undefined : view.forward.error);
      const raised = messageProblem('script', shown, r.error);
      if (raised.problem) problems.push(raised.problem);
      if (raised.wording) wordings.push(raised.wording);
      const warned = r.warnings.filter((w) => w.type === 'UserWarning').map((w) => w.message);
      for (const w of view.warnings) if (!warned.includes(w.message)) problems.push(`the tool shows the warning “${w.message}”; PyTorch warned ${JSON.stringify(warned)}`);
      if (!shown && view.forward.ok) {
        const expected = `${torchSize(view.forward.output)}\n${torchSize(view.forward.hN)}\n`;
        if (r.stdout !== expected) problems.push(`prints ${JSON.stringify(r.stdout)}; the tool shows ${JSON.stringify(expected)}`);
      }
      checked.push({ label, problems, wordings });
    });
  });

  it('each script runs and prints the shapes the tool shows, or raises and warns what the tool shows', () => {
    const bad = checked.filter((c) => c.problems.length > 0);
    summary.add({ area: 'Copy as PyTorch scripts', item: 'RNN shapes: widget settings', cases: checked.length, failed: bad.length, notes: wordingNotes(checked) });
    expect(bad.slice(0, 6).map((c) => `${c.label}\n    ${c.problems.join('\n    ')}`), `${bad.length} of ${checked.length} scripts disagree with the tool`).toEqual([]);
  });
});
