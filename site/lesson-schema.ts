import { reference } from 'astro:content';
import { z } from 'astro/zod';

/**
 * The frontmatter fields of a lesson, one per line, each with what it means. The author guide
 * (/guide/) prints this table, so the description here is the documentation.
 */
export const lessonFields = {
  title: z.string().min(3).describe('Title shown on the course map and at the top of the lesson.'),
  summary: z
    .string()
    .min(20)
    .max(200)
    .describe('One sentence saying what the lesson is about (20 to 200 characters); also the page’s meta description.'),
  order: z.number().int().positive().describe('Position in the course, from 1. Lessons are listed and chained (previous, next) in this order.'),
  outcomes: z
    .array(z.string().min(5))
    .min(1)
    .describe('What the reader can do afterwards: a list of short phrases, each starting with a verb (“Explain why …”).'),
  prerequisites: z
    .array(reference('lessons'))
    .default([])
    .describe('Lessons to read first, by id (the file name without .mdx). The build fails if one does not exist.'),
  draft: z.boolean().default(false).describe('true while the lesson is being written: it appears in `npm run dev` only, not in the built site.'),
  updated: z.coerce.date().optional().describe('Date of the last substantial revision (YYYY-MM-DD), shown under the outcomes.'),
};

/** The schema the lessons collection validates each lesson's frontmatter against. */
export const lessonSchema = z.object(lessonFields);
