/**
 * "Copy as PyTorch" for the gradient lessons' runs: a TrainConfig written out as a complete Python
 * script that trains the same network on the same data with real PyTorch (1.13 or later) and prints
 * the loss and accuracy at the steps the widget charts them.
 *
 * The data are the run's own points, embedded at the end of the script as base64 float32 (our
 * seeded generator cannot be repeated by PyTorch's). The initial weights and the minibatch order
 * are PyTorch's own draws, so a copied script's curves match the widget's in shape, not digit for
 * digit. A test can pass a `replay` (the engine's initial weights and minibatches, in float64):
 * then the script repeats the engine's run to float64 precision.
 */
import { base64OfArray, pythonFloat, pythonStr } from '../../common';
import { layerToPython } from '../layer-stack';
import type { TrainConfig } from './config';
import { taskData } from './data';
import { mlpSpec } from './from-config';
import type { StackLayer } from './spec';

/** The engine's initial state and minibatch order, embedded so that the script repeats the engine's run exactly. */
export interface TrainingReplay {
  /** Every parameter's initial values, flattened, in model.parameters() order (PyTorch's and the engine's agree). */
  readonly parameters: readonly Float64Array[];
  /** The training rows of each update, in order, every one the same length; the script stops when they run out (as where the engine's run diverged). */
  readonly batches: readonly (readonly number[])[];
}

/** What the script is called and how long it trains. */
export interface TrainingScriptOptions {
  /** The run in words, for the script's first line: "Vanishing gradients, run A". */
  readonly title: string;
  /** Updates to run (the widget's maxSteps). */
  readonly steps: number;
  /** Evaluate on the whole train and test sets every this many updates (the widget's evalEvery). */
  readonly evalEvery: number;
  /** Embed the engine's initial weights and minibatches, train in float64 and print every figure in full. */
  readonly replay?: TrainingReplay;
}

const ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'leakyRelu'];
const INITS = ['default', 'xavier', 'he', 'zeros'];
const OPTIMIZERS = ['sgd', 'momentum', 'adam'];
const CLIPS = ['none', 'value', 'norm', 'tensor'];
const DATASETS = ['circles', 'moons', 'spiral', 'xor', 'own'];

const isCount = (v: number, min: number): boolean => Number.isInteger(v) && v >= min;

