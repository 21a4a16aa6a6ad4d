/** nn.RNN: Elman recurrent network with PyTorch's exact semantics, parameter names and initialisation. */
import { Module } from './module';
import { uniform } from './init';
import { linear } from '../ops/linalg';
import { relu, tanh, dropout } from '../ops/activations';
import { cat, stack } from '../ops/shaping';
import { zeros } from '../create';
import { formatShape, sameShape } from '../shape';
import type { Tensor } from '../tensor';
import type { Rng } from '../random';
import type { DType } from '../storage';

/** RNN options (PyTorch's defaults: 1 layer, tanh, bias, sequence-first, no dropout, one direction). */
export interface RNNOptions {
  /** Draws the initial weights and the dropout masks. */
  readonly rng: Rng;
  readonly numLayers?: number;
  readonly nonlinearity?: 'tanh' | 'relu';
  readonly bias?: boolean;
  /** Input and output as (N, L, *) instead of (L, N, *). h0 and h_n are not affected. */
  readonly batchFirst?: boolean;
  /** Dropout probability on the outputs of every layer but the last, in training mode. */
  readonly dropout?: number;
  readonly bidirectional?: boolean;
  readonly dtype?: DType;
}

/**
 * Multi-layer Elman RNN: h_t = act(x_t W_ih^T + b_ih + h_(t-1) W_hh^T + b_hh), act tanh or relu.
 * Symbols: N = batch, L = sequence length, H_in = inputSize, H_out = hiddenSize,
 * D = 2 if bidirectional else 1.
 * Shapes: input (L, N, H_in), or (N, L, H_in) with batchFirst, or (L, H_in) unbatched;
 * h0 (D * numLayers, N, H_out) or (D * numLayers, H_out) unbatched, zeros if omitted.
 * forward returns [output, h_n]: output (L, N, D * H_out) (batchFirst: (N, L, D * H_out);
 * unbatched: (L, D * H_out)) holds the last layer's h_t for every t, both directions concatenated;
 * h_n (D * numLayers, N, H_out) the final hidden state of every layer and direction.
 * Parameters, for layer k and suffix '' or '_reverse': weight_ih_l{k} (H_out, H_in) for k = 0,
 * else (H_out, D * H_out); weight_hh_l{k} (H_out, H_out); bias_ih_l{k}, bias_hh_l{k} (H_out); all
 * initialised from U(-1/sqrt(H_out), 1/sqrt(H_out)) as in PyTorch.
 */
export class RNN extends Module<[input: Tensor, h0?: Tensor], [Tensor, Tensor]> {
  readonly numLayers: number;
  readonly nonlinearity: 'tanh' | 'relu';
  readonly batchFirst: boolean;
  readonly dropout: number;
  readonly bidirectional: boolean;
  readonly #rng: Rng;
  /** Per layer, per direction: [weight_ih, weight_hh, bias_ih | null, bias_hh | null]. */
  readonly #weights: [Tensor, Tensor, Tensor | null, Tensor | null][][] = [];

  /** An RNN from inputSize features to hiddenSize, initialised from options.rng. */
  constructor(readonly inputSize: number, readonly hiddenSize: number, options: RNNOptions) {
    super();
    this.numLayers = options.numLayers ?? 1;
    this.nonlinearity = options.nonlinearity ?? 'tanh';
    this.batchFirst = options.batchFirst ?? false;
    this.dropout = options.dropout ?? 0;
    this.bidirectional = options.bidirectional ?? false;
    this.#rng = options.rng;
    const bias = options.bias ?? true;
    const dtype = options.dtype === undefined ? {} : { dtype: options.dtype };
    const D = this.bidirectional ? 2 : 1;
    const bound = 1 / Math.sqrt(hiddenSize);
    const param = (name: string, shape: number[]): Tensor =>
      uniform(this.registerParameter(name, zeros(shape, dtype)), options.rng, -bound, bound);
    for (let k = 0; k < this.numLayers; k++) {
      const layer: [Tensor, Tensor, Tensor | null, Tensor | null][] = [];
      for (let d = 0; d < D; d++) {
        const suffix = `_l${k}${d === 1 ? '_reverse' : ''}`;
        layer.push([
          param(`weight_ih${suffix}`, [hiddenSize, k === 0 ? inputSize : D * hiddenSize]),
          param(`weight_hh${suffix}`, [hiddenSize, hiddenSize]),
          bias ? param(`bias_ih${suffix}`, [hiddenSize]) : null,
          bias ? param(`bias_hh${suffix}`, [hiddenSize]) : null,
        ]);
      }
      this.#weights.push(layer);
    }
  }

  /** Runs the whole sequence; returns [output, h_n] (shapes in the class comment). */
  forward(input: Tensor, h0?: Tensor): [Tensor, Tensor] {
    const D = this.bidirectional ? 2 : 1;
    // PyTorch's checks, in its order and its words.
    const dims = input.ndim;
    if (dims !== 2 && dims !== 3) throw new RangeError(`RNN: Expected input to be 2D or 3D, got ${dims}D tensor instead`);
    const unbatched = dims === 2;
    if (h0 !== undefined && h0.ndim !== dims) {
      const which = unbatched ? 'For unbatched 2-D input, hx should also be 2-D' : 'For batched 3-D input, hx should also be 3-D';
      throw new RangeError(`${which} but got ${h0.ndim}-D tensor`);
    }
    if (input.shape[dims - 1] !== this.inputSize) {
      throw new RangeError(`input.size(-1) must be equal to input_size. Expected ${this.inputSize}, got ${input.shape[dims - 1]}`);
    }
    // Work sequence-first and batched: x (L, N, H_in), h (S, N, H_out), as PyTorch does.
    const x = unbatched ? input.unsqueeze(1) : this.batchFirst ? input.transpose(0, 1) : input;
    const [L, N] = x.shape as [number, number, number];
    const expected = [D * this.numLayers, N, this.hiddenSize];
    const h = h0 === undefined ? zeros(expected, { dtype: x.dtype }) : unbatched ? h0.unsqueeze(1) : h0;
    if (!sameShape(h.shape, expected)) throw new RangeError(`Expected hidden size (${expected.join(', ')}), got ${formatShape(h.shape)}`);
    const act = this.nonlinearity === 'tanh' ? tanh : relu;
    let steps: Tensor[] = Array.from({ length: L }, (_, t) => x.select(0, t));
    const finals: Tensor[] = [];
    this.#weights.forEach((layer, k) => {
      const outputs = layer.map(([wih, whh, bih, bhh], d) => {
        let ht = h.select(0, k * D + d);
        const out = new Array<Tensor>(L);
        for (let i = 0; i < L; i++) {
          const t = d === 0 ? i : L - 1 - i;
          ht = act(linear(steps[t]!, wih, bih).add(linear(ht, whh, bhh)));
          out[t] = ht;
        }
        finals.push(ht);
        return out;
      });
      steps = D === 1 ? outputs[0]! : steps.map((_, t) => cat([outputs[0]![t]!, outputs[1]![t]!], -1));
      if (this.dropout > 0 && this.training && k < this.numLayers - 1) {
        steps = steps.map((s) => dropout(s, this.dropout, { rng: this.#rng }));
      }
    });
    const output = stack(steps, 0);
    const hN = stack(finals, 0);
    if (unbatched) return [output.squeeze(1), hN.squeeze(1)];
    return [this.batchFirst ? output.transpose(0, 1) : output, hN];
  }
}
