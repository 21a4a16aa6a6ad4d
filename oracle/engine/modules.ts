/**
 * nn layers built twice, in the engine and in PyTorch (from the same constructor arguments, with
 * the engine's initial parameters copied over by name), called on the same inputs.
 */
import { nn, randn, Rng, Tensor } from '../../lib/engine';
import { pythonBool, pythonFloatLiteral, pythonTuple } from '../../lib/common';
import type { ModuleRequest } from '../bridge';
import { toWire, toWireInput, valuesOf } from '../tensors';
import { chance, int, pick } from './draw';

/** A layer case: the engine's module, its PyTorch twin, the inputs and how to call it. */
export interface ModuleCase {
  readonly label: string;
  readonly engine: nn.Module<Tensor[], Tensor | [Tensor, Tensor]>;
  /** Python expression building the same layer. */
  readonly build: string;
  readonly inputs: readonly Tensor[];
  /** Python expression calling m on a (and b). */
  readonly call: string;
  readonly train: boolean;
}

const F64 = { dtype: 'float64' } as const;
const tuple2 = (a: number, b: number): string => pythonTuple([a, b]);

function linearCase(rng: Rng): ModuleCase {
  const [inF, outF] = [int(rng, 1, 6), int(rng, 1, 6)];
  const bias = chance(rng, 0.7);
  const lead = Array.from({ length: int(rng, 0, 2) }, () => int(rng, 1, 3));
  return {
    label: `Linear(${inF}, ${outF}, bias=${pythonBool(bias)}) on [${[...lead, inF].join(', ')}]`,
    engine: new nn.Linear(inF, outF, { rng, bias, ...F64 }),
    build: `nn.Linear(${inF}, ${outF}, bias=${pythonBool(bias)})`,
    inputs: [randn([...lead, inF], rng, F64)],
    call: 'm(a)',
    train: true,
  };
}

function conv2dCase(rng: Rng): ModuleCase {
  const [C, F] = [int(rng, 1, 3), int(rng, 1, 4)];
  const k = [int(rng, 1, 3), int(rng, 1, 3)] as const;
  const s = [int(rng, 1, 2), int(rng, 1, 2)] as const;
  const p = [int(rng, 0, 2), int(rng, 0, 2)] as const;
  const d = [int(rng, 1, 2), int(rng, 1, 2)] as const;
  const bias = chance(rng, 0.7);
  const H = d[0] * (k[0] - 1) + 1 + int(rng, 0, 4);
  const W = d[1] * (k[1] - 1) + 1 + int(rng, 0, 4);
  const shape = chance(rng, 0.25) ? [C, H, W] : [int(rng, 1, 2), C, H, W];
  const args = `${C}, ${F}, ${tuple2(...k)}, stride=${tuple2(...s)}, padding=${tuple2(...p)}, dilation=${tuple2(...d)}, bias=${pythonBool(bias)}`;
  return {
    label: `Conv2d(${args}) on [${shape.join(', ')}]`,
    engine: new nn.Conv2d(C, F, k, { rng, bias, stride: s, padding: p, dilation: d, ...F64 }),
    build: `nn.Conv2d(${args})`,
    inputs: [randn(shape, rng, F64)],
    call: 'm(a)',
    train: true,
  };
}

/** nn.RNN with every option drawn: layers, direction, batch_first, nonlinearity, bias, dropout (eval), batching, h0. */
function rnnCase(rng: Rng): ModuleCase {
  const [Hin, H, layers] = [int(rng, 1, 4), int(rng, 1, 5), int(rng, 1, 3)];
  const nonlinearity = pick(rng, ['tanh', 'relu'] as const);
  const bias = chance(rng, 0.7);
  const batchFirst = chance(rng, 0.5);
  const bidirectional = chance(rng, 0.5);
  const dropout = layers > 1 && chance(rng, 0.3) ? 0.5 : 0;
  const unbatched = chance(rng, 0.3);
  const withH0 = chance(rng, 0.6);
  const [L, N] = [int(rng, 1, 4), int(rng, 1, 3)];
  const D = bidirectional ? 2 : 1;
  const x = unbatched ? [L, Hin] : batchFirst ? [N, L, Hin] : [L, N, Hin];
  const h0 = unbatched ? [D * layers, H] : [D * layers, N, H];
  const args =
    `${Hin}, ${H}, num_layers=${layers}, nonlinearity='${nonlinearity}', bias=${pythonBool(bias)}, ` +
    `batch_first=${pythonBool(batchFirst)}, dropout=${pythonFloatLiteral(dropout)}, bidirectional=${pythonBool(bidirectional)}`;
  const inputs = [randn(x, rng, F64), ...(withH0 ? [randn(h0, rng, F64)] : [])];
  return {
    label: `RNN(${args}) on [${x.join(', ')}]${withH0 ? ` with h0 [${h0.join(', ')}]` : ''}${dropout > 0 ? ', eval mode' : ''}`,
    engine: new nn.RNN(Hin, H, { rng, numLayers: layers, nonlinearity, bias, batchFirst, dropout, bidirectional, ...F64 }),
    build: `nn.RNN(${args})`,
    inputs,
    call: withH0 ? 'm(a, b)' : 'm(a)',
    // Dropout draws differ between the two libraries; with dropout, compare in eval mode.
    train: dropout === 0,
  };
}

