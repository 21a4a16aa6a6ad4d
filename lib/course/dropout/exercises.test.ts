import { describe, expect, it } from 'vitest';
import { nn, Rng, tensor } from '../../engine';
import { SpecModel } from '../../ml/training';
import { exerciseListProblems, specOf } from '../exercises';
import { exercises } from './exercises';
import { digitsCnn } from './network';

describe('overfitting-and-dropout exercises', () => {
  it('are a well-formed list', () => expect(exerciseListProblems('overfitting-and-dropout', exercises)).toEqual([]));

  it('dropout-scaling: nn.Dropout(0.2) keeps elements scaled by 1.25, so a kept 5 becomes 6.25; eval mode returns the input', () => {
    const spec = specOf(exercises, 'overfitting-and-dropout/dropout-scaling', 'numeric');
    const drop = new nn.Dropout(0.2, { rng: new Rng(1) });
    const x = tensor([1, 2, 3, 4, 5], { dtype: 'float64' });
    let kept5: number | undefined;
    for (let i = 0; i < 50 && kept5 === undefined; i++) {
      const v = drop.forward(x).data[4]!;
      if (v !== 0) kept5 = v;
    }
    expect(kept5).toBe(spec.answer);
    drop.eval();
    expect(Array.from(drop.forward(x).data)).toEqual([1, 2, 3, 4, 5]);
    expect(spec.mistakes!.map((m) => m.value)).toEqual([5, 5 * 0.8]);
  });

  it('fc-share: the lesson’s CNN has 9,930 of 11,178 parameters in its Linear layers, 88.8 %', () => {
    const spec = specOf(exercises, 'overfitting-and-dropout/fc-share', 'numeric');
    const model = new SpecModel(digitsCnn(0.5, 'fc'), { weights: new Rng(0), dropout: new Rng(1) });
    const counts = model.parameters().map((p) => p.numel());
    const total = counts.reduce((a, b) => a + b, 0);
    expect(total).toBe(11178);
    // The Linear layers' weights and biases: 9,280 + 650.
    const fc = 64 * 144 + 64 + 10 * 64 + 10;
    expect(Math.abs((100 * fc) / total - spec.answer)).toBeLessThan(0.05);
    expect(spec.mistakes![0]!.value).toBeCloseTo(100 - spec.answer, 9);
  });
});
