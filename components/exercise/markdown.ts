/**
 * Exercise text (hints, solutions, options, feedback: Markdown with $math$) rendered to HTML at
 * build time, with KaTeX, as the lessons are: the page ships the HTML, never a Markdown or KaTeX
 * parser. Used by Exercise.astro only (it runs in Node during the build).
 */
import { createMarkdownProcessor, type MarkdownRenderer } from '@astrojs/markdown-remark';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import type { ExerciseSpec } from '../../lib/course/exercises';

let renderer: Promise<MarkdownRenderer> | undefined;

/** `markdown` as HTML (a single paragraph loses its <p>, so it can sit inline). */
export async function markdownToHtml(markdown: string): Promise<string> {
  renderer ??= createMarkdownProcessor({ remarkPlugins: [remarkMath], rehypePlugins: [[rehypeKatex, { strict: 'error' }]] });
  const html = (await (await renderer).render(markdown)).code.trim();
  const single = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return single && !single[1]!.includes('<p>') ? single[1]! : html;
}

/** Every piece of a spec's text that the page may show, as HTML keyed by its Markdown. */
export async function exerciseTexts(spec: ExerciseSpec): Promise<Record<string, string>> {
  const texts = [...spec.hints, spec.solution];
  if (spec.kind === 'choice') for (const o of spec.options) texts.push(o.text, o.feedback);
  if (spec.kind === 'numeric' || spec.kind === 'shape') for (const m of spec.mistakes ?? []) texts.push(m.feedback);
  const entries = await Promise.all(texts.map(async (t) => [t, await markdownToHtml(t)] as const));
  return Object.fromEntries(entries);
}
