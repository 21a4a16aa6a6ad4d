import { getCollection, type CollectionEntry } from 'astro:content';

/** A lesson entry of the content collection. */
export type Lesson = CollectionEntry<'lessons'>;

/** The published lessons in course order (drafts appear only in `astro dev`). */
export async function publishedLessons(): Promise<Lesson[]> {
  const all = await getCollection('lessons', (entry) => import.meta.env.DEV || !entry.data.draft);
  const sorted = all.sort((a, b) => a.data.order - b.data.order);
  // Two lessons with one number would be listed in an arbitrary order, and numbered alike.
  for (let i = 1; i < sorted.length; i++) {
    const [before, lesson] = [sorted[i - 1]!, sorted[i]!];
    if (before.data.order === lesson.data.order) throw new Error(`lessons: expected each lesson's order once; got ${lesson.data.order} for both ${before.id} and ${lesson.id}`);
  }
  return sorted;
}

/** The URL path of a lesson page. */
export function lessonHref(id: string): string {
  return `${import.meta.env.BASE_URL.replace(/\/$/, '')}/lessons/${id}/`;
}

const WORDS_PER_MINUTE = 200;
const MINUTES_PER_WIDGET = 2;

/**
 * Estimated reading time in whole minutes: prose at 200 words a minute, plus two minutes for each
 * live widget (a reader who skips the widgets has skipped the lesson).
 */
export function readingMinutes(body: string): number {
  const withoutCode = body.replace(/^import .*$/gm, '').replace(/\$\$[\s\S]*?\$\$/g, ' formula ');
  const words = withoutCode.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
  const widgets = (body.match(/<Widget\b/g) ?? []).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE + widgets * MINUTES_PER_WIDGET));
}
