/** The published lessons that have exercises, with them, as the progress and course pages list them. */
import type { ProgressLesson } from '../../components/exercise/ProgressView';
import { allExercises, lessonOfExercise } from '../../lib/course/catalogue';
import { lessonHref, publishedLessons } from './lessons';

/** Every published lesson with its exercises (lessons without any left out), in course order. */
export async function lessonsWithExercises(): Promise<ProgressLesson[]> {
  return (await publishedLessons())
    .map((l) => ({ slug: l.id, title: l.data.title, href: lessonHref(l.id), exercises: allExercises.filter((e) => lessonOfExercise(e.id) === l.id) }))
    .filter((l) => l.exercises.length > 0);
}
