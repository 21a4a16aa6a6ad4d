#!/usr/bin/env node
/**
 * The teacher's course tool: `npm run course -- build course.yaml [--site https://...] [--out dir]`
 * checks the course file, prints the link students open (the site's /course/ page with the course
 * in its fragment) and writes <course id>.html, a small standalone page linking to it (for an LMS).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { bundleGrader } from './grade/bundle.mjs';

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** The site's URL as astro.config.mjs configures it (`site: '...'`). */
export function configuredSite() {
  const config = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'astro.config.mjs'), 'utf8');
  const match = /^\s*site:\s*['"]([^'"]+)['"]/m.exec(config);
  if (!match) throw new Error('course: expected astro.config.mjs to set site: "<url>"; pass --site instead');
  return match[1];
}

/** The standalone HTML page for a course: its title, assignments with due dates, and the link. */
export function courseHtml(course, link) {
  const items = course.assignments
    .map((a) => `    <li><strong>${escapeHtml(a.title)}</strong>, due ${escapeHtml(a.due)}: ${a.exercises.length} exercise${a.exercises.length === 1 ? '' : 's'}</li>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(course.title)}</title>
</head>
<body>
  <h1>${escapeHtml(course.title)}</h1>
  <ul>
${items}
  </ul>
  <p><a href="${escapeHtml(link)}">Open the course in Neural Notebook</a></p>
</body>
</html>
`;
}

/** Builds a course: returns { course, link, htmlPath } after writing the HTML file. Throws with every problem of the course file. */
export async function buildCourse({ coursePath, site = configuredSite(), outDir = dirname(resolve(coursePath)) }) {
  const bundleDir = await bundleGrader();
  try {
    const lib = await import(pathToFileURL(join(bundleDir, 'parent-lib.mjs')).href);
    const read = lib.readCourseFile(readFileSync(coursePath, 'utf8'), { fileName: coursePath, exerciseIds: new Set(lib.allExercises.map((e) => e.id)) });
    if (!read.ok) throw new Error(`The course file has ${read.errors.length} problem${read.errors.length === 1 ? '' : 's'}:\n${read.errors.join('\n')}`);
    const link = lib.courseLink(read.course, site);
    const htmlPath = join(outDir, `${read.course.id}.html`);
    writeFileSync(htmlPath, courseHtml(read.course, link));
    return { course: read.course, link, htmlPath };
  } finally {
    rmSync(bundleDir, { recursive: true, force: true });
  }
}

async function main() {
  const { values, positionals } = parseArgs({ options: { site: { type: 'string' }, out: { type: 'string' } }, allowPositionals: true });
  if (positionals[0] !== 'build' || positionals.length !== 2) {
    console.error('usage: npm run course -- build course.yaml [--site https://your.site] [--out dir]');
    process.exit(2);
  }
  const built = await buildCourse({ coursePath: positionals[1], ...(values.site ? { site: values.site } : {}), ...(values.out ? { outDir: values.out } : {}) });
  console.log(built.link);
  console.error(`Wrote ${built.htmlPath}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