/** Why `config` cannot be written as a script (what was expected, what was got), or null. */
export function trainConfigProblem(config: TrainConfig): string | null {
  const { task } = config;
  const checks: [boolean, string][] = [
    [task.kind === 'classification' || task.kind === 'regression' || task.kind === 'sequence', `task.kind: expected 'classification', 'regression' or 'sequence', got ${JSON.stringify(task.kind)}`],
    [isCount(task.n, 2), `task.n: expected a whole number of examples ≥ 2, got ${task.n}`],
    [task.kind !== 'classification' || DATASETS.includes(task.dataset), `task.dataset: expected one of ${DATASETS.join(', ')}, got ${JSON.stringify(task.kind === 'classification' ? task.dataset : '')}`],
    [
      task.kind !== 'classification' || task.dataset !== 'own' || (task.points.length === task.n && task.points.every(([a, b, k]) => Number.isFinite(a) && Number.isFinite(b) && (k === 0 || k === 1))),
      `task.points: expected ${task.n} points of finite x1, x2 and a class 0 or 1, got ${task.kind === 'classification' && task.dataset === 'own' ? task.points.length : 0}`,
    ],
    [task.kind !== 'regression' || isCount(task.features, 1), `task.features: expected a whole number ≥ 1, got ${task.kind === 'regression' ? task.features : ''}`],
    [task.kind !== 'sequence' || isCount(task.seqLen, 1), `task.seqLen: expected a whole number ≥ 1, got ${task.kind === 'sequence' ? task.seqLen : ''}`],
    [isCount(config.seed, 0), `seed: expected a whole number ≥ 0, got ${config.seed}`],
    [isCount(config.depth, task.kind === 'sequence' ? 1 : 0), `depth: expected a whole number of layers ≥ ${task.kind === 'sequence' ? 1 : 0}, got ${config.depth}`],
    [isCount(config.width, 1), `width: expected a whole number of units ≥ 1, got ${config.width}`],
    [ACTIVATIONS.includes(config.activation), `activation: expected one of ${ACTIVATIONS.join(', ')}, got ${JSON.stringify(config.activation)}`],
    [INITS.includes(config.init), `init: expected one of ${INITS.join(', ')}, got ${JSON.stringify(config.init)}`],
    [config.gain === undefined || (Number.isFinite(config.gain) && config.gain > 0), `gain: expected a finite number above 0, got ${config.gain}`],
    [Number.isFinite(config.initScale) && config.initScale >= 0, `initScale: expected a finite number ≥ 0, got ${config.initScale}`],
    [Number.isFinite(config.lr) && config.lr > 0, `lr: expected a finite learning rate above 0, got ${config.lr}`],
    [OPTIMIZERS.includes(config.optimizer), `optimizer: expected one of ${OPTIMIZERS.join(', ')}, got ${JSON.stringify(config.optimizer)}`],
    [isCount(config.batchSize, 1), `batchSize: expected a whole number ≥ 1, got ${config.batchSize}`],
    [CLIPS.includes(config.clip.mode), `clip.mode: expected one of ${CLIPS.join(', ')}, got ${JSON.stringify(config.clip.mode)}`],
    [config.clip.mode === 'none' || (Number.isFinite(config.clip.threshold) && config.clip.threshold > 0), `clip.threshold: expected a finite number above 0, got ${config.clip.threshold}`],
    [config.outputLoss === undefined || config.outputLoss === 'crossEntropy' || config.outputLoss === 'squaredError', `outputLoss: expected 'crossEntropy' or 'squaredError', got ${JSON.stringify(config.outputLoss)}`],
    [config.outputBias === undefined || Number.isFinite(config.outputBias), `outputBias: expected a finite number, got ${config.outputBias}`],
  ];
  return checks.find(([ok]) => !ok)?.[1] ?? null;
}

function checkOptions(options: TrainingScriptOptions): void {
  if (!isCount(options.steps, 1)) throw new RangeError(`trainingScript: expected steps, a whole number ≥ 1, got ${options.steps}`);
  if (!isCount(options.evalEvery, 1)) throw new RangeError(`trainingScript: expected evalEvery, a whole number ≥ 1, got ${options.evalEvery}`);
  const batches = options.replay?.batches;
  if (batches && batches.some((b) => b.length !== batches[0]?.length)) throw new RangeError('trainingScript: expected every minibatch of the replay to have the same size');
}

/** The model, in PyTorch: nn.Sequential for an MLP, a small nn.Module for the RNN reader. */
function modelCode(config: TrainConfig, inputs: number): string {
  if (config.task.kind === 'sequence') {
    return `class LastStepRegressor(nn.Module):
    """nn.RNN reads the sequence one number at a time; a Linear layer reads its last hidden state."""

    def __init__(self):
        super().__init__()
        self.rnn = nn.RNN(1, ${config.width}, num_layers=${config.depth}, nonlinearity='relu', batch_first=True)
        self.head = nn.Linear(${config.width}, 1)

    def forward(self, x):  # x: (N, L, 1)
        output, h_n = self.rnn(x)  # output: (N, L, ${config.width})
        return self.head(output[:, -1])  # the last step's hidden state -> (N, 1)


def build_model():
    model = LastStepRegressor()
    # The recurrent weights start at N(0, (scale / sqrt(hidden_size))^2): their spectral radius is
    # about scale (${pythonFloat(config.initScale)} here), so above 1 signals and gradients grow step by step.
    # Everything else keeps PyTorch's default initialisation.
    with torch.no_grad():
        for name, p in model.rnn.named_parameters():
            if name.startswith('weight_hh'):
                nn.init.normal_(p, 0.0, ${pythonFloat(config.initScale)} / ${config.width} ** 0.5)
    return model`;
  }
  const layers = mlpSpec(config, inputs).layers as readonly StackLayer[];
  const lines: string[] = [];
  for (let i = 0; i < layers.length; i++) {
    const layer = layers[i];
    const next = layers[i + 1];
    if (!layer) continue;
    if (layer.type === 'Linear' && next && next.type !== 'Linear') {
      lines.push(`${layerToPython(layer)}, ${layerToPython(next)},`);
      i++;
    } else lines.push(`${layerToPython(layer)},`);
  }
  return `def build_model():
    model = nn.Sequential(
${lines.map((l) => `        ${l}`).join('\n')}
    )
${initCode(config)}
    return model`;
}

