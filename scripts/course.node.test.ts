import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCourseLink } from '../lib/course/exercises';
import { buildCourse, courseHtml } from './course.mjs';
import { COURSE_YAML } from './grade/fixtures.mjs';

const dir = mkdtempSync(join(tmpdir(), 'course-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run course -- build', () => {
  it('prints a link whose fragment holds the course, and writes a page linking to it', async () => {
    writeFileSync(join(dir, 'course.yaml'), COURSE_YAML);
    const built = await buildCourse({ coursePath: join(dir, 'course.yaml'), site: 'https://teach.example/nn' });
    expect(built.link.startsWith('https://teach.example/nn/course/#c=')).toBe(true);
    const read = readCourseLink(new URL(built.link).hash);
    expect(read.ok && read.course.assignments[0]?.exercises.map((e) => e.id)).toEqual(['vanishing-gradients/sigmoid-slope', 'vanishing-gradients/tanh-init', 'vanishing-gradients/xavier-layer']);
    expect(built.htmlPath).toBe(join(dir, 'nn-test.html'));
    const html = readFileSync(built.htmlPath, 'utf8');
    expect(html).toContain('<li><strong>Vanishing gradients</strong>, due 2026-12-15: 3 exercises</li>');
    expect(html).toContain(`<a href="${built.link}">`);
  });

  it('escapes the course text in the page', () => {
    const html = courseHtml({ id: 'x', title: '<script>alert(1)</script>', assignments: [] }, 'https://a.example/course/#c=1&2');
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(html).toContain('href="https://a.example/course/#c=1&amp;2"');
  });

  it('refuses a course file with an unknown exercise, pointing at its line', async () => {
    writeFileSync(join(dir, 'bad.yaml'), COURSE_YAML.replace('sigmoid-slope', 'sigmoid-slopes'));
    await expect(buildCourse({ coursePath: join(dir, 'bad.yaml'), site: 'https://a.example' })).rejects.toThrow(/bad\.yaml:9:13: assignments\[0\]\.exercises\[0\]\.id: expected an exercise id/);
  });
});
