/**
 * "Copy as PyTorch" for the dropout lesson's CNN: a run's settings written out as a complete Python
 * script that trains the same network on the same digits with real PyTorch (1.13 or later) and
 * prints the loss and accuracy after every epoch, as the widget's table does.
 *
 * The digits are the site's own file (public/data/mnist-digits-14.bin, 4-bit pixels), read from
 * beside the script or downloaded from the site once, and decoded as decodeDigits() does; which
 * digits train and which validate (our seeded split) is embedded as row numbers. The initial
 * weights, the minibatch order and the dropout masks are PyTorch's own draws, so the figures match
 * the widget's in shape, not digit for digit. With random shifts (data augmentation) the script
 * moves each training image of a minibatch as the engine does: zero-padded by the largest shift and
 * cropped back at a random offset. A test can pass a `replay` (the engine's initial weights, each
 * epoch's order and its shifts): without dropout the script then repeats the engine's run to
 * float32 precision.
 */
import { base64OfArray, pythonFloat, pythonStr } from '../../common';
import { layerToPython } from '../../ml/layer-stack';
import type { StackLayer } from '../../ml/training';
import { splitDigitRows, type DigitSet } from './digits';
import { digitsCnn } from './network';
import { checkSettings, type DropoutSettings } from './run';

/** The engine's initial state and minibatch order, embedded so that the script repeats the engine's run. */
export interface DropoutReplay {
  /** Every parameter's initial values, flattened, in model.parameters() order. */
  readonly parameters: readonly Float32Array[];
  /** Each epoch's order of the training rows (positions in the training set), cut into minibatches of batchSize. */
  readonly orders: readonly (readonly number[])[];
  /** With shifts: each epoch's shifts (dx, dy) of the training digits in that epoch's order, interleaved as drawShifts gives them. */
  readonly shifts?: readonly Int8Array[];
}

/** Where the script finds the digits, and what it is called. */
export interface DropoutScriptOptions {
  /** The run in words, for the script's first line: "Dropout, run A". */
  readonly title: string;
  /** Where the site serves the digits file (absolute), for a script that does not find it beside itself. */
  readonly dataUrl: string;
  /** Embed the engine's initial weights and minibatch order and print every figure in full. */
  readonly replay?: DropoutReplay;
}

const PLACEMENT_WORDS = {
  none: 'no dropout',
  fc: 'dropout between the fully connected layers',
  pools: 'dropout after each pooling layer',
  both: 'dropout after each pooling layer and between the fully connected layers',
} as const;

