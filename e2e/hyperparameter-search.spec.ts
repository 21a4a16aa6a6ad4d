import type { Locator, Page } from '@playwright/test';
import { commissionRanking, toyObjective, verdict } from '../lib/course/hyperparameter-search';
import { WIDGETS, expect, expectNoAxeViolations, expectNoHorizontalScroll, test, useTheme } from './fixtures';

const LESSON = '/lessons/hyperparameter-search/';

/** The widget's frame, once its island has started. */
async function openWidget(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${LESSON}${query}`);
  const widget = page.getByRole('region', { name: 'Hyperparameter search race' });
  await widget.getByRole('button', { name: 'Play' }).scrollIntoViewIfNeeded();
  await expect(widget.locator('astro-island')).not.toHaveAttribute('ssr');
  return widget;
}

const table = (widget: Locator) => widget.getByRole('table', { name: 'Best so far, by method' });
/** A cell of a method's row: 0 trials, 1 cost, 2 best value, 3 where. */
const cell = (widget: Locator, method: string, column: number) => table(widget).getByRole('row', { name: new RegExp(`^${method}`) }).getByRole('cell').nth(column);
const trials = async (widget: Locator, method: string): Promise<number> => Number(await cell(widget, method, 0).textContent());
const status = (widget: Locator) => widget.getByRole('status').filter({ hasText: /Press Play|Running|Paused|Done/ });

test.describe('hyperparameter search race', () => {
  test('the race runs: trials stream in, the best-so-far table fills, BO shows its surrogate', async ({ page }) => {
    const widget = await openWidget(page, '?objective=toy&budget=9&seed=2');
    await expect(status(widget)).toContainText('Press Play to race the four methods on a budget of 9 full trials each.');
    await expect(cell(widget, 'Random', 2)).toHaveText('—');
    await widget.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => trials(widget, 'Random')).toBeGreaterThan(0);
    await expect(cell(widget, 'Random', 2)).toHaveText(/^\d\.\d{4}$/);
    await expect(status(widget)).toContainText('Done. Lowest value:', { timeout: 60_000 });
    expect(await trials(widget, 'Grid')).toBe(9);
    expect(await trials(widget, 'Bayesian')).toBe(9);
    expect(await trials(widget, 'Successive halving')).toBe(39);
    await expect(cell(widget, 'Successive halving', 1)).toHaveText('9.0');
    await expect(widget.getByText('Surrogate mean after 9 trials')).toBeVisible();
    await expect(widget.getByRole('img', { name: /^Bayesian optimisation's surrogate mean after 9 trials/ })).toBeVisible();
    await expect(widget.getByRole('slider', { name: /^Best value so far/ })).toHaveAttribute('aria-valuetext', /^After 9 full trials: Grid 0\.\d{4}, Random/);
  });

  test('Pause stops the race, Play resumes it, Reset race clears it', async ({ page }) => {
    const widget = await openWidget(page, '?objective=real&budget=40');
    await widget.getByRole('button', { name: 'Play' }).click();
    // A trial of the real network trains in a worker: room for a loaded machine (7 s, the default, was passed at load 25 on 2 cores), no claim on speed.
    await expect.poll(() => trials(widget, 'Random'), { timeout: 60_000 }).toBeGreaterThan(0);
    await widget.getByRole('button', { name: 'Pause' }).click();
    await expect(status(widget)).toContainText('Paused');
    // A trial under way when Pause was pressed may still land; after that, nothing moves.
    await page.waitForTimeout(1500);
    const counts = await Promise.all(['Grid', 'Random', 'Bayesian', 'Successive halving'].map((m) => trials(widget, m)));
    await page.waitForTimeout(1500);
    expect(await Promise.all(['Grid', 'Random', 'Bayesian', 'Successive halving'].map((m) => trials(widget, m)))).toEqual(counts);
    await widget.getByRole('button', { name: 'Play' }).click();
    await expect(status(widget)).toContainText('Running');
    await expect.poll(() => trials(widget, 'Random'), { timeout: 60_000 }).toBeGreaterThan(counts[1]!);
    await widget.getByRole('button', { name: 'Reset race' }).click();
    await expect(status(widget)).toContainText('Press Play');
    expect(await trials(widget, 'Random')).toBe(0);
  });

  test('the controls work by keyboard, reach the URL, and a link restores them', async ({ page }) => {
    const widget = await openWidget(page);
    await widget.getByRole('combobox', { name: 'Objective' }).selectOption('toy');
    const budget = widget.getByRole('slider', { name: 'Budget (full trials)' });
    await budget.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(budget).toHaveValue('15');
    const seed = widget.getByRole('textbox', { name: 'Seed', exact: true });
    await seed.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('7');
    await page.keyboard.press('Tab');
    await expect(page).toHaveURL(/objective=toy/);
    await expect(page).toHaveURL(/budget=15/);
    await expect(page).toHaveURL(/seed=7/);

    // Play by keyboard.
    await widget.getByRole('button', { name: 'Play' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => trials(widget, 'Grid')).toBeGreaterThan(0);

    const restored = await openWidget(page, new URL(page.url()).search);
    await expect(restored.getByRole('combobox', { name: 'Objective' })).toHaveValue('toy');
    await expect(restored.getByRole('slider', { name: 'Budget (full trials)' })).toHaveValue('15');
    await expect(restored.getByRole('textbox', { name: 'Seed', exact: true })).toHaveValue('7');
    await expect(status(restored)).toContainText('budget of 15 full trials');

    await restored.getByRole('button', { name: 'Default settings' }).click();
    await expect(restored.getByRole('combobox', { name: 'Objective' })).toHaveValue('real');
  });

  test('a finished race extended from budget 9 to 16 keeps random search\'s and BO\'s trials; the grid-alignment exercise is checked from the widget\'s settings', async ({ page }) => {
    const widget = await openWidget(page, '?objective=toy&budget=9&seed=1');
    await widget.getByRole('button', { name: 'Play' }).click();
    await expect(status(widget)).toContainText('Done.', { timeout: 60_000 });
    const curve = widget.getByRole('slider', { name: /^Best value so far/ });
    await curve.focus();
    await page.keyboard.press('End');
    const at9 = (await curve.getAttribute('aria-valuetext')) ?? '';
    const randomAndBo = (text: string): string => /Random [\d.]+, Bayesian [\d.]+/.exec(text)?.[0] ?? `none in "${text}"`;
    expect(at9).toMatch(/^After 9 full trials: /);

    await widget.getByRole('slider', { name: 'Budget (full trials)' }).fill('16');
    await expect(widget.getByText('Budget 9 → 16: Random continues from its 9 trials; Bayesian continues from its 9 trials; Grid and Successive halving start again, since their trials depend on the budget.')).toBeVisible();
    await expect(status(widget)).toContainText('Done.', { timeout: 60_000 });
    expect(await trials(widget, 'Random')).toBe(16);
    expect(await trials(widget, 'Grid')).toBe(16);
    await curve.focus();
    await page.keyboard.press('End');
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowLeft');
    await expect(curve).toHaveAttribute('aria-valuetext', /^After 9 full trials: /);
    expect(randomAndBo((await curve.getAttribute('aria-valuetext')) ?? '')).toBe(randomAndBo(at9));

    const exercise = page.locator('section.exercise[data-exercise="hyperparameter-search/grid-alignment"]');
    await exercise.scrollIntoViewIfNeeded();
    await expect(exercise.getByRole('link', { name: 'Set up the widget for this exercise' })).toHaveAttribute('href', '?objective=toy&budget=9#the-race');
    await exercise.getByRole('button', { name: 'Use the widget’s current settings' }).click();
    await expect(exercise.getByText('Your answer: budget: 16')).toBeVisible();
    await exercise.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(exercise.getByRole('status').first()).toContainText("Goal reached: Grid search's best value on the toy objective with a budget of 16 and seed 1 is 0.006", { timeout: 60_000 });
  });

  test('the race over seeds streams its seeds in, then gives the medians, middle halves and ranking the verdict computes', async ({ page }) => {
    const widget = await openWidget(page, '?objective=toy&budget=9&seeds=6');
    const seeds = widget.getByRole('region', { name: 'Race over seeds' });
    await seeds.getByRole('button', { name: 'Race seeds 1 to 6' }).click();
    await expect(seeds.getByRole('status')).toHaveText('All 6 seeds raced.', { timeout: 60_000 });
    const rows = verdict(toyObjective, 9, [1, 2, 3, 4, 5, 6]);
    const table = seeds.getByRole('table', { name: 'Best value within 9 full trials, over 6 of seeds 1 to 6' });
    for (const [label, row] of [['Grid', rows[0]!], ['Random', rows[1]!], ['Bayesian', rows[2]!], ['Successive halving', rows[3]!]] as const) {
      await expect(table.getByRole('row', { name: new RegExp(`^${label}`) }).getByRole('cell')).toHaveText([row.median.toFixed(3), `${row.lowerQuartile.toFixed(3)}–${row.upperQuartile.toFixed(3)}`]);
    }
    await expect(seeds.getByText(commissionRanking(rows, 6).sentence, { exact: true })).toBeVisible();

    // The network, one worker's seeds at a time: the table fills seed by seed.
    await widget.getByRole('combobox', { name: 'Objective' }).selectOption('real');
    await widget.getByRole('slider', { name: 'Budget (full trials)' }).fill('4');
    await seeds.getByRole('textbox', { name: 'Number of seeds' }).fill('3');
    await seeds.getByRole('textbox', { name: 'Number of seeds' }).press('Tab');
    await seeds.getByRole('button', { name: 'Race seeds 1 to 3' }).click();
    await expect(seeds.getByRole('status')).toContainText(/Racing: [12] of 3 seeds done\./, { timeout: 60_000 });
    await expect(seeds.getByText(/^So far \([12] of 3 seeds\): The commission's ranking/)).toBeVisible();
    await seeds.getByRole('button', { name: 'Stop' }).click();
    await expect(seeds.getByRole('status')).toContainText(/^Stopped after [123] of 3 seeds\.$/);
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`after a race, the widget has no axe violations, ${theme} theme`, async ({ page }) => {
      await useTheme(page, theme);
      const widget = await openWidget(page, '?objective=toy&budget=6');
      await widget.getByRole('button', { name: 'Play' }).click();
      await expect(status(widget)).toContainText('Done.', { timeout: 60_000 });
      await expectNoAxeViolations(page, WIDGETS);
    });
  }
});

test.describe('hyperparameter search race at 375 px', () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

  test('after a race over seeds, dark theme: fits the width, no axe violations', async ({ page }) => {
    await useTheme(page, 'dark');
    const widget = await openWidget(page, '?objective=toy&budget=6&seeds=4');
    const seeds = widget.getByRole('region', { name: 'Race over seeds' });
    await seeds.getByRole('button', { name: 'Race seeds 1 to 4' }).click();
    await expect(seeds.getByRole('status')).toHaveText('All 4 seeds raced.', { timeout: 60_000 });
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page, WIDGETS);
  });

  test('fits the width before and after a race', async ({ page }) => {
    const widget = await openWidget(page, '?objective=toy&budget=6');
    await expectNoHorizontalScroll(page);
    await widget.getByRole('button', { name: 'Play' }).click();
    await expect(status(widget)).toContainText('Done.', { timeout: 60_000 });
    await expectNoHorizontalScroll(page);
  });
});
