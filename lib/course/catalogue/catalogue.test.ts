import { describe, expect, it } from 'vitest';
import { allExercises, exerciseById, experimentCheckers } from './index';

describe('the exercise catalogue', () => {
  it('has every exercise once, under an id "<lesson>/<name>" whose lesson exports it', () => {
    expect(allExercises.length).toBeGreaterThanOrEqual(4);
    for (const spec of allExercises) {
      expect(spec.id).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
      expect(exerciseById(spec.id)).toBe(spec);
    }
    expect(exerciseById('vanishing-gradients/nope')).toBeUndefined();
  });

  it('has a checker for every experiment\'s widget, and hints and a solution for every exercise', () => {
    for (const spec of allExercises) {
      if (spec.kind === 'experiment') expect(experimentCheckers[spec.widget], spec.id).toBeTypeOf('function');
      expect(spec.hints.length, spec.id).toBeGreaterThan(0);
      expect(spec.solution.length, spec.id).toBeGreaterThan(20);
      expect(spec.points, spec.id).toBeGreaterThan(0);
    }
  });
});
