import { describe, expect, it } from 'vitest';
import { allExercises, exerciseById, lessonOfExercise } from './index';

describe('the catalogue', () => {
  it('holds every lesson’s exercises under unique ids, at least three per lesson', () => {
    expect(new Set(allExercises.map((e) => e.id)).size).toBe(allExercises.length);
    const perLesson = new Map<string, number>();
    for (const e of allExercises) perLesson.set(lessonOfExercise(e.id), (perLesson.get(lessonOfExercise(e.id)) ?? 0) + 1);
    expect([...perLesson.keys()]).toEqual(['activation-functions', 'vanishing-gradients', 'exploding-gradients', 'convolution', 'pooling', 'cnn-sizes', 'rnn-shapes']);
    for (const [lesson, n] of perLesson) expect(n, lesson).toBeGreaterThanOrEqual(3);
  });

  it('exerciseById() finds an exercise, and gives undefined for an unknown id', () => {
    expect(exerciseById('pooling/alexnet-pool')?.kind).toBe('shape');
    expect(exerciseById('pooling/no-such')).toBeUndefined();
  });
});
