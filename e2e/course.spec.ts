import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { courseLink, type Course } from '../lib/course/exercises';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test } from './fixtures';

// A teacher's course link opens /course/: the student joins the course, answers its exercises in
// the lessons (with the course's solution policy), hands in a file, and the teacher's grader
// scores that file. Links are made with the same function as `npm run course -- build`.
const SLOW = { timeout: 30_000 };
test.beforeEach(() => test.slow());

const COURSE: Course = {
  id: 'pooling-week',
  title: 'Pooling week',
  assignments: [
    {
      id: 'week-1',
      title: 'Week 1: pooling',
      due: '2099-01-15',
      solutions: 'never',
      exercises: [{ id: 'pooling/alexnet-pool', points: 3 }, { id: 'pooling/max-gradient-cells' }],
    },
  ],
};
const OTHER: Course = { ...COURSE, id: 'rnn-week', title: 'RNN week', assignments: [{ ...COURSE.assignments[0]!, id: 'week-2', title: 'Week 2: RNNs' }] };

/** The course page's address for `course` on the test server. */
const linkTo = (course: Course, baseURL: string | undefined): string => new URL(courseLink(course, baseURL ?? 'http://localhost')).pathname + new URL(courseLink(course, baseURL ?? 'http://localhost')).hash;

async function openCourse(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('main').locator('.course, [role=status]').first()).toBeVisible(SLOW);
}

test('a course link joins the course; its exercise, answered in the lesson, counts at the course points with the course policy; the hand-in file grades to the same score', async ({ page, baseURL }) => {
  await openCourse(page, linkTo(COURSE, baseURL));
  await expect(page.getByText('You joined “Pooling week” in this browser.')).toBeVisible(SLOW);
  const week = page.getByRole('region', { name: 'Week 1: pooling' });
  await expect(week).toContainText('Due Thursday 15 January 2099');
  await expect(week).toContainText('2 exercises');
  await expect(week).toContainText('This course does not show solutions.');
  await expect(page.getByText(/^Total: 0 of \d+ points/)).toBeVisible(SLOW);

  // Off to the lesson, by the course's link to the exercise.
  await week.getByRole('link', { name: 'Pooling layers: alexnet-pool' }).click();
  await expect(page).toHaveURL(/\/lessons\/pooling\/#exercise-pooling-alexnet-pool$/);
  const exercise = page.locator('[data-exercise="pooling/alexnet-pool"]');
  const field = exercise.getByRole('textbox', { name: 'Your answer (a shape)' });
  await expect(field).toBeEnabled(SLOW);
  await field.fill('torch.Size([96, 27, 27])');
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(exercise.locator('.exercise__feedback--correct, .exercise__feedback')).not.toBeEmpty(SLOW);
  // The author's default would show the solution now; the course says never.
  await expect(exercise.getByText('This course does not show solutions.')).toBeVisible();
  await expect(exercise.getByText('Solution', { exact: true })).toHaveCount(0);

  // The site-wide progress page sends a hand-in for the course to the course page.
  await page.goto('/progress/');
  const note = page.getByRole('note').filter({ hasText: 'You are in the course “Pooling week”' });
  await expect(note).toBeVisible(SLOW);
  await note.getByRole('link', { name: 'your course page' }).click();

  // Back on the course page, without the link: the course is kept in the browser.
  await expect(page).toHaveURL(/\/course\/$/);
  await expect(page.getByRole('heading', { name: 'Pooling week' })).toBeVisible(SLOW);
  const row = page.getByRole('row', { name: /alexnet-pool/ });
  await expect(row).toContainText('Correct');
  await expect(row).toContainText('3 / 3');
  await expect(page.getByText(/^Total: 3 of \d+ points · 1 of 2 exercises correct$/)).toBeVisible();

  // Hand in: a file for this course, with this course's answers only.
  await page.getByRole('textbox', { name: 'Your name' }).fill('Ada Lovelace');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download hand-in file' }).click();
  const file = await downloading;
  const text = readFileSync((await file.path())!, 'utf8');
  const handIn = JSON.parse(text) as { course: { id: string }; student: { name: string }; answers: Record<string, unknown> };
  expect(handIn.course.id).toBe('pooling-week');
  expect(handIn.student.name).toBe('Ada Lovelace');
  expect(Object.keys(handIn.answers)).toEqual(['pooling/alexnet-pool']);

  // The teacher grades it with the CLI, from a course file of the same course.
  const dir = mkdtempSync(join(tmpdir(), 'nn-course-'));
  mkdirSync(join(dir, 'submissions'));
  mkdirSync(join(dir, 'hidden'));
  writeFileSync(join(dir, 'course.yaml'), JSON.stringify(COURSE, null, 2));
  writeFileSync(join(dir, 'submissions', file.suggestedFilename()), text);
  const run = spawnSync(process.execPath, ['scripts/grade.mjs', '--course', join(dir, 'course.yaml'), '--tests', join(dir, 'hidden'), '--out', join(dir, 'out'), join(dir, 'submissions')], { encoding: 'utf8', timeout: 120_000 });
  expect(run.status, run.stderr).toBe(0);
  const csv = readFileSync(join(dir, 'out', 'grades.csv'), 'utf8').trim().split('\n');
  expect(csv[0]).toMatch(/^file,student_id,student_name,pooling\/alexnet-pool \(3\),pooling\/max-gradient-cells \(\d+\),total \(\d+\),problem$/);
  expect(csv[1]).toMatch(new RegExp(`^${file.suggestedFilename().replace(/\./g, '\\.')},,Ada Lovelace,3,0,3,`));
});

test('a link that cannot be read says why and keeps the course; a link of another course asks before switching', async ({ page, baseURL }) => {
  await openCourse(page, linkTo(COURSE, baseURL));
  await expect(page.getByText('You joined “Pooling week” in this browser.')).toBeVisible(SLOW);
  const cut = linkTo(COURSE, baseURL).slice(0, -25);
  // Another page in between: the same path with another fragment would not load the page again.
  await page.goto('/');
  await openCourse(page, cut);
  await expect(page.getByRole('alert')).toContainText('This course link cannot be read:', SLOW);
  await expect(page.getByRole('alert')).toContainText('You are still in “Pooling week”.');
  await expect(page.getByRole('heading', { name: 'Pooling week' })).toBeVisible();

  await page.goto('/');
  await openCourse(page, linkTo(OTHER, baseURL));
  const prompt = page.getByRole('group', { name: 'Switch course' });
  await expect(prompt).toContainText('This link is for “RNN week”, and this browser is in “Pooling week”.', SLOW);
  await expect(page.getByRole('heading', { name: 'Pooling week' })).toBeVisible();
  await prompt.getByRole('button', { name: 'Switch to “RNN week”' }).click();
  await expect(page.getByRole('heading', { name: 'RNN week' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Week 2: RNNs' })).toBeVisible();
});

test.describe('at 375 px and in both themes', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`the course page fits the screen and is axe clean (${theme})`, async ({ page, baseURL }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize({ width: 375, height: 800 });
      await openCourse(page, linkTo(COURSE, baseURL));
      await expect(page.getByRole('heading', { name: 'Pooling week' })).toBeVisible(SLOW);
      await expect(page.getByText(/^Total: /)).toBeVisible(SLOW);
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page, 'main');
    });
  }
});
