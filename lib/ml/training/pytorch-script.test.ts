import { describe, expect, it } from 'vitest';
import { base64OfArray } from '../../common';
import type { TrainConfig } from './config';
import { taskData } from './data';
import { DEEP_RELU_HE, DEEP_SIGMOID, EXPLODING_MLP, EXPLODING_RNN } from './presets';
import { trainingScript, type TrainingScriptOptions } from './pytorch-script';

const OPTIONS: TrainingScriptOptions = { title: 'Vanishing gradients, run A', steps: 3000, evalEvery: 25 };
const script = (config: TrainConfig, options: TrainingScriptOptions = OPTIONS): string => trainingScript(config, options);
const count = (text: string, part: string): number => text.split(part).length - 1;

describe('trainingScript()', () => {
  it('writes the whole script: header, imports, model, optimizer, loss, loop and data, ending by calling main()', () => {
    const s = script(DEEP_SIGMOID);
    expect(s.startsWith('"""\nNeural Notebook: Vanishing gradients, run A, as a PyTorch script')).toBe(true);
    expect(s).toContain('import torch\n');
    expect(s).toContain('match the widget\'s in shape, not digit for digit');
    expect(s).toContain('STEPS = 3000');
    expect(s).toContain('EVAL_EVERY = 25');
    expect(s).toContain('BATCH_SIZE = 32');
    expect(s).toContain('torch.manual_seed(1)');
    expect(s.trimEnd().endsWith("if __name__ == '__main__':\n    main()")).toBe(true);
  });

  it('builds the MLP as nn.Sequential: depth hidden Linear layers of width units, each with its activation, and a Linear head', () => {
    const s = script(DEEP_SIGMOID);
    expect(s).toContain('nn.Linear(2, 32), nn.Sigmoid(),');
    expect(count(s, 'nn.Linear(32, 32), nn.Sigmoid(),')).toBe(9);
    expect(s).toContain('nn.Linear(32, 1),\n    )');
    expect(script({ ...DEEP_SIGMOID, activation: 'tanh', depth: 2, width: 8 })).toContain('nn.Linear(2, 8), nn.Tanh(),\n        nn.Linear(8, 8), nn.Tanh(),\n        nn.Linear(8, 1),');
    expect(script({ ...DEEP_SIGMOID, activation: 'leakyRelu' })).toContain('nn.LeakyReLU()'); // negative_slope 0.01 is PyTorch's default
    expect(script({ ...EXPLODING_MLP, depth: 1 })).toContain('nn.Linear(20, 64), nn.ReLU(),\n        nn.Linear(64, 1),');
  });

  it('initialises as init.ts does: default, Xavier with its gain, He, zeros; the weight scale; the output layer and its bias', () => {
    const plain = script(DEEP_SIGMOID);
    expect(plain).toContain("# Initialisation: PyTorch's default");
    expect(plain).not.toContain('nn.init.');
    const xavier = script({ ...DEEP_SIGMOID, init: 'xavier', gain: 5 / 3 });
    expect(xavier).toContain(`nn.init.xavier_uniform_(layer.weight, gain=${5 / 3})`);
    expect(xavier).toContain('nn.init.xavier_uniform_(output.weight)');
    const he = script(EXPLODING_MLP);
    expect(he).toContain("nn.init.kaiming_normal_(layer.weight, nonlinearity='relu')");
    expect(he).toContain('layer.weight.mul_(2.0)');
    expect(script({ ...DEEP_SIGMOID, initScale: 0.5 })).toContain('layer.weight.mul_(0.5)');
    const zeros = script({ ...DEEP_SIGMOID, init: 'zeros', initScale: 3 });
    expect(zeros).toContain('nn.init.zeros_(layer.weight)');
    expect(zeros).toContain('nn.init.zeros_(output.weight)');
    expect(zeros).not.toContain('mul_'); // zeros are not scaled
    expect(script({ ...DEEP_SIGMOID, outputBias: -8 })).toContain('output.bias.fill_(-8.0)');
  });

  it('writes the optimizer with its learning rate: SGD, SGD with momentum 0.9, Adam', () => {
    expect(script(DEEP_SIGMOID)).toContain('torch.optim.SGD(model.parameters(), lr=0.1)');
    expect(script({ ...DEEP_SIGMOID, optimizer: 'momentum', lr: 0.03 })).toContain('torch.optim.SGD(model.parameters(), lr=0.03, momentum=0.9)');
    expect(script({ ...DEEP_SIGMOID, optimizer: 'adam', lr: 0.001 })).toContain('torch.optim.Adam(model.parameters(), lr=0.001)');
  });

  it('writes the loss the config says: BCE with logits, squared error of the sigmoid, MSE for regression and sequences', () => {
    expect(script(DEEP_SIGMOID)).toContain('loss_fn = nn.BCEWithLogitsLoss()');
    expect(script({ ...DEEP_SIGMOID, outputLoss: 'squaredError' })).toContain('return F.mse_loss(torch.sigmoid(logits), y)');
    const regression = script(EXPLODING_MLP);
    expect(regression).toContain('loss_fn = nn.MSELoss()');
    expect(regression).not.toContain('accuracy');
  });

  it('clips as each mode means: by value, by global norm, each tensor by its own norm, or not at all', () => {
    expect(script(EXPLODING_MLP)).not.toContain('utils.clip_grad');
    expect(script({ ...EXPLODING_MLP, clip: { mode: 'value', threshold: 0.5 } })).toContain('torch.nn.utils.clip_grad_value_(model.parameters(), 0.5)');
    expect(script({ ...EXPLODING_MLP, clip: { mode: 'norm', threshold: 1 } })).toContain('torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)');
    const tensor = script({ ...EXPLODING_MLP, clip: { mode: 'tensor', threshold: 2 } });
    expect(tensor).toContain('if tensor_norm > 2.0:');
    expect(tensor).toContain('p.grad.mul_(2.0 / (tensor_norm + 1e-6))');
  });

  it('writes the RNN as nn.RNN(1, width, num_layers=depth, relu, batch_first) with a head on the last step, recurrent weights N(0, (scale/√width)²)', () => {
    const s = script({ ...EXPLODING_RNN, depth: 2 });
    expect(s).toContain("self.rnn = nn.RNN(1, 32, num_layers=2, nonlinearity='relu', batch_first=True)");
    expect(s).toContain('self.head = nn.Linear(32, 1)');
    expect(s).toContain('return self.head(output[:, -1])');
    expect(s).toContain('nn.init.normal_(p, 0.0, 2.0 / 32 ** 0.5)');
    expect(s).toContain('.reshape(-1, 30, 1)');
  });

  it('embeds the run\'s own data, from its seed, as base64 float32', () => {
    const { train, test } = taskData(DEEP_SIGMOID.task, DEEP_SIGMOID.seed);
    const s = script(DEEP_SIGMOID);
    expect(s).toContain(`X_TRAIN = '${base64OfArray(train.x)}'`);
    expect(s).toContain(`Y_TEST = '${base64OfArray(test.y)}'`);
    expect(script({ ...DEEP_SIGMOID, seed: 2 })).not.toContain(base64OfArray(train.x));
  });

  it('caps the batch at the training set, as the Trainer does', () => {
    expect(script({ ...DEEP_SIGMOID, batchSize: 5000 })).toContain('BATCH_SIZE = 800');
  });

  it('with a replay, embeds the initial weights and the minibatches, trains in float64 and prints figures in full', () => {
    const s = script(DEEP_RELU_HE, { ...OPTIONS, replay: { parameters: [Float64Array.of(1, 2)], batches: [[3, 1], [0, 2]] } });
    expect(s).toContain('torch.set_default_dtype(torch.float64)');
    expect(s).toContain(`INITIAL_WEIGHTS = [\n    '${base64OfArray(Float64Array.of(1, 2))}',\n]`);
    expect(s).toContain(`BATCHES = '${base64OfArray(Int32Array.of(3, 1, 0, 2))}'`);
    expect(s).toContain('{train_loss!r}');
    expect(s).not.toContain('torch.manual_seed');
  });

  it.each([
    [{ ...DEEP_SIGMOID, lr: 0 }, 'lr: expected a finite learning rate above 0, got 0'],
    [{ ...DEEP_SIGMOID, width: 2.5 }, 'width: expected a whole number of units ≥ 1, got 2.5'],
    [{ ...DEEP_SIGMOID, batchSize: 0 }, 'batchSize: expected a whole number ≥ 1, got 0'],
    [{ ...DEEP_SIGMOID, activation: 'gelu' }, "activation: expected one of sigmoid, tanh, relu, leakyRelu, got \"gelu\""],
    [{ ...DEEP_SIGMOID, init: 'orthogonal' }, 'init: expected one of default, xavier, he, zeros, got "orthogonal"'],
    [{ ...DEEP_SIGMOID, optimizer: 'rmsprop' }, 'optimizer: expected one of sgd, momentum, adam, got "rmsprop"'],
    [{ ...DEEP_SIGMOID, clip: { mode: 'norm', threshold: -1 } }, 'clip.threshold: expected a finite number above 0, got -1'],
    [{ ...DEEP_SIGMOID, initScale: Infinity }, 'initScale: expected a finite number ≥ 0, got Infinity'],
    [{ ...DEEP_SIGMOID, gain: 0 }, 'gain: expected a finite number above 0, got 0'],
    [{ ...DEEP_SIGMOID, outputBias: NaN }, 'outputBias: expected a finite number, got NaN'],
    [{ ...EXPLODING_RNN, depth: 0 }, 'depth: expected a whole number of layers ≥ 1, got 0'],
    [{ ...DEEP_SIGMOID, task: { ...DEEP_SIGMOID.task, dataset: 'iris' } }, 'task.dataset: expected one of circles, moons, spiral, xor, own, got "iris"'],
    [{ ...DEEP_SIGMOID, task: { kind: 'classification', dataset: 'own', n: 3, points: [[0, 0, 0], [1, Number.NaN, 1]] } }, 'task.points: expected 3 points of finite x1, x2 and a class 0 or 1, got 2'],
  ])('refuses a bad config, saying what it expected and what it got (%#)', (config, message) => {
    expect(() => script(config as TrainConfig)).toThrow(`trainingScript: ${message}`);
  });

  it('refuses bad options', () => {
    expect(() => script(DEEP_SIGMOID, { ...OPTIONS, steps: 0 })).toThrow('trainingScript: expected steps, a whole number ≥ 1, got 0');
    expect(() => script(DEEP_SIGMOID, { ...OPTIONS, evalEvery: 1.5 })).toThrow('trainingScript: expected evalEvery, a whole number ≥ 1, got 1.5');
    expect(() => script(DEEP_SIGMOID, { ...OPTIONS, replay: { parameters: [], batches: [[1, 2], [3]] } })).toThrow('same size');
  });
});
