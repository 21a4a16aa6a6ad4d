import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test, useTheme } from './fixtures';
import { copyPyTorch, openTraining, playUntil, run, stepOf } from './training';

const LESSON = '/lessons/vanishing-gradients/';
const TITLE = 'Vanishing gradients';

/** A CSV of `n` points of each class: class 'a' to the lower left, 'b' to the upper right, in units of hundreds. */
function clustersCsv(n: number): string {
  const rows = Array.from({ length: n }, (_, i) => [`${100 + 7 * i},${200 + 3 * i},a`, `${400 + 5 * i},${600 - 2 * i},b`]).flat();
  return ['x1,x2,label', ...rows].join('\r\n');
}

/** Loads `text` as a file through "Load CSV…", as a reader choosing a file would. */
async function upload(widget: Locator, name: string, text: string): Promise<void> {
  await widget.getByLabel('Load CSV…').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

/** Chooses "Your data" in the Dataset menu and returns its box. */
async function chooseOwnData(page: Page, widget: Locator): Promise<Locator> {
  await widget.getByRole('combobox', { name: 'Dataset' }).selectOption({ label: 'Your data' });
  await expect(page).toHaveURL(/\b(dataset|data)=own\b/);
  return widget.getByRole('region', { name: 'Your data' });
}

test('points drawn by mouse and typed by keyboard train both runs, Undo takes one back, and they are still there after a reload', async ({ page }) => {
  test.slow(); // two page loads and two trainings on a shared machine
  const widget = await openTraining(page, LESSON, TITLE);
  const box = await chooseOwnData(page, widget);
  const summary = box.getByTestId('own-data-summary');
  await expect(summary).toHaveText(/^No points yet/);
  await expect(box.getByText(/^To train, add at least 4 points of each class/)).toBeVisible();

  // Class 1 by mouse: four clicks in the upper right of run A's plot.
  const plot = run(widget, 'A').getByRole('img', { name: /Decision boundary/ });
  await expect(box.getByRole('radio', { name: /^Class 1/ })).toBeChecked();
  const size = (await plot.boundingBox())?.width ?? 0;
  for (const [fx, fy] of [[0.75, 0.2], [0.85, 0.3], [0.7, 0.3], [0.8, 0.15]] as const) await plot.click({ position: { x: fx * size, y: fy * size } });
  await expect(summary).toHaveText('4 points, drawn: 0 of class 0, 4 of class 1.');

  // Class 0 by keyboard: choose the class with the arrow keys, then type each point and press Enter.
  await box.getByRole('radio', { name: /^Class 1/ }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(box.getByRole('radio', { name: /^Class 0/ })).toBeChecked();
  const x1 = box.getByRole('textbox', { name: 'x1', exact: true });
  for (const [a, b] of [['-1', '-1'], ['-0.8', '-0.6'], ['-0.5', '-1.1'], ['-1.2', '-0.4'], ['-0.9', '-0.9']]) {
    await x1.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(a!);
    await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(b!);
    await page.keyboard.press('Enter');
  }
  await expect(summary).toHaveText('9 points, drawn: 5 of class 0, 4 of class 1.');
  await box.getByRole('button', { name: 'Undo' }).click();
  await expect(summary).toHaveText('8 points, drawn: 4 of class 0, 4 of class 1.');
  await x1.fill('abc');
  await box.getByRole('button', { name: 'Add point' }).click();
  await expect(box.getByRole('alert')).toHaveText('x1: expected a number, got ‘abc’.');
  await expect(summary).toHaveText('8 points, drawn: 4 of class 0, 4 of class 1.');

  // Both runs train on the eight points: the loss and the boundary change.
  await expect(run(widget, 'A').getByTestId('loss')).not.toHaveText('…', { timeout: 15_000 });
  const lossBefore = await run(widget, 'B').getByTestId('loss').textContent();
  const boundaryBefore = await plot.getAttribute('aria-label');
  await playUntil(widget, 30);
  await expect(run(widget, 'B').getByTestId('loss')).not.toHaveText(lossBefore ?? '');
  await expect(plot).not.toHaveAttribute('aria-label', boundaryBefore ?? '');
  expect(await stepOf(widget, 'A')).toBeGreaterThanOrEqual(30);

  await page.reload();
  await expect(widget.getByRole('combobox', { name: 'Dataset' })).toHaveValue('own', { timeout: 15_000 });
  await expect(widget.getByRole('region', { name: 'Your data' }).getByTestId('own-data-summary')).toHaveText('8 points, drawn: 4 of class 0, 4 of class 1.');
  await expect(run(widget, 'A').getByTestId('loss')).not.toHaveText('…', { timeout: 15_000 });
});

test('a link asking for data this browser does not have falls back with a notice; the sample CSV loads and trains; malformed files are refused and change nothing', async ({ page, context }) => {
  test.slow();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const widget = await openTraining(page, `${LESSON}?dataset=own`, TITLE);
  await expect(widget.getByRole('status').filter({ hasText: 'This link asks for “Your data”' })).toContainText('Training on two circles instead.');
  await expect(widget.getByRole('combobox', { name: 'Dataset' })).toHaveValue('circles');

  const box = await chooseOwnData(page, widget);
  const download = page.waitForEvent('download');
  await box.getByRole('button', { name: 'Download a sample CSV' }).click();
  const sample = await readFile((await (await download).path()) ?? '', 'utf8');
  expect(sample.split('\r\n')[0]).toBe('x1,x2,label');
  await upload(widget, 'moons-sample.csv', sample);
  const summary = box.getByTestId('own-data-summary');
  await expect(summary).toHaveText('80 points from “moons-sample.csv”: 40 of class 0 (‘upper’), 40 of class 1 (‘lower’).');
  await expect(box.getByRole('status')).toHaveText('Loaded 80 points from “moons-sample.csv”.');
  // Run B (ReLU + He) learns; run A's deep sigmoid net may not move its loss in 30 steps (the lesson's point).
  await expect(run(widget, 'B').getByTestId('loss')).not.toHaveText('…', { timeout: 15_000 });
  const lossAtStart = await run(widget, 'B').getByTestId('loss').textContent();
  const step = await playUntil(widget, 30);
  const loss = (await run(widget, 'B').getByTestId('loss').textContent()) ?? '';
  expect(loss).not.toBe(lossAtStart);

  const bad: [string, string, string][] = [
    ['columns.csv', 'a,b\n1,2\n', "“columns.csv” was not loaded: line 1: expected the header x1,x2,label, got 'a,b'. Your data and the runs are unchanged."],
    ['text.csv', `${clustersCsv(5)}\r\n7,abc,a`, "“text.csv” was not loaded: line 12, column x2: expected a number, got 'abc'. Your data and the runs are unchanged."],
    ['big.csv', clustersCsv(1001), '“big.csv” was not loaded: Too many rows: expected at most 2,000 points, got 2,002. Your data and the runs are unchanged.'],
  ];
  for (const [name, text, message] of bad) {
    await upload(widget, name, text);
    await expect(box.getByRole('alert')).toHaveText(message);
    await expect(summary).toHaveText(/^80 points from “moons-sample.csv”/);
    expect(await stepOf(widget, 'A')).toBe(step);
    expect(await stepOf(widget, 'B')).toBe(step);
    await expect(run(widget, 'B').getByTestId('loss')).toHaveText(loss);
  }

  // Copy as PyTorch embeds the reader's points.
  const script = await copyPyTorch(page, widget, 'A');
  expect(script).toContain('Data: 80 points of your own data, each feature scaled as the widget scales it, label 0 or 1');
  expect(script).toMatch(/X_TRAIN = '[A-Za-z0-9+/=]{500,}'/);

  // A good file after the bad ones replaces the data; the runs start again on it.
  await upload(widget, 'clusters.csv', clustersCsv(6));
  await expect(summary).toHaveText('12 points from “clusters.csv”: 6 of class 0 (‘a’), 6 of class 1 (‘b’).');
  await expect(run(widget, 'A').getByTestId('step')).toHaveText('0');
  await widget.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(run(widget, 'A').getByTestId('step')).toHaveText('1');
});

test.describe('on a phone, dark', () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

  test('the Your data box fits, is tapped to draw, and has no axe violations', async ({ page }) => {
    await useTheme(page, 'dark');
    const widget = await openTraining(page, LESSON, TITLE);
    const box = await chooseOwnData(page, widget);
    await upload(widget, 'clusters.csv', clustersCsv(5));
    const plot = run(widget, 'A').getByRole('img', { name: /Decision boundary/ });
    await plot.tap({ position: { x: 20, y: 20 } });
    await expect(box.getByTestId('own-data-summary')).toHaveText('11 points from “clusters.csv”: 5 of class 0 (‘a’), 6 of class 1 (‘b’).');
    await upload(widget, 'text.csv', 'x1,x2,label\n1,x,0');
    await expect(box.getByRole('alert')).toBeVisible();
    await box.getByText('The file, the scaling and where the data is kept').click();
    await expect(box.getByText(/Each feature is mapped from its smallest to its largest value/)).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page, '.training-widget');
  });
});

