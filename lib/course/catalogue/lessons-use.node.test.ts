import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allExercises, exerciseById, lessonOfExercise } from './index';

const LESSONS = new URL('../../../lessons/', import.meta.url);
const lessons = readdirSync(LESSONS).filter((f) => f.endsWith('.mdx'));
/** Every <Exercise id="..."> of every lesson: [lesson file, id]. */
const used = lessons.flatMap((file) => [...readFileSync(new URL(file, LESSONS), 'utf8').matchAll(/<Exercise\b[^>]*\bid="([^"]*)"/g)].map((m) => [file, m[1]!] as const));

describe('exercises and the lessons', () => {
  it('every <Exercise> in a lesson names an exercise of that lesson', () => {
    for (const [file, id] of used) {
      expect(exerciseById(id), `${file}: ${id}`).toBeDefined();
      expect(`${lessonOfExercise(id)}.mdx`, id).toBe(file);
    }
  });

  it('each lesson shows its exercises in the order of its list (the order gives them their numbers)', () => {
    for (const file of lessons) {
      const lesson = file.replace(/\.mdx$/, '');
      expect(used.filter(([f]) => f === file).map(([, id]) => id), lesson).toEqual(allExercises.filter((e) => lessonOfExercise(e.id) === lesson).map((e) => e.id));
    }
  });

  it('every exercise is used once, in its lesson', () => {
    const ids = used.map(([, id]) => id).sort();
    expect(ids).toEqual(allExercises.map((e) => e.id).sort());
  });
});
