import type { Locator, Page } from '@playwright/test';
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
    await expect.poll(() => trials(widget, 'Random')).toBeGreaterThan(0);
    await widget.getByRole('button', { name: 'Pause' }).click();
    await expect(status(widget)).toContainText('Paused');
    // A trial under way when Pause was pressed may still land; after that, nothing moves.
    await page.waitForTimeout(1500);
    const counts = await Promise.all(['Grid', 'Random', 'Bayesian', 'Successive halving'].map((m) => trials(widget, m)));
    await page.waitForTimeout(1500);
    expect(await Promise.all(['Grid', 'Random', 'Bayesian', 'Successive halving'].map((m) => trials(widget, m)))).toEqual(counts);
    await widget.getByRole('button', { name: 'Play' }).click();
    await expect(status(widget)).toContainText('Running');
    await expect.poll(() => trials(widget, 'Random')).toBeGreaterThan(counts[1]!);
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
    const seed = widget.getByRole('textbox', { name: 'Seed' });
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
    await expect(restored.getByRole('textbox', { name: 'Seed' })).toHaveValue('7');
    await expect(status(restored)).toContainText('budget of 15 full trials');

    await restored.getByRole('button', { name: 'Default settings' }).click();
    await expect(restored.getByRole('combobox', { name: 'Objective' })).toHaveValue('real');
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

  test('fits the width before and after a race', async ({ page }) => {
    const widget = await openWidget(page, '?objective=toy&budget=6');
    await expectNoHorizontalScroll(page);
    await widget.getByRole('button', { name: 'Play' }).click();
    await expect(status(widget)).toContainText('Done.', { timeout: 60_000 });
    await expectNoHorizontalScroll(page);
  });
});
