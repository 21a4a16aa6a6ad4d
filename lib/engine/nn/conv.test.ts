import { describe, expect, it } from 'vitest';
import { Conv2d, MaxPool2d, AvgPool2d } from './conv';
import { Rng } from '../random';
import { randomTensor } from '../testing/gradcheck';

describe('nn.Conv2d and pooling layers', () => {
  it('Conv2d(), MaxPool2d() and AvgPool2d() compute output shapes as in PyTorch', () => {
    const conv = new Conv2d(3, 8, [3, 5], { rng: new Rng(1), stride: 2, padding: 1 });
    expect(conv.weight.shape).toEqual([8, 3, 3, 5]);
    const y = conv.forward(randomTensor([2, 3, 28, 28], 1).to('float32'));
    expect(y.shape).toEqual([2, 8, 14, 13]);
    expect(new MaxPool2d(2).forward(y).shape).toEqual([2, 8, 7, 6]);
    expect(new AvgPool2d(3, { stride: 1, padding: 1 }).forward(y).shape).toEqual([2, 8, 14, 13]);
  });
});
