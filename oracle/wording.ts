/**
 * Deciding whether a message we show is PyTorch's. PyTorch 1.13 (what CI installs) and 2.x word
 * some checks differently; our code quotes 2.x in places. A message passes when it equals the
 * installed PyTorch's, or when it is 2.x's wording of the same check, as written in PyTorch's
 * source (cited per entry) and with the same numbers in it.
 */
import type { PyException } from './bridge';

const RNN_PY = 'pytorch/pytorch torch/nn/modules/rnn.py at e6f551aa3e44ae79694352a686f9cf503768ead6';
const POOL_H = 'pytorch/pytorch aten/src/ATen/native/Pool.h at 05f542c9ef2e3d9994e92eb30a7bae294ccc7cf0';

/** A check whose wording changed after 1.13: 2.x's message, 1.13's for the same mistake, and when they describe the same values. */
interface Reworded {
  readonly check: string;
  readonly source: string;
  readonly v2: { readonly type: string; readonly pattern: RegExp };
  readonly v1: readonly { readonly type: string; readonly pattern: RegExp; readonly same?: (v2: RegExpMatchArray, v1: RegExpMatchArray) => boolean }[];
}

const REWORDED: readonly Reworded[] = [
  {
    check: 'nn.RNN: input dimensions',
    source: RNN_PY,
    v2: { type: 'ValueError', pattern: /^RNN: Expected input to be 2D or 3D, got (\d+)D tensor instead$/ },
    v1: [
      // 1.13 treats any input that is not 3-D as unbatched: it adds a dimension, then checks.
      { type: 'RuntimeError', pattern: /^input must have 3 dimensions, got (\d+)$/, same: (a, b) => Number(b[1]) === Number(a[1]) + 1 },
      { type: 'RuntimeError', pattern: /^For unbatched 2-D input, hx should also be 2-D but got \d+-D tensor$/ },
    ],
  },
  {
    check: 'nn.RNN: nonlinearity',
    source: RNN_PY,
    v2: { type: 'ValueError', pattern: /^Unknown nonlinearity '(.*)'\. Select from 'tanh' or 'relu'\.$/ },
    v1: [{ type: 'ValueError', pattern: /^Unknown nonlinearity '(.*)'$/, same: (a, b) => a[1] === b[1] }],
  },
  {
    check: 'nn.RNN: hidden_size > 0',
    source: RNN_PY,
    v2: { type: 'ValueError', pattern: /^hidden_size must be greater than zero$/ },
    v1: [{ type: 'ValueError', pattern: /^proj_size has to be smaller than hidden_size$/ }],
  },
  {
    check: 'nn.RNN: hidden_size is an int',
    source: RNN_PY,
    v2: { type: 'TypeError', pattern: /^hidden_size should be of type int, got: float$/ },
    v1: [{ type: 'TypeError', pattern: /^empty\(\) received an invalid combination of arguments/ }],
  },
  {
    check: 'nn.RNN: num_layers > 0',
    source: RNN_PY,
    v2: { type: 'ValueError', pattern: /^num_layers must be greater than zero$/ },
    v1: [{ type: 'IndexError', pattern: /^list index out of range$/ }],
  },
  {
    check: 'pooling: padding at most half the kernel',
    source: POOL_H,
    v2: { type: 'RuntimeError', pattern: /^pad should be at most half of effective kernel size, but got pad=(\d+), kernel_size=(\d+) and dilation=(\d+)$/ },
    v1: [{ type: 'RuntimeError', pattern: /^pad should be at most half of kernel size, but got pad=(\d+) and kernel_size=(\d+)$/, same: (a, b) => a[1] === b[1] && a[2] === b[2] }],
  },
];

/** Whose wording a message is: the installed PyTorch's, 2.x's for the same check (with its source), or neither. */
export type Wording = { readonly kind: 'installed' } | { readonly kind: '2.x'; readonly check: string; readonly source: string } | { readonly kind: 'differs' };

/**
 * Compares our message (and exception class, when we name one) with what the installed PyTorch
 * raised for the same mistake.
 */
export function wordingOf(ours: { readonly type?: string; readonly message: string }, torch: PyException): Wording {
  const sameType = (type: string): boolean => ours.type === undefined || ours.type === type;
  if (ours.message === torch.message && sameType(torch.type)) return { kind: 'installed' };
  for (const r of REWORDED) {
    const a = ours.message.match(r.v2.pattern);
    if (!a || !sameType(r.v2.type)) continue;
    for (const v1 of r.v1) {
      const b = torch.message.match(v1.pattern);
      if (b && torch.type === v1.type && (v1.same?.(a, b) ?? true)) return { kind: '2.x', check: r.check, source: r.source };
    }
  }
  return { kind: 'differs' };
}

/** A line for the summary: which wording ours is. */
export function describeWording(w: Wording, version: string): string {
  if (w.kind === 'installed') return `PyTorch ${version}'s wording`;
  if (w.kind === '2.x') return `PyTorch 2.x's wording (${w.check}; ${w.source}), not ${version}'s`;
  return `differs from PyTorch ${version}`;
}
