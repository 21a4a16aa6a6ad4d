import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema } from './lesson-schema';

/** The lessons: one MDX file per lesson in lessons/, its id the file name. Fields: lesson-schema.ts. */
const lessons = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './lessons' }),
  schema: lessonSchema,
});

export const collections = { lessons };
