/**
 * The course link students open: the site's /course/ page with the whole course in the URL's
 * fragment, `#c=<lz-string of the course's JSON>` (no server: the fragment never leaves the
 * browser). The teacher's CLI writes it; the /course/ page reads it back with readCourseLink().
 */
import LZString from 'lz-string';
import { courseSchema, type Course } from './course-file';
import { formatPath } from './issue-path';

/** The fragment's parameter name. */
const PARAM = 'c';

/** The link to `course` on the site at `siteUrl` ("https://example.org" or ".../base/"). */
export function courseLink(course: Course, siteUrl: string): string {
  const base = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`;
  return `${base}course/#${PARAM}=${LZString.compressToEncodedURIComponent(JSON.stringify(course))}`;
}

/** The course in a link's fragment ("#c=..."), or why it cannot be read. */
export function readCourseLink(fragment: string): { ok: true; course: Course } | { ok: false; message: string } {
  const match = new RegExp(`(?:^#?|&)${PARAM}=([^&]*)`).exec(fragment);
  if (!match?.[1]) return { ok: false, message: `Expected a course in the link (#${PARAM}=...); got ${fragment === '' ? 'no fragment' : `"${fragment.slice(0, 40)}"`}.` };
  const json = LZString.decompressFromEncodedURIComponent(match[1]);
  let data: unknown;
  try {
    data = json ? JSON.parse(json) : undefined;
  } catch {
    data = undefined;
  }
  if (data === undefined) return { ok: false, message: 'Expected a course in the link; got text that does not decompress to JSON (was the link cut short?).' };
  const parsed = courseSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `The course in the link is damaged at ${formatPath(issue?.path ?? [])}: ${issue?.message ?? 'invalid'}.` };
  }
  return { ok: true, course: parsed.data };
}