/** A small CNN and an MLP as nn.Sequential, with every parameter-free layer in use. */
function sequentialCase(rng: Rng): ModuleCase {
  const C = int(rng, 1, 2);
  const size = int(rng, 6, 9);
  if (chance(rng, 0.5)) {
    const F = int(rng, 2, 4);
    const pooled = Math.floor((size - 2) / 2);
    const flat = F * pooled * pooled;
    const hidden = int(rng, 2, 6);
    const slope = pick(rng, [0.01, 0.2]);
    return {
      label: `Sequential(Conv2d(${C}, ${F}, 3), ReLU, MaxPool2d(2), Flatten, Linear(${flat}, ${hidden}), LeakyReLU(${slope}), Dropout (eval), Linear, LogSoftmax) on [2, ${C}, ${size}, ${size}]`,
      engine: new nn.Sequential(
        new nn.Conv2d(C, F, 3, { rng, ...F64 }),
        new nn.ReLU(),
        new nn.MaxPool2d(2),
        new nn.Flatten(),
        new nn.Linear(flat, hidden, { rng, ...F64 }),
        new nn.LeakyReLU(slope),
        new nn.Dropout(0.5, { rng }),
        new nn.Linear(hidden, 3, { rng, ...F64 }),
        new nn.LogSoftmax(1),
      ),
      build: `nn.Sequential(nn.Conv2d(${C}, ${F}, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(${flat}, ${hidden}), nn.LeakyReLU(${pythonFloatLiteral(slope)}), nn.Dropout(0.5), nn.Linear(${hidden}, 3), nn.LogSoftmax(1))`,
      inputs: [randn([2, C, size, size], rng, F64)],
      call: 'm(a)',
      train: false,
    };
  }
  const [a, b] = [int(rng, 1, 5), int(rng, 1, 5)];
  return {
    label: `Sequential(Linear(${C}, ${a}), Tanh, Linear, Sigmoid, Linear, SiLU, Linear, Softplus, Softmax(-1))`,
    engine: new nn.Sequential(
      new nn.Linear(C, a, { rng, ...F64 }),
      new nn.Tanh(),
      new nn.Linear(a, b, { rng, ...F64 }),
      new nn.Sigmoid(),
      new nn.Linear(b, a, { rng, ...F64 }),
      new nn.SiLU(),
      new nn.Linear(a, b, { rng, ...F64 }),
      new nn.Softplus(),
      new nn.Softmax(-1),
    ),
    build: `nn.Sequential(nn.Linear(${C}, ${a}), nn.Tanh(), nn.Linear(${a}, ${b}), nn.Sigmoid(), nn.Linear(${b}, ${a}), nn.SiLU(), nn.Linear(${a}, ${b}), nn.Softplus(), nn.Softmax(-1))`,
    inputs: [randn([int(rng, 1, 4), C], rng, F64)],
    call: 'm(a)',
    train: true,
  };
}

/** One more Sequential: Conv2d with padding, AvgPool2d, Flatten(0, -1) on an unbatched image. */
function avgPoolCase(rng: Rng): ModuleCase {
  const [C, F] = [int(rng, 1, 3), int(rng, 1, 3)];
  const size = int(rng, 4, 7);
  return {
    label: `Sequential(Conv2d(${C}, ${F}, 3, padding=1), AvgPool2d(2, stride=1, padding=1), Flatten(0, -1)) on [${C}, ${size}, ${size}]`,
    engine: new nn.Sequential(new nn.Conv2d(C, F, 3, { rng, padding: 1, ...F64 }), new nn.AvgPool2d(2, { stride: 1, padding: 1 }), new nn.Flatten(0, -1)),
    build: `nn.Sequential(nn.Conv2d(${C}, ${F}, 3, padding=1), nn.AvgPool2d(2, stride=1, padding=1), nn.Flatten(0, -1))`,
    inputs: [randn([C, size, size], rng, F64)],
    call: 'm(a)',
    train: true,
  };
}

/** Layer kinds and their case builders. */
export const MODULE_KINDS = {
  Linear: linearCase,
  Conv2d: conv2dCase,
  RNN: rnnCase,
  Sequential: (rng: Rng) => (chance(rng, 0.25) ? avgPoolCase(rng) : sequentialCase(rng)),
} as const;

/** The engine's run of a case: outputs and gradients of sum(out_i * w_i), and the request for PyTorch. */
export function runModuleCase(c: ModuleCase, rng: Rng): {
  outputs: Tensor[];
  inputGrads: (Tensor | null)[];
  parameters: [string, Tensor][];
  request: ModuleRequest;
} {
  const inputs = c.inputs.map((x) => new Tensor(x.data, x.shape, true));
  c.engine.train(c.train);
  const out = c.engine.forward(...inputs);
  const outputs = Array.isArray(out) ? out : [out];
  const weights = outputs.map((o) => randn(o.shape, rng, F64));
  outputs.map((o, k) => o.mul(weights[k]!).sum()).reduce((a, b) => a.add(b)).backward();
  const parameters = c.engine.namedParameters();
  return {
    outputs,
    inputGrads: inputs.map((x) => x.grad),
    parameters,
    request: {
      dtype: 'float64',
      build: c.build,
      state: Object.fromEntries(parameters.map(([name, p]) => [name, toWire(valuesOf(p))])),
      train: c.train,
      inputs: inputs.map((x) => toWireInput(valuesOf(x), true)),
      call: c.call,
      weights: weights.map((w) => toWire(valuesOf(w))),
    },
  };
}