/** A complete, runnable PyTorch script that trains the lesson's CNN with `settings` on `digits`. Throws, saying why, on bad settings. */
export function dropoutScript(settings: DropoutSettings, digits: DigitSet, options: DropoutScriptOptions): string {
  checkSettings(settings);
  if (!(settings.p >= 0 && settings.p < 1)) throw new RangeError(`dropout probability: expected a number in [0, 1), got ${settings.p}`);
  if (!(settings.placement in PLACEMENT_WORDS)) throw new RangeError(`placement: expected one of ${Object.keys(PLACEMENT_WORDS).join(', ')}, got ${JSON.stringify(settings.placement)}`);
  const replay = options.replay;
  if (replay && replay.orders.some((o) => o.length !== settings.trainSize)) throw new RangeError(`dropoutScript: expected each epoch's order of the replay to list all ${settings.trainSize} training digits`);
  const shift = settings.shift ?? 0;
  const replayShifts = shift > 0 ? replay?.shifts : undefined;
  if (replay && shift > 0 && (replayShifts?.length !== settings.epochs || replayShifts.some((e) => e.length !== 2 * settings.trainSize))) {
    throw new RangeError(`dropoutScript: expected the replay to hold ${settings.epochs} epochs of shifts, 2 × ${settings.trainSize} values each, for a run with shifts`);
  }
  const rows = splitDigitRows(digits, settings.trainSize, settings.seed);
  const layers = digitsCnn(settings.p, settings.placement, { side: digits.side, channels: [8, 16], hidden: 64 }).layers as readonly StackLayer[];
  const show = (v: string, percent = false): string => (replay ? `{${v}!r}` : percent ? `{${v}:.1%}` : `{${v}:.4f}`);
  const decay = settings.weightDecay > 0 ? `, weight_decay=${pythonFloat(settings.weightDecay)}` : '';
  const dropoutWords = settings.p > 0 && settings.placement !== 'none' ? `${PLACEMENT_WORDS[settings.placement]}, p = ${pythonFloat(settings.p)}` : 'no dropout';
  const shiftWords = shift > 0 ? `, its training images shifted at random by up to ${shift} pixel${shift === 1 ? '' : 's'}` : '';
  const file = options.dataUrl.split('/').pop() ?? 'mnist-digits-14.bin';

  return `"""
Neural Notebook: ${options.title}, as a PyTorch script (PyTorch 1.13 or later: python3 this_file.py).

A small CNN on ${digits.side}x${digits.side} handwritten digits (MNIST, shrunk), ${dropoutWords}${shiftWords}, trained with
Adam on ${settings.trainSize} digits for ${settings.epochs} epochs; after each epoch it prints the loss and accuracy on the
training digits and on ${rows.validation.length} held-out validation digits, as the widget's table does.
The digits are the site's file ${file}, downloaded once beside this script; which digits train and which
validate is the widget's own split (seed ${settings.seed}), embedded at the end as row numbers.
${
  replay
    ? `The initial weights and the minibatch order${shift > 0 ? ' and shifts' : ''} are the widget engine's, embedded too: without dropout the\nfigures repeat the engine's to float32 precision.`
    : `PyTorch draws other random numbers than the widget's engine (initial weights, minibatch order, dropout\nmasks${shift > 0 ? ', shifts' : ''}): the figures match the widget's in shape, not digit for digit.`
}
"""
import base64
import os
import urllib.request

import torch
import torch.nn.functional as F
from torch import nn

DATA_URL = ${pythonStr(options.dataUrl)}
DATA_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), ${pythonStr(file)})
EPOCHS = ${settings.epochs}
BATCH_SIZE = ${settings.batchSize}
${shift > 0 ? `MAX_SHIFT = ${shift}  # data augmentation: each training image moved by up to this many pixels across and down\n` : ''}torch.manual_seed(${settings.seed})


def decode(text, dtype):
    """A 1-D tensor from the little-endian bytes in base64 that this file embeds."""
    return torch.frombuffer(bytearray(base64.b64decode(text)), dtype=dtype)


def load_digits():
    """Every digit of the file: images (N, 1, ${digits.side}, ${digits.side}) on 0 … 1 and labels (N)."""
    if not os.path.exists(DATA_FILE):
        urllib.request.urlretrieve(DATA_URL, DATA_FILE)
    data = open(DATA_FILE, 'rb').read()
    # 'NND1', the number of digits (2 bytes, little-endian), the side, 4 bits per pixel; then one byte
    # per label, then the pixels, two to a byte, the high 4 bits first, 15 meaning ink.
    assert data[:4] == b'NND1' and data[7] == 4, f'expected a digits file starting NND1 with 4-bit pixels: {DATA_FILE}'
    n, side = data[4] | data[5] << 8, data[6]
    raw = torch.frombuffer(bytearray(data), dtype=torch.uint8)
    labels, packed = raw[8:8 + n].long(), raw[8 + n:]
    pixels = torch.stack([packed >> 4, packed & 15], dim=1).flatten().float() / 15
    return pixels.reshape(n, 1, side, side), labels


model = nn.Sequential(
${layers.map((l) => `    ${layerToPython(l)},`).join('\n')}
)
optimizer = torch.optim.Adam(model.parameters(), lr=${pythonFloat(settings.learningRate)}${decay})${settings.weightDecay > 0 ? '  # weight decay as PyTorch\'s Adam applies it: added to the gradient' : ''}


${
  shift > 0
    ? `def shift_batch(x, shifts):
    """Each image x[i] moved by shifts[i] = (dx, dy) whole pixels (right, down), zeros filling in at the border."""
    side = x.shape[-1]
    padded = F.pad(x, (MAX_SHIFT, MAX_SHIFT, MAX_SHIFT, MAX_SHIFT))
    return torch.stack([padded[i, :, MAX_SHIFT - dy:MAX_SHIFT - dy + side, MAX_SHIFT - dx:MAX_SHIFT - dx + side] for i, (dx, dy) in enumerate(shifts.tolist())])


`
    : ''
}def evaluate(x, y):
    """Mean cross-entropy and accuracy on a whole set, in evaluation mode (dropout off)."""
    model.eval()
    with torch.no_grad():
        logits = model(x)
        return F.cross_entropy(logits, y).item(), (logits.argmax(1) == y).sum().item() / len(y)


def report(epoch, x_train, y_train, x_val, y_val):
    train_loss, train_acc = evaluate(x_train, y_train)
    val_loss, val_acc = evaluate(x_val, y_val)
    print(f'epoch {epoch}  train loss ${show('train_loss')}  train accuracy ${show('train_acc', true)}  validation loss ${show('val_loss')}  validation accuracy ${show('val_acc', true)}')


def main():
    images, labels = load_digits()
    train_rows, val_rows = decode(TRAIN_ROWS, torch.int32).long(), decode(VALIDATION_ROWS, torch.int32).long()
    x_train, y_train = images[train_rows], labels[train_rows]
    x_val, y_val = images[val_rows], labels[val_rows]
${
  replay
    ? `    with torch.no_grad():  # the engine's initial weights
        for p, values in zip(model.parameters(), INITIAL_WEIGHTS):
            p.copy_(decode(values, torch.float32).reshape(p.shape))
    orders = decode(ORDERS, torch.int32).long().reshape(EPOCHS, -1)
${replayShifts ? '    shifts = decode(SHIFTS, torch.int8).long().reshape(EPOCHS, -1, 2)\n' : ''}`
    : ''
}    report(0, x_train, y_train, x_val, y_val)
    for epoch in range(1, EPOCHS + 1):
        order = ${replay ? 'orders[epoch - 1]' : 'torch.randperm(len(x_train))'}
        for i in range(0, len(order), BATCH_SIZE):  # the last minibatch may be smaller
            rows = order[i:i + BATCH_SIZE]
${
  shift > 0
    ? `            # augmentation, of the training images only: a new random shift for each image of each minibatch
            x = shift_batch(x_train[rows], ${replayShifts ? 'shifts[epoch - 1, i:i + BATCH_SIZE]' : 'torch.randint(-MAX_SHIFT, MAX_SHIFT + 1, (len(rows), 2))'})
`
    : `            x = x_train[rows]
`
}            model.train()  # dropout on
            optimizer.zero_grad()
            F.cross_entropy(model(x), y_train[rows]).backward()
            optimizer.step()
        report(epoch, x_train, y_train, x_val, y_val)


# Which digits of the file train and which validate (row numbers, int32${replay ? '; the replay float32 and int32' : ''}, little-endian bytes in base64).
TRAIN_ROWS = ${pythonStr(base64OfArray(Int32Array.from(rows.train)))}
VALIDATION_ROWS = ${pythonStr(base64OfArray(Int32Array.from(rows.validation)))}
${replay ? `INITIAL_WEIGHTS = [\n${replay.parameters.map((p) => `    ${pythonStr(base64OfArray(p))},`).join('\n')}\n]\nORDERS = ${pythonStr(base64OfArray(Int32Array.from(replay.orders.slice(0, settings.epochs).flat())))}\n` : ''}${replayShifts ? `SHIFTS = ${pythonStr(base64OfArray(Int8Array.from(replayShifts.flatMap((e) => Array.from(e)))))}  # int8: dx, dy of each digit, in each epoch's order\n` : ''}
if __name__ == '__main__':
    main()
`;
}
