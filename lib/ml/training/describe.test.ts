import { describe, expect, it } from 'vitest';
import { describeDivergence, describeGradientRatio } from './describe';

describe('describeGradientRatio()', () => {
  it('describeGradientRatio() gives the power of ten between the first and last layer, named as the bars name them', () => {
    expect(describeGradientRatio(['layer 1', 'layer 2', 'output'], [4.6e-10, 1, 0.2])).toBe("layer 1's gradient is 10⁻⁸·⁶ times output's");
    expect(describeGradientRatio(['layer 1', 'layer 8'], [1e-7, 1])).toBe("layer 1's gradient is 10⁻⁷ times layer 8's");
    expect(describeGradientRatio(['a', 'b'], [300, 1])).toBe("a's gradient is 10²·⁵ times b's");
  });

  it('describeGradientRatio() says when the sizes are close, zero or not finite', () => {
    expect(describeGradientRatio(['a', 'b'], [1.5, 1])).toBe("a's gradient is about the same size as b's");
    expect(describeGradientRatio(['a', 'b'], [0, 1])).toBe("a's gradient is exactly zero: no signal reaches it");
    expect(describeGradientRatio(['a', 'b'], [NaN, 1])).toBe("a's or b's gradient is not a finite number");
  });
});

describe('describeDivergence()', () => {
  it('describeDivergence() names NaN and Infinity', () => {
    expect(describeDivergence(3, NaN)).toBe('Loss became NaN at step 3: training stopped.');
    expect(describeDivergence(7, Infinity)).toBe('Loss became Infinity at step 7: training stopped.');
  });

  it('describeDivergence() blames the gradient norm when the loss is still finite', () => {
    expect(describeDivergence(1, 1.7e18, Infinity)).toBe('The gradient norm became Infinity at step 1: training stopped.');
    expect(describeDivergence(2, 5, NaN)).toBe('The gradient norm became NaN at step 2: training stopped.');
  });
});
