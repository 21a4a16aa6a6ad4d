import { describe, expect, it } from 'vitest';
import { RNN } from './rnn';
import { Rng } from '../random';
import { tensor, zeros } from '../create';
import { cat } from '../ops/shaping';
import { gradcheck, randomTensor } from '../testing/gradcheck';

describe('nn.RNN', () => {
  const [L, N, Hin, H] = [5, 3, 4, 6];

  describe('RNN() output shapes', () => {
    for (const numLayers of [1, 2, 3]) {
      for (const bidirectional of [false, true]) {
        for (const batchFirst of [false, true]) {
          for (const batched of [true, false]) {
            const D = bidirectional ? 2 : 1;
            it(`RNN() with numLayers ${numLayers}, bidirectional ${bidirectional}, batchFirst ${batchFirst}, ${batched ? 'batched' : 'unbatched'}`, () => {
              const rnn = new RNN(Hin, H, { numLayers, bidirectional, batchFirst, rng: new Rng(1) });
              const input = randomTensor(batched ? (batchFirst ? [N, L, Hin] : [L, N, Hin]) : [L, Hin], 2);
              const h0 = randomTensor(batched ? [D * numLayers, N, H] : [D * numLayers, H], 3);
              for (const [output, hN] of [rnn.forward(input), rnn.forward(input, h0)]) {
                expect(output.shape).toEqual(batched ? (batchFirst ? [N, L, D * H] : [L, N, D * H]) : [L, D * H]);
                expect(hN.shape).toEqual(batched ? [D * numLayers, N, H] : [D * numLayers, H]);
              }
            });
          }
        }
      }
    }
  });

  it('namedParameters() gives PyTorch names and shapes: nn.RNN(10, 20, 2) has 1,480 parameters', () => {
    const rnn = new RNN(10, 20, { numLayers: 2, rng: new Rng(1) });
    expect(rnn.namedParameters().map(([name, p]) => [name, p.shape])).toEqual([
      ['weight_ih_l0', [20, 10]], ['weight_hh_l0', [20, 20]], ['bias_ih_l0', [20]], ['bias_hh_l0', [20]],
      ['weight_ih_l1', [20, 20]], ['weight_hh_l1', [20, 20]], ['bias_ih_l1', [20]], ['bias_hh_l1', [20]],
    ]);
    expect(rnn.parameters().reduce((n, p) => n + p.numel(), 0)).toBe(1480);
  });

  it('namedParameters() of a bidirectional RNN adds _reverse: 3,760 parameters', () => {
    const rnn = new RNN(10, 20, { numLayers: 2, bidirectional: true, rng: new Rng(1) });
    expect(rnn.namedParameters().map(([name, p]) => `${name} ${p.shape.join('x')}`)).toEqual([
      'weight_ih_l0 20x10', 'weight_hh_l0 20x20', 'bias_ih_l0 20', 'bias_hh_l0 20',
      'weight_ih_l0_reverse 20x10', 'weight_hh_l0_reverse 20x20', 'bias_ih_l0_reverse 20', 'bias_hh_l0_reverse 20',
      'weight_ih_l1 20x40', 'weight_hh_l1 20x20', 'bias_ih_l1 20', 'bias_hh_l1 20',
      'weight_ih_l1_reverse 20x40', 'weight_hh_l1_reverse 20x20', 'bias_ih_l1_reverse 20', 'bias_hh_l1_reverse 20',
    ]);
    expect(rnn.parameters().reduce((n, p) => n + p.numel(), 0)).toBe(3760);
  });

  it('RNN() without bias has only weights', () => {
    const rnn = new RNN(3, 4, { bias: false, rng: new Rng(1) });
    expect(rnn.namedParameters().map(([name]) => name)).toEqual(['weight_ih_l0', 'weight_hh_l0']);
  });

  it("RNN() initialises every parameter from U(-1/sqrt(H), 1/sqrt(H)), PyTorch's default", () => {
    const rnn = new RNN(30, 25, { numLayers: 2, rng: new Rng(5) });
    const values = rnn.parameters().flatMap((p) => [...p.data]);
    const bound = 1 / 5;
    expect(Math.max(...values.map(Math.abs))).toBeLessThanOrEqual(bound);
    expect(Math.max(...values)).toBeGreaterThan(0.98 * bound);
    const variance = values.reduce((s, v) => s + v * v, 0) / values.length;
    expect(variance).toBeCloseTo(bound ** 2 / 3, 3);
  });

  it('RNN() computes one tanh step by hand: h1 = tanh(W_ih x + b_ih + W_hh h0 + b_hh)', () => {
    const rnn = new RNN(2, 2, { rng: new Rng(1), dtype: 'float64' });
    const [wih, whh, bih, bhh] = rnn.parameters();
    wih!.data.set([1, 0, 0.5, -1]);
    whh!.data.set([0, 1, 1, 0]);
    bih!.data.set([0, 0.1]);
    bhh!.data.set([0.2, 0]);
    const x = tensor([[[1, 2]]], { dtype: 'float64' });
    const h0 = tensor([[[0.5, -0.5]]], { dtype: 'float64' });
    // Pre-activations by hand: [1 + 0 - 0.5 + 0.2, -1.5 + 0.1 + 0.5 + 0] = [0.7, -0.9].
    const [output, hN] = rnn.forward(x, h0);
    expect(output.data[0]).toBeCloseTo(Math.tanh(0.7), 14);
    expect(output.data[1]).toBeCloseTo(Math.tanh(-0.9), 14);
    expect(hN.toArray()).toEqual(output.toArray());
  });

  it("RNN() with nonlinearity 'relu' clips the same pre-activations at 0", () => {
    const rnn = new RNN(1, 1, { nonlinearity: 'relu', rng: new Rng(1), dtype: 'float64' });
    const [wih, whh, bih, bhh] = rnn.parameters();
    [wih, whh, bih, bhh].forEach((p, i) => p!.data.set([[0.5], [-1], [0.1], [0.2]][i]!));
    // Step 1: 0.5 * 2 + 0.1 - 1 * 1 + 0.2 = 0.3; step 2: 0.5 * -3 + 0.1 - 0.3 + 0.2 = -1.5 -> 0.
    const [output] = rnn.forward(tensor([[[2]], [[-3]]], { dtype: 'float64' }), tensor([[[1]]], { dtype: 'float64' }));
    expect(output.data[0]).toBeCloseTo(0.3, 14);
    expect(output.data[1]).toBe(0);
  });

  it('RNN() with batchFirst gives the transposed result of the same network', () => {
    const a = new RNN(Hin, H, { numLayers: 2, rng: new Rng(3) });
    const b = new RNN(Hin, H, { numLayers: 2, batchFirst: true, rng: new Rng(3) });
    const x = randomTensor([L, N, Hin], 4).to('float32');
    const [outA, hA] = a.forward(x);
    const [outB, hB] = b.forward(x.transpose(0, 1));
    expect(outB.transpose(0, 1).toArray()).toEqual(outA.toArray());
    expect(hB.toArray()).toEqual(hA.toArray());
  });

  it('RNN() bidirectional: the reverse half of output[0] and the forward half of output[L-1] are the final states', () => {
    const rnn = new RNN(Hin, H, { bidirectional: true, rng: new Rng(3) });
    const [output, hN] = rnn.forward(randomTensor([L, N, Hin], 4).to('float32'));
    expect(output.select(0, L - 1).narrow(-1, 0, H).toArray()).toEqual(hN.select(0, 0).toArray());
    expect(output.select(0, 0).narrow(-1, H, H).toArray()).toEqual(hN.select(0, 1).toArray());
  });

  it('RNN() unbatched input gives the batched result with the batch removed', () => {
    const rnn = new RNN(Hin, H, { numLayers: 2, bidirectional: true, rng: new Rng(3) });
    const x = randomTensor([L, Hin], 4).to('float32');
    const [output, hN] = rnn.forward(x);
    const [outputBatched, hNBatched] = rnn.forward(x.unsqueeze(1));
    expect(output.toArray()).toEqual(outputBatched.squeeze(1).toArray());
    expect(hN.toArray()).toEqual(hNBatched.squeeze(1).toArray());
  });

  it('RNN() gradients for input, h0 and every parameter match finite differences (2 layers, bidirectional)', () => {
    const rnn = new RNN(3, 2, { numLayers: 2, bidirectional: true, batchFirst: true, rng: new Rng(9), dtype: 'float64' });
    const x = randomTensor([2, 4, 3], 1);
    const h0 = randomTensor([4, 2, 2], 2);
    const f = () => {
      const [output, hN] = rnn.forward(x, h0);
      return cat([output.reshape([-1]), hN.reshape([-1])]);
    };
    expect(gradcheck(f, [x, h0, ...rnn.parameters()])).toBeLessThanOrEqual(1e-6);
  });

  it('RNN() applies dropout between layers only in training mode', () => {
    const rnn = new RNN(Hin, H, { numLayers: 2, dropout: 0.5, rng: new Rng(3) });
    const x = randomTensor([L, N, Hin], 4).to('float32');
    const [train1] = rnn.forward(x);
    const [train2] = rnn.forward(x);
    expect(train1.toArray()).not.toEqual(train2.toArray());
    rnn.eval();
    expect(rnn.forward(x)[0].toArray()).toEqual(rnn.forward(x)[0].toArray());
    const single = new RNN(Hin, H, { dropout: 0.5, rng: new Rng(3) });
    expect(single.forward(x)[0].toArray()).toEqual(single.forward(x)[0].toArray());
  });

  it("RNN() reports input and hidden shape errors in PyTorch's words", () => {
    const rnn = new RNN(Hin, H, { numLayers: 2, rng: new Rng(1) });
    expect(() => rnn.forward(zeros([L, N, 5]))).toThrow('input.size(-1) must be equal to input_size. Expected 4, got 5');
    expect(() => rnn.forward(zeros([N, Hin]).reshape([1, 1, N, Hin]))).toThrow('RNN: Expected input to be 2D or 3D, got 4D tensor instead');
    expect(() => rnn.forward(zeros([L, N, Hin]), zeros([1, N, H]))).toThrow('Expected hidden size (2, 3, 6), got [1, 3, 6]');
    expect(() => rnn.forward(zeros([L, N, Hin]), zeros([2, H]))).toThrow('For batched 3-D input, hx should also be 3-D but got 2-D tensor');
    expect(() => rnn.forward(zeros([L, Hin]), zeros([2, 1, H]))).toThrow('For unbatched 2-D input, hx should also be 2-D but got 3-D tensor');
    // PyTorch inserts the batch of 1 before comparing, and says so.
    expect(() => rnn.forward(zeros([L, Hin]), zeros([1, H]))).toThrow('Expected hidden size (2, 1, 6), got [1, 1, 6]');
    expect(rnn.forward(zeros([L, Hin]), zeros([2, H]))[1].shape).toEqual([2, H]);
  });
});
