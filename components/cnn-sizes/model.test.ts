import { describe, expect, it } from 'vitest';
import { defaultLayer } from '../../lib/ml/layer-stack';
import { channelsTaken } from './model';

describe('channelsTaken()', () => {
  it('channelsTaken() finds the channels the first channel-bound layer takes, past activations and pools', () => {
    expect(channelsTaken([defaultLayer('ReLU'), defaultLayer('MaxPool2d'), defaultLayer('Conv2d', { in_channels: 3, out_channels: 8 })])).toBe(3);
    expect(channelsTaken([defaultLayer('BatchNorm2d', { num_features: 5 })])).toBe(5);
    expect(channelsTaken([defaultLayer('Flatten'), defaultLayer('Conv2d', { in_channels: 3, out_channels: 8 })])).toBeNull();
    expect(channelsTaken([])).toBeNull();
  });
});
