import type { Locator, Page } from '@playwright/test';
import { formatSignificant } from '../lib/common';
import { dropoutForward, type ForwardRequest } from '../lib/course/dropout-forward';
import { formatActivation } from '../components/dropout-forward/model';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test, THEME_AND_WIDTH_RULES, useTheme } from './fixtures';

const LESSON = '/lessons/overfitting-and-dropout/';
const TITLE = 'One forward pass through nn.Dropout';
// A worker computes each answer on a shared 2-core machine: generous waits, no assertion on time.
const SLOW = { timeout: 20_000 };
/** The widget's frame, for axe. */
const WIDGET = 'section.widget:has(.dropfwd)';

/** Opens the lesson (with `query`), scrolls to the widget so that it hydrates, opens its table and waits for the numbers. */
async function openWidget(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${LESSON}${query}`);
  const widget = page.getByRole('region', { name: TITLE, exact: true });
  await widget.getByRole('slider', { name: 'Drop probability p' }).scrollIntoViewIfNeeded();
  await widget.getByText("Every unit's numbers", { exact: true }).click();
  await expect(widget.getByRole('table').getByRole('row')).toHaveCount(17, SLOW);
  return widget;
}

/** Waits until the table shows the answer to `request`, then returns its rows' cells. */
async function expectTableFor(widget: Locator, request: ForwardRequest): Promise<string[][]> {
  const table = widget.getByRole('table');
  await expect(table).not.toHaveAttribute('aria-busy', 'true', SLOW);
  const r = dropoutForward(request);
  const rows = table.locator('tbody tr');
  // Output column: the engine's numbers, as the page's worker computed them.
  await expect(rows.locator('td:nth-child(4)')).toHaveText(Array.from(r.output, formatActivation), SLOW);
  await expect(rows.locator('td:nth-child(3)')).toHaveText(
    r.kept.map((k, i) => (k ? `kept ×${formatActivation(r.factor[i]!)}` : 'dropped ×0')),
  );
  return rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')));
}

const base: ForwardRequest = { p: 0.5, training: true, seed: 1, passes: 1, scaled: true };

test.describe('the dropout forward-pass widget', () => {
  test.beforeEach(() => test.slow());

  test('train and eval, p by keyboard, new masks, averaged passes and the scaling switch show the engine’s numbers', async ({ page }) => {
    const widget = await openWidget(page);
    const facts = widget.locator('.dropfwd__facts');
    let rows = await expectTableFor(widget, base);
    const dropped = dropoutForward(base).kept.filter((k) => !k).length;
    await expect(facts).toContainText(`This pass dropped ${dropped} of 16 units`);
    // Kept units read h × 2 in the table itself.
    for (const [h, mask, out] of rows) expect(Number(out)).toBeCloseTo(mask?.startsWith('kept') ? 2 * Number(h) : 0, 4);

    const draw = widget.getByRole('button', { name: 'Draw a new mask' });
    await draw.focus();
    await page.keyboard.press('Enter');
    await expect(widget.getByText('mask seed 2')).toBeVisible();
    await expectTableFor(widget, { ...base, seed: 2 });
    await expect.poll(() => new URL(page.url()).searchParams.get('dseed')).toBe('2');

    const slider = widget.getByRole('slider', { name: 'Drop probability p' });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(slider).toHaveAttribute('aria-valuetext', 'p = 0.60');
    rows = await expectTableFor(widget, { ...base, seed: 2, p: 0.6 });
    for (const [h, mask, out] of rows) expect(Number(out)).toBeCloseTo(mask?.startsWith('kept') ? Number(h) / 0.4 : 0, 3);
    await page.keyboard.press('End');
    await expect(facts).toContainText('p = 1 drops every unit: the output is all zeros. PyTorch 1.13 does the same');
    await expectTableFor(widget, { ...base, seed: 2, p: 1 });
    await page.keyboard.press('Home');
    await expect(facts).toContainText('p = 0: nothing is dropped');
    await expectTableFor(widget, { ...base, seed: 2, p: 0 });
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
    await expect(slider).toHaveAttribute('aria-valuetext', 'p = 0.50');

    // 1,000 passes: the largest gap to h is the engine's, small, and charted.
    await widget.getByRole('combobox', { name: 'Average over' }).selectOption('1000');
    const many = { ...base, seed: 2, passes: 1000 };
    await expectTableFor(widget, many);
    const scaled = dropoutForward(many);
    expect(scaled.gapToH).toBeLessThan(0.15);
    await expect(facts).toContainText(`The mean of 1,000 passes: largest gap |mean − h| = ${formatSignificant(scaled.gapToH, 3)}.`);
    await expect(widget.getByRole('slider', { name: /^Largest gap between the running mean/ })).toBeVisible();

    // Without the scaling the mean goes to (1 − p)·h, far from h.
    await widget.getByRole('checkbox', { name: 'without the 1/(1 − p) scaling' }).check();
    const unscaled = dropoutForward({ ...many, scaled: false });
    await expectTableFor(widget, { ...many, scaled: false });
    expect(unscaled.gapToH).toBeGreaterThan(0.3);
    await expect(facts).toContainText(
      `largest gap |mean − h| = ${formatSignificant(unscaled.gapToH, 3)}, but largest gap |mean − (1 − p)·h| = ${formatSignificant(unscaled.gapToLimit, 3)}`,
    );
    await expect(widget.getByRole('columnheader', { name: '(1 − p)·h' })).toBeVisible();

    // model.eval(): the output is h exactly, and there is no mask to draw.
    const evalButton = widget.getByRole('button', { name: 'model.eval()' });
    await evalButton.focus();
    await page.keyboard.press('Enter');
    await expect(evalButton).toHaveAttribute('aria-pressed', 'true');
    await expect(facts).toContainText('The output equals h exactly (16 of 16 units identical)');
    rows = await expectTableFor(widget, { ...many, scaled: false, training: false });
    for (const [h, , out] of rows) expect(out).toBe(h);
    await expect(draw).toBeDisabled();

    await widget.getByRole('button', { name: 'model.train()' }).click();
    await widget.getByRole('button', { name: 'Reset' }).click();
    await expectTableFor(widget, base);
  });

  test('restores a link, names a bad parameter, and is accessible at 375 px in dark and light', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await useTheme(page, 'dark');
    const widget = await openWidget(page, '?dp=0.9&dseed=7&dpasses=100&dscaled=false&dmode=sideways');
    await expect(widget.getByRole('status').filter({ hasText: 'Ignored “dmode=sideways”' })).toBeVisible();
    await expectTableFor(widget, { p: 0.9, training: true, seed: 7, passes: 100, scaled: false });
    await expect(widget.getByRole('slider', { name: 'Drop probability p' })).toHaveAttribute('aria-valuetext', 'p = 0.90');
    await expectNoHorizontalScroll(page);
    // Every rule once (they do not depend on the theme), then the theme's own rules in light.
    await expectNoAxeViolations(page, WIDGET);
    await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
    await expectNoAxeViolations(page, { include: WIDGET, rules: THEME_AND_WIDTH_RULES });
  });
});
