import { describe, expect, it } from 'vitest';
import { describeRunState } from './summary';

describe('describeRunState()', () => {
  it('describeRunState() at step 0 gives the norm at the initial weights and says nothing has run, never NaN', () => {
    const text = describeRunState('Run A (no clipping)', { step: 0, trainLoss: 2.2e4, evaluatedAt: 0, normBefore: 1.8e6 });
    expect(text).toBe('Run A (no clipping) at step 0, before any update: loss 22000.000, gradient norm 1.80×10⁶ at the initial weights.');
    expect(text).not.toContain('NaN');
  });

  it('describeRunState() after some steps gives the latest norm before clipping and when the loss was evaluated', () => {
    expect(describeRunState('Run B', { step: 30, trainLoss: 12.5, evaluatedAt: 25, normBefore: 3.5 })).toBe(
      'Run B at step 30: loss 12.500 (at step 25), gradient norm 3.500 before clipping.',
    );
    expect(describeRunState('Run B', { step: 25, trainLoss: 12.5, evaluatedAt: 25, normBefore: 3.5 })).toBe('Run B at step 25: loss 12.500, gradient norm 3.500 before clipping.');
  });

  it('describeRunState() names what became non-finite when a run diverged', () => {
    const base = { step: 2, trainLoss: 2.2e4, evaluatedAt: 0, normBefore: NaN };
    expect(describeRunState('Run A', { ...base, diverged: { step: 3, loss: NaN, norm: NaN } })).toBe('Run A: Loss became NaN at step 3: training stopped.');
    expect(describeRunState('Run B', { ...base, diverged: { step: 1, loss: 1.7e18, norm: Infinity } })).toBe(
      'Run B: The gradient norm became Infinity at step 1: training stopped.',
    );
  });
});