/** The initialisation as init.ts does it: the hidden layers by the scheme (then scaled), the output layer by its own rule. */
function initCode(config: TrainConfig): string {
  const scale = config.initScale;
  const scaled = scale === 1 ? [] : [`layer.weight.mul_(${pythonFloat(scale)})  # the widget's "initial weight scale"`];
  const hidden: string[] = [];
  switch (config.init) {
    case 'default':
      break;
    case 'xavier':
      hidden.push(`nn.init.xavier_uniform_(layer.weight, gain=${pythonFloat(config.gain ?? 1)})`, 'nn.init.zeros_(layer.bias)');
      break;
    case 'he':
      hidden.push(`nn.init.kaiming_normal_(layer.weight, nonlinearity='relu')  # fan_in`, 'nn.init.zeros_(layer.bias)');
      break;
    case 'zeros':
      hidden.push('nn.init.zeros_(layer.weight)', 'nn.init.zeros_(layer.bias)');
      break;
  }
  if (config.init !== 'zeros') hidden.push(...scaled);
  const output: string[] = [];
  if (config.init === 'zeros') output.push('nn.init.zeros_(output.weight)', 'nn.init.zeros_(output.bias)');
  else if (config.init !== 'default') output.push('nn.init.xavier_uniform_(output.weight)  # the output layer has no activation: Xavier, gain 1, not scaled', 'nn.init.zeros_(output.bias)');
  if (config.outputBias !== undefined) output.push(`output.bias.fill_(${pythonFloat(config.outputBias)})  # the "bad start": every point starts on one side`);
  const describe: Record<TrainConfig['init'], string> = {
    default: "PyTorch's default for nn.Linear, U(-1/sqrt(fan_in), 1/sqrt(fan_in)) for weight and bias",
    xavier: 'Xavier (Glorot) uniform, biases zero',
    he: 'He (Kaiming) normal for ReLU, biases zero',
    zeros: 'every weight and bias zero (nothing breaks the symmetry between units)',
  };
  if (hidden.length === 0 && output.length === 0) return `    # Initialisation: ${describe.default}.`;
  const body = [
    `    # Initialisation of the hidden layers: ${describe[config.init]}.`,
    '    output = model[-1]',
    '    with torch.no_grad():',
    ...(hidden.length > 0 ? ['        for layer in model[:-1]:', '            if isinstance(layer, nn.Linear):', ...hidden.map((l) => `                ${l}`)] : []),
    ...output.map((l) => `        ${l}`),
  ];
  return body.join('\n');
}

function optimizerCode(config: TrainConfig): string {
  const lr = pythonFloat(config.lr);
  switch (config.optimizer) {
    case 'sgd':
      return `torch.optim.SGD(model.parameters(), lr=${lr})`;
    case 'momentum':
      return `torch.optim.SGD(model.parameters(), lr=${lr}, momentum=0.9)`;
    case 'adam':
      return `torch.optim.Adam(model.parameters(), lr=${lr})`;
  }
}

function lossCode(config: TrainConfig): string {
  if (config.task.kind !== 'classification') return 'loss_fn = nn.MSELoss()';
  if (config.outputLoss === 'squaredError') {
    return `def loss_fn(logits, y):
    """Squared error of the sigmoid's output: its gradient fades where the sigmoid saturates."""
    return F.mse_loss(torch.sigmoid(logits), y)`;
  }
  return 'loss_fn = nn.BCEWithLogitsLoss()  # binary cross-entropy on one logit per point';
}

