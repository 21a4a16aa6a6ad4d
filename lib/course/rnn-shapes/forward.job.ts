/**
 * The worker job behind the widget's verdict: build the engine's nn.RNN, run it on seeded random
 * tensors of the requested shapes, and report what it produced (or the error it threw).
 */
import { nn, noGrad, randn, Rng, type Tensor } from '../../engine';
import type { RnnConfig } from '../../ml/shapes';
import type { Job } from '../../runtime';
import { directionSlice, hNAt, layoutOf, outputAt } from './indexing';

/** One forward pass to run. */
export interface ForwardRequest {
  config: RnnConfig;
  inputShape: readonly number[];
  /** Omitted: the engine starts from zeros, as PyTorch does. */
  h0Shape?: readonly number[] | undefined;
  seed: number;
}

/** A fact about the result checked on the engine's numbers: `left` equals `right` up to `maxDifference`. */
export interface Identity {
  left: string;
  right: string;
  maxDifference: number;
}

/** What the engine built and produced. */
export type ForwardOutcome = {
  /** The engine's parameters: names, shapes and sizes. */
  parameters: { name: string; shape: number[]; count: number }[];
} & (
  | { ok: true; output: number[]; hN: number[]; identities: Identity[]; outputHead: number[] }
  | { ok: false; error: string }
);

function maxAbsDifference(a: Tensor, b: Tensor): number {
  return a.sub(b).abs().max().item();
}

/**
 * Where each direction's final state sits in output: the forward direction finishes at the last
 * step, the reverse direction at the first. Checked against h_n's entries for the last layer, and
 * against h_n.view(num_layers, D, N, H_out), the 4-D picture of h_n that PyTorch does not take as h_0.
 */
function finalStateIdentities(config: RnnConfig, output: Tensor, hN: Tensor, unbatched: boolean): Identity[] {
  const D = config.bidirectional ? 2 : 1;
  const H = config.hiddenSize;
  const layout = layoutOf(config.batchFirst, unbatched);
  // Sequence-first and batched: output (L, N, D·H), h_n (S, N, H).
  const out = unbatched ? output.unsqueeze(1) : config.batchFirst ? output.transpose(0, 1) : output;
  const h = unbatched ? hN.unsqueeze(1) : hN;
  const L = out.shape[0] ?? 1;
  const S = h.shape[0] ?? 1;
  const identities: Identity[] = [
    {
      left: outputAt(layout, -1, directionSlice(false, H, D)),
      right: hNAt(D === 2 ? -2 : -1),
      maxDifference: maxAbsDifference(out.select(0, L - 1).narrow(-1, 0, H), h.select(0, S - D)),
    },
  ];
  if (D === 2) {
    identities.push({
      left: outputAt(layout, 0, directionSlice(true, H, D)),
      right: hNAt(-1),
      maxDifference: maxAbsDifference(out.select(0, 0).narrow(-1, H, H), h.select(0, S - 1)),
    });
  }
  // h_n is 3-D, (D·num_layers, N, H_out); a view separates layers and directions, layers first.
  const N = h.shape[1] ?? 1;
  const separated = h.view([config.numLayers, D, N, H]);
  identities.push({
    left: `h_n.view(${[config.numLayers, D, ...(unbatched ? [] : [N]), H].join(', ')})[-1, 0]`,
    right: outputAt(layout, -1, directionSlice(false, H, D)),
    maxDifference: maxAbsDifference(separated.select(0, config.numLayers - 1).select(0, 0), out.select(0, L - 1).narrow(-1, 0, H)),
  });
  return identities;
}

/** Runs nn.RNN forward once in the engine, without gradients, in training mode as PyTorch starts. */
export const forwardJob: Job<ForwardRequest, never, ForwardOutcome> = async ({ config, inputShape, h0Shape, seed }) => {
  const rng = new Rng(seed);
  const { inputSize, hiddenSize, ...options } = config;
  const rnn = new nn.RNN(inputSize, hiddenSize, { ...options, rng });
  const parameters = rnn.namedParameters().map(([name, t]) => ({ name, shape: [...t.shape], count: t.numel() }));
  const input = randn([...inputShape], rng);
  const h0 = h0Shape === undefined ? undefined : randn([...h0Shape], rng);
  try {
    return noGrad(() => {
      const [output, hN] = rnn.forward(input, h0);
      const identities = finalStateIdentities(config, output, hN, inputShape.length === 2);
      return { parameters, ok: true, output: [...output.shape], hN: [...hN.shape], identities, outputHead: [...output.data.slice(0, 4)] };
    });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return { parameters, ok: false, error: e.message };
  }
};
