/** lib/course/catalogue: every exercise of every lesson, by id, from each lesson package's `exercises`. */
import { exercises as activationFunctions } from '../activations';
import { exercises as cnnSizes } from '../cnn-sizes';
import { exercises as convolution } from '../convolution';
import { exercises as explodingGradients } from '../exploding-gradients';
import type { ExerciseSpec } from '../exercises';
import { exercises as pooling } from '../pooling';
import { exercises as rnnShapes } from '../rnn-shapes';
import { exercises as vanishingGradients } from '../vanishing-gradients';

/** Every exercise, lesson by lesson in course order, each lesson's in page order. */
export const allExercises: readonly ExerciseSpec[] = [
  ...activationFunctions,
  ...vanishingGradients,
  ...explodingGradients,
  ...convolution,
  ...pooling,
  ...cnnSizes,
  ...rnnShapes,
];

const byId = new Map(allExercises.map((e) => [e.id, e]));

/** The exercise with this id, or undefined. */
export function exerciseById(id: string): ExerciseSpec | undefined {
  return byId.get(id);
}

/** The lesson an exercise id belongs to: the part before the slash ("pooling/alexnet-pool" → "pooling"). */
export function lessonOfExercise(id: string): string {
  return id.slice(0, id.indexOf('/'));
}