function clipCode(config: TrainConfig): string[] {
  const t = pythonFloat(config.clip.threshold);
  switch (config.clip.mode) {
    case 'none':
      return [];
    case 'value':
      return [`torch.nn.utils.clip_grad_value_(model.parameters(), ${t})  # each entry into [-${t}, ${t}]`];
    case 'norm':
      return [`torch.nn.utils.clip_grad_norm_(model.parameters(), ${t})  # all gradients together, to norm ≤ ${t}`];
    case 'tensor':
      return [
        `for p in model.parameters():  # each tensor by its own norm, to ≤ ${t}`,
        '    tensor_norm = p.grad.norm()',
        `    if tensor_norm > ${t}:`,
        `        p.grad.mul_(${t} / (tensor_norm + 1e-6))`,
      ];
  }
}

/** Python's constant assignment for a typed array: `NAME = 'base64…'`. */
const blob = (name: string, array: ArrayBufferView): string => `${name} = ${pythonStr(base64OfArray(array))}`;

/** A complete, runnable PyTorch script that trains `config` as the widget does. Throws, saying why, on a config it cannot write. */
export function trainingScript(config: TrainConfig, options: TrainingScriptOptions): string {
  const problem = trainConfigProblem(config);
  if (problem !== null) throw new RangeError(`trainingScript: ${problem}`);
  checkOptions(options);
  const { task } = config;
  const { train, test } = taskData(task, config.seed);
  const features = train.features;
  const classification = task.kind === 'classification';
  const replay = options.replay;
  const size = Math.min(config.batchSize, train.n);
  const xShape = task.kind === 'sequence' ? `(-1, ${task.seqLen}, 1)` : `(-1, ${features})`;
  const show = (v: string, percent = false): string => (replay ? `{${v}!r}` : percent ? `{${v}:.1%}` : `{${v}:.4f}`);
  const dataLine =
    task.kind === 'classification'
      ? task.dataset === 'own'
        ? `${task.n} points of your own data, each feature scaled as the widget scales it, label 0 or 1`
        : `${task.n} points of the ${task.dataset} dataset (noise ${pythonFloat(task.noise)}), label 0 or 1`
      : task.kind === 'regression'
        ? `${task.n} examples of y = x·w* + noise with ${task.features} features`
        : `${task.n} sequences of ${task.seqLen} standard normal numbers, target their sum / sqrt(${task.seqLen})`;

  const header = [
    '"""',
    `Neural Notebook: ${options.title}, as a PyTorch script (PyTorch 1.13 or later: python3 this_file.py).`,
    '',
    `Data: ${dataLine}; the widget's own, from seed ${config.seed}`,
    `(${train.n} to train on, ${test.n} held out), embedded at the end of this file.`,
    replay
      ? 'The initial weights and the minibatch order are the widget engine\'s, embedded too, and the run is in\nfloat64: the figures it prints repeat the engine\'s to float precision.'
      : "PyTorch draws other random numbers than the widget's engine, so the initial weights and the order of\nthe minibatches differ: the curves match the widget's in shape, not digit for digit.",
    `Prints the loss${classification ? ' and accuracy' : ''} on the whole train and test sets every ${options.evalEvery} updates, as the widget charts them.`,
    '"""',
  ];
  const batchesCode = replay
    ? `def minibatches(n):
    """The widget engine's own minibatches, in its order (embedded at the end)."""
    rows = decode(BATCHES, torch.int32).reshape(-1, BATCH_SIZE).long()
    yield from rows`
    : `def minibatches(n):
    """Minibatches of BATCH_SIZE rows, a new shuffle of the training set each epoch (a last, smaller batch is dropped)."""
    while True:
        order = torch.randperm(n)
        for i in range(0, n - BATCH_SIZE + 1, BATCH_SIZE):
            yield order[i:i + BATCH_SIZE]`;
  const accuracyCode = classification
    ? `


def accuracy(logits, y):
    """Share of points on the right side of the boundary: a logit above 0 says class 1."""
    return ((logits > 0) == (y > 0.5)).sum().item() / len(y)`
    : '';
  const evaluateReturn = classification ? 'return loss_fn(out, y).item(), accuracy(out, y)' : 'return loss_fn(out, y).item()';
  const report = classification
    ? `    (train_loss, train_acc), (test_loss, test_acc) = evaluate(model, x_train, y_train), evaluate(model, x_test, y_test)
    print(f'step {step}  train loss ${show('train_loss')}  test loss ${show('test_loss')}  train accuracy ${show('train_acc', true)}  test accuracy ${show('test_acc', true)}')`
    : `    train_loss, test_loss = evaluate(model, x_train, y_train), evaluate(model, x_test, y_test)
    print(f'step {step}  train loss ${show('train_loss')}  test loss ${show('test_loss')}')`;
  const clip = clipCode(config);
  const replayLoad = replay
    ? `
    # The engine's initial weights (float64), parameter by parameter.
    with torch.no_grad():
        for p, values in zip(model.parameters(), INITIAL_WEIGHTS):
            p.copy_(decode(values, torch.float64).reshape(p.shape))`
    : '';

  const body = `import base64

import torch
import torch.nn.functional as F
from torch import nn

STEPS = ${options.steps}  # the widget stops here
EVAL_EVERY = ${options.evalEvery}
BATCH_SIZE = ${size}
${replay ? 'torch.set_default_dtype(torch.float64)  # to repeat the engine\'s float64 run' : `torch.manual_seed(${config.seed})`}


def decode(text, dtype):
    """A 1-D tensor from the little-endian bytes in base64 that this file embeds."""
    return torch.frombuffer(bytearray(base64.b64decode(text)), dtype=dtype)


def load_data():
    """x_train, y_train, x_test, y_test: the widget's own examples (float32, embedded below)."""
    dtype = torch.get_default_dtype()
    x_train = decode(X_TRAIN, torch.float32).reshape${xShape}.to(dtype)
    x_test = decode(X_TEST, torch.float32).reshape${xShape}.to(dtype)
    y_train = decode(Y_TRAIN, torch.float32).reshape(-1, 1).to(dtype)
    y_test = decode(Y_TEST, torch.float32).reshape(-1, 1).to(dtype)
    return x_train, y_train, x_test, y_test


${modelCode(config, features)}


${lossCode(config)}${accuracyCode}


def evaluate(model, x, y):
    """Loss${classification ? ' and accuracy' : ''} on a whole set, in evaluation mode, without building a graph."""
    model.eval()
    with torch.no_grad():
        out = model(x)
        ${evaluateReturn}


def grad_norm(model):
    """The L2 norm of all the gradients together (what clip_grad_norm_ measures)."""
    return torch.norm(torch.stack([p.grad.norm() for p in model.parameters()]))


${batchesCode}


def main():
    x_train, y_train, x_test, y_test = load_data()
    model = build_model()${replayLoad}
    optimizer = ${optimizerCode(config)}

    step = 0
${report}
    for rows in minibatches(len(x_train)):
        if step == STEPS:
            break
        model.train()
        optimizer.zero_grad()
        loss = loss_fn(model(x_train[rows]), y_train[rows])
        loss.backward()
        norm = grad_norm(model)
        if not (torch.isfinite(loss) and torch.isfinite(norm)):
            # The widget stops here too, without applying the update.
            print(f'step {step + 1}: the loss ({loss.item()}) or the gradient norm ({norm.item()}) is no longer finite; stopping')
            break
${clip.map((l) => `        ${l}`).join('\n')}${clip.length > 0 ? '\n' : ''}        optimizer.step()
        step += 1
        if step % EVAL_EVERY == 0:
${report.replace(/^ {4}/gm, '            ')}


# The data, float32${replay ? ' (the initial weights float64, the minibatches int32)' : ''}, as little-endian bytes in base64.
${blob('X_TRAIN', train.x)}
${blob('Y_TRAIN', train.y)}
${blob('X_TEST', test.x)}
${blob('Y_TEST', test.y)}
${replay ? `${replayBlobs(replay, options.steps)}\n` : ''}
if __name__ == '__main__':
    main()
`;
  return `${header.join('\n')}\n${body}`;
}

function replayBlobs(replay: TrainingReplay, steps: number): string {
  const batches = Int32Array.from(replay.batches.slice(0, steps).flat());
  return [`INITIAL_WEIGHTS = [\n${replay.parameters.map((p) => `    ${pythonStr(base64OfArray(p))},`).join('\n')}\n]`, blob('BATCHES', batches)].join('\n');
}