test('the loss race offers Your data too: a loaded file trains both losses, and a tap on the plot adds a point', async ({ page }) => {
  const widget = await openTraining(page, '/lessons/backpropagation/', 'Cross-entropy versus squared error: training from a bad start');
  const box = await chooseOwnData(page, widget);
  await expect(widget.getByText('Neither run has started: To train, add at least 4 points of each class: class 0 has 0, class 1 has 0.')).toHaveCount(1);
  await upload(widget, 'clusters.csv', clustersCsv(4));
  await expect(box.getByTestId('own-data-summary')).toHaveText('8 points from “clusters.csv”: 4 of class 0 (‘a’), 4 of class 1 (‘b’).');
  await expect(run(widget, 'B').getByTestId('loss')).not.toHaveText('…', { timeout: 15_000 });
  await widget.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(run(widget, 'A').getByTestId('step')).toHaveText('1');
  await expect(run(widget, 'B').getByTestId('step')).toHaveText('1');
  await run(widget, 'B').getByRole('img', { name: /Decision boundary/ }).click({ position: { x: 10, y: 10 } });
  await expect(box.getByTestId('own-data-summary')).toHaveText('9 points from “clusters.csv”: 4 of class 0 (‘a’), 5 of class 1 (‘b’).');
  await expect(run(widget, 'A').getByTestId('step')).toHaveText('0'); // new data: both runs start again
});
