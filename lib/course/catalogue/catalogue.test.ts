import { describe, expect, it } from 'vitest';
import { allExercises, exerciseById, experimentCheckers, lessonOfExercise } from './index';

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

describe('the catalogue', () => {
  it('holds every lesson’s exercises under unique ids, at least three per lesson', () => {
    expect(new Set(allExercises.map((e) => e.id)).size).toBe(allExercises.length);
    const perLesson = new Map<string, number>();
    for (const e of allExercises) perLesson.set(lessonOfExercise(e.id), (perLesson.get(lessonOfExercise(e.id)) ?? 0) + 1);
    expect([...perLesson.keys()]).toEqual(['activation-functions', 'backpropagation', 'vanishing-gradients', 'exploding-gradients', 'convolution', 'pooling', 'cnn-sizes', 'overfitting-and-dropout', 'rnn-shapes', 'hyperparameter-search']);
    for (const [lesson, n] of perLesson) expect(n, lesson).toBeGreaterThanOrEqual(3);
  });

  it('exerciseById() finds an exercise, and gives undefined for an unknown id', () => {
    expect(exerciseById('pooling/alexnet-pool')?.kind).toBe('shape');
    expect(exerciseById('pooling/no-such')).toBeUndefined();
  });
});
