import { describe, expect, it } from 'vitest';
import { arange, tensor, zeros } from './index';
import { formatTensor, toExponential, toFixed } from './format';

// Every expected string below was printed by real PyTorch 1.13 (`repr(torch.tensor(...))`);
// format.torch.test.ts compares many generated cases against torch directly.
describe('formatTensor()', () => {
  it('prints integer-valued floats with a trailing point', () => {
    expect(formatTensor(tensor([1, 2]))).toBe('tensor([1., 2.])');
    expect(formatTensor(tensor([[1, 2], [3, 4]]))).toBe('tensor([[1., 2.],\n        [3., 4.]])');
    expect(formatTensor(zeros([3]))).toBe('tensor([0., 0., 0.])');
    expect(formatTensor(arange(8).reshape([2, 2, 2]))).toBe('tensor([[[0., 1.],\n         [2., 3.]],\n\n        [[4., 5.],\n         [6., 7.]]])');
  });

  it('pads mixed magnitudes to one width, with four decimals', () => {
    expect(formatTensor(tensor([0.5, -1.25, 100]))).toBe('tensor([  0.5000,  -1.2500, 100.0000])');
    expect(formatTensor(tensor(-0.123456))).toBe('tensor(-0.1235)');
  });

  it('switches to scientific notation as PyTorch does', () => {
    expect(formatTensor(tensor([1e-5, 1]))).toBe('tensor([1.0000e-05, 1.0000e+00])');
    expect(formatTensor(tensor([1, 1e5]))).toBe('tensor([1.0000e+00, 1.0000e+05])');
    expect(formatTensor(tensor([1e9, 2.5]))).toBe('tensor([1.0000e+09, 2.5000e+00])');
  });

  it('keeps negative zero, and prints nan and inf', () => {
    expect(formatTensor(tensor([-0, 1]))).toBe('tensor([-0., 1.])');
    expect(formatTensor(tensor([-0, 0.5]))).toBe('tensor([-0.0000, 0.5000])');
    expect(formatTensor(tensor([1e-5, Infinity, NaN]))).toBe('tensor([1.0000e-05,        inf,        nan])');
    expect(formatTensor(tensor([NaN, -Infinity]))).toBe('tensor([nan, -inf])');
  });

  it('prints 0-d and empty tensors', () => {
    expect(formatTensor(tensor(3))).toBe('tensor(3.)');
    expect(formatTensor(tensor([]))).toBe('tensor([])');
    expect(formatTensor(zeros([0, 3]))).toBe('tensor([], size=(0, 3))');
    expect(formatTensor(zeros([2, 0], { dtype: 'float64' }))).toBe('tensor([], size=(2, 0), dtype=torch.float64)');
  });

  it('wraps long rows at 80 columns', () => {
    expect(formatTensor(arange(30).div(7))).toBe(
      'tensor([0.0000, 0.1429, 0.2857, 0.4286, 0.5714, 0.7143, 0.8571, 1.0000, 1.1429,\n' +
        '        1.2857, 1.4286, 1.5714, 1.7143, 1.8571, 2.0000, 2.1429, 2.2857, 2.4286,\n' +
        '        2.5714, 2.7143, 2.8571, 3.0000, 3.1429, 3.2857, 3.4286, 3.5714, 3.7143,\n' +
        '        3.8571, 4.0000, 4.1429])',
    );
  });

  it('summarises tensors of more than 1000 elements', () => {
    expect(formatTensor(arange(2000))).toBe(
      'tensor([0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 1.9970e+03, 1.9980e+03,\n        1.9990e+03])',
    );
    expect(formatTensor(arange(1200).reshape([40, 30]).div(10))).toBe(
      [
        'tensor([[0.0000e+00, 1.0000e-01, 2.0000e-01,  ..., 2.7000e+00, 2.8000e+00,',
        '         2.9000e+00],',
        '        [3.0000e+00, 3.1000e+00, 3.2000e+00,  ..., 5.7000e+00, 5.8000e+00,',
        '         5.9000e+00],',
        '        [6.0000e+00, 6.1000e+00, 6.2000e+00,  ..., 8.7000e+00, 8.8000e+00,',
        '         8.9000e+00],',
        '        ...,',
        '        [1.1100e+02, 1.1110e+02, 1.1120e+02,  ..., 1.1370e+02, 1.1380e+02,',
        '         1.1390e+02],',
        '        [1.1400e+02, 1.1410e+02, 1.1420e+02,  ..., 1.1670e+02, 1.1680e+02,',
        '         1.1690e+02],',
        '        [1.1700e+02, 1.1710e+02, 1.1720e+02,  ..., 1.1970e+02, 1.1980e+02,',
        '         1.1990e+02]])',
      ].join('\n'),
    );
  });

  it('adds dtype, requires_grad and grad_fn, moving a suffix to its own line when the line is full', () => {
    expect(formatTensor(tensor([1, 2.5], { dtype: 'float64' }))).toBe('tensor([1.0000, 2.5000], dtype=torch.float64)');
    expect(formatTensor(tensor([0.5, -1.25], { requiresGrad: true }))).toBe('tensor([ 0.5000, -1.2500], requires_grad=True)');
    const wide = arange(16).reshape([2, 8]).div(3);
    wide.requiresGrad = true;
    expect(formatTensor(wide)).toBe(
      'tensor([[0.0000, 0.3333, 0.6667, 1.0000, 1.3333, 1.6667, 2.0000, 2.3333],\n' +
        '        [2.6667, 3.0000, 3.3333, 3.6667, 4.0000, 4.3333, 4.6667, 5.0000]],\n' +
        '       requires_grad=True)',
    );
    const x = tensor([[1, 2], [3, 4]], { requiresGrad: true });
    expect(formatTensor(x.mul(2))).toBe('tensor([[2., 4.],\n        [6., 8.]], grad_fn=<MulBackward0>)');
    expect(formatTensor(x.matmul(x))).toBe('tensor([[ 7., 10.],\n        [15., 22.]], grad_fn=<MmBackward0>)');
  });
});

describe('toFixed() and toExponential()', () => {
  it('round ties to even on the exact binary value, as Python does', () => {
    // '{:.4f}'.format(0.03125) == '0.0312' and '{:.4e}'.format(1.03125) == '1.0312e+00' in Python;
    // JavaScript's toFixed and toExponential round these ties away from zero.
    expect(toFixed(0.03125, 4)).toBe('0.0312');
    expect(toFixed(0.09375, 4)).toBe('0.0938');
    expect(toFixed(2.5, 0)).toBe('2');
    expect(toExponential(1.03125, 4)).toBe('1.0312e+00');
    expect(toFixed(0.1, 4)).toBe('0.1000');
  });

  it('keep the sign of negative zero and of negatives that round to zero', () => {
    expect(toFixed(-0, 4)).toBe('-0.0000');
    expect(toFixed(-0.00001, 4)).toBe('-0.0000');
    expect(toExponential(-0, 4)).toBe('-0.0000e+00');
  });

  it('carry into the next power of ten', () => {
    expect(toExponential(9.99996, 4)).toBe('1.0000e+01');
    expect(toExponential(1e-300, 4)).toBe('1.0000e-300');
    expect(toExponential(5e-324, 4)).toBe('4.9407e-324');
    expect(toFixed(123456789.5, 0)).toBe('123456790');
  });
});
