import { describe, expect, it } from 'vitest';
import LZString from 'lz-string';
import { courseLink, readCourseLink } from './course-link';
import type { Course } from './course-file';

const course: Course = { id: 'ml-2026', title: 'Deep learning', assignments: [{ id: 'week-1', title: 'Gradients', due: '2026-12-15', solutions: 'after-due', exercises: [{ id: 'vanishing-gradients/tanh-init', points: 3 }] }] };

describe('course links', () => {
  it('courseLink() puts the course in the fragment of /course/, and readCourseLink() reads it back', () => {
    const link = courseLink(course, 'https://example.org/nn');
    expect(link.startsWith('https://example.org/nn/course/#c=')).toBe(true);
    expect(readCourseLink(new URL(link).hash)).toEqual({ ok: true, course });
    expect(courseLink(course, 'https://example.org/')).toMatch(/^https:\/\/example\.org\/course\/#c=/);
  });
  it('refuses a missing, cut or damaged course with a message', () => {
    expect(readCourseLink('')).toEqual({ ok: false, message: 'Expected a course in the link (#c=...); got no fragment.' });
    const hash = new URL(courseLink(course, 'https://x.org')).hash;
    expect(readCourseLink(hash.slice(0, 20))).toMatchObject({ ok: false, message: expect.stringContaining('does not decompress') });
    const damaged = `#c=${LZString.compressToEncodedURIComponent(JSON.stringify({ ...course, assignments: [] }))}`;
    expect(readCourseLink(damaged)).toMatchObject({ ok: false, message: expect.stringMatching(/^The course in the link is damaged at assignments: /) });
  });
});
