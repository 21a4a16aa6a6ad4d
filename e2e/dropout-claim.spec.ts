import type { Locator, Page } from '@playwright/test';
import { WIDGETS, expect, expectNoAxeViolations, expectNoHorizontalScroll, test, useTheme } from './fixtures';

const LESSON = '/lessons/overfitting-and-dropout/';
const TITLE = 'Does dropout help? Test it over seeds';
/** Training on a shared 2-core machine: generous waits, no assertion on time. */
const TRAINING = { timeout: 120_000 };

/** Opens the lesson with `query` and waits until the widget has its digits (Run enabled). */
async function openWidget(page: Page, query: string): Promise<Locator> {
  await page.goto(`${LESSON}${query}`);
  const widget = page.getByRole('region', { name: TITLE, exact: true });
  await widget.getByRole('group', { name: 'Training digits' }).scrollIntoViewIfNeeded();
  await expect(widget.getByRole('button', { name: 'Run', exact: true })).toBeEnabled(TRAINING);
  return widget;
}

const status = (widget: Locator) => widget.getByRole('status').filter({ hasText: /^(Press Run|Running|Stopped|Done)/ });
const table = (widget: Locator) => widget.getByRole('table', { name: /^Dropout’s difference \(run B minus run A\) by training size/ });
/** A cell of a size's row: 0 final loss, 1 final accuracy, 2 lowest loss. */
const cell = (widget: Locator, size: string, column: number) => table(widget).getByRole('row', { name: new RegExp(`^${size} `) }).getByRole('cell').nth(column);

test.describe('the dropout claim widget', () => {
  test.beforeEach(() => test.slow());

  test('runs a grid by keyboard; the sentence, table and chart agree', async ({ page }) => {
    const widget = await openWidget(page, '?claim-sizes=100&claim-seeds=1&claim-epochs=1');
    await expect(status(widget)).toHaveText('Press Run to train 2 runs (1 size × 1 seed × without and with dropout, 1 epoch each).');
    // Settings by keyboard: a second seed and a second size.
    const seeds = widget.getByRole('slider', { name: 'Seeds' });
    await seeds.focus();
    await page.keyboard.press('ArrowRight');
    await expect(seeds).toHaveValue('2');
    await widget.getByRole('checkbox', { name: '200' }).focus();
    await page.keyboard.press('Space');
    await expect(page).toHaveURL(/claim-sizes=100%2C200|claim-sizes=100,200/);
    await expect(page).toHaveURL(/claim-seeds=2/);
    await expect(status(widget)).toContainText('Press Run to train 8 runs (2 sizes × 2 seeds');

    await widget.getByRole('button', { name: 'Run', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(status(widget)).toContainText('Running');
    await expect(status(widget)).toHaveText(/^Done: 8 of 8 runs .* finished in \d+ s\.$/, TRAINING);
    for (const size of ['100', '200']) for (const column of [0, 1, 2]) await expect(cell(widget, size, column)).toContainText(/helped in [012] of 2$/);

    // The sentence states each size's median and seeds helped as the table does.
    await expect(widget.getByText(/^On this evidence \(2 seeds per size;/)).toBeVisible();
    const sentence = (await widget.getByRole('listitem').filter({ hasText: /^Dropout lowered the final validation loss/ }).textContent()) ?? '';
    for (const size of ['100', '200']) {
      const text = (await cell(widget, size, 0).textContent()) ?? '';
      const median = text.match(/^([−+]?\d\.\d{3})/)?.[1];
      const helped = text.match(/helped in (\d) of 2/)?.[1];
      expect(median, `a median in “${text}”`).toBeDefined();
      expect(sentence).toContain(`${size} digits (median ${median}, ${helped} of 2 seeds)`);
    }
    // The chart's text alternative names every seed's difference.
    await expect(widget.getByRole('img', { name: /^Dropout’s difference in final validation loss \(run B minus run A\) against training size/ })).toHaveAccessibleName(
      /100 digits, median [−+]?\d\.\d{3}, seeds [−+]?\d\.\d{3}, [−+]?\d\.\d{3}; 200 digits/,
    );
    await widget.getByRole('combobox', { name: 'Chart shows the difference in' }).selectOption('finalAccuracy');
    await expect(widget.getByRole('img', { name: /^Dropout’s difference in final validation accuracy/ })).toHaveAccessibleName(/points/);
  });

  test('tests random shifts instead of dropout, chosen by keyboard: in the URL and restored from it; the table, sentence and chart name the remedy', async ({ page }) => {
    const widget = await openWidget(page, '?claim-sizes=100&claim-seeds=1&claim-epochs=1');
    const remedy = widget.getByRole('combobox', { name: 'Remedy (run B)' });
    await expect(remedy).toHaveValue('dropout');
    await remedy.focus();
    await page.keyboard.press('ArrowDown');
    await expect(remedy).toHaveValue('shifts');
    await expect(page).toHaveURL(/claim-remedy=shifts/);
    // Run B has shifts and no dropout: the dropout controls give way to the shifts'.
    await expect(widget.getByRole('slider', { name: 'Dropout rate p (run B)' })).toHaveCount(0);
    const shifts = widget.getByRole('combobox', { name: 'Random shifts (run B)' });
    await expect(shifts).toHaveValue('1');
    await shifts.focus();
    await page.keyboard.press('ArrowDown');
    await expect(shifts).toHaveValue('2');
    await expect(page).toHaveURL(/claim-shift=2/);
    await page.keyboard.press('ArrowUp');
    await expect(shifts).toHaveValue('1');
    await expect(page).not.toHaveURL(/claim-shift=/);
    await expect(status(widget)).toHaveText('Press Run to train 2 runs (1 size × 1 seed × without and with random shifts, 1 epoch each).');

    await widget.getByRole('button', { name: 'Run', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(status(widget)).toHaveText(/^Done: 2 of 2 runs .* finished in \d+ s\.$/, TRAINING);
    const shiftsTable = widget.getByRole('table', { name: /^The shifts’ difference \(run B minus run A\) by training size: .* where random shifts helped$/ });
    const text = (await shiftsTable.getByRole('row', { name: /^100 / }).getByRole('cell').first().textContent()) ?? '';
    const median = text.match(/^([−+]?\d\.\d{3})/)?.[1];
    expect(median, `a difference in “${text}”`).toBeDefined();
    await expect(widget.getByText(/^On this evidence \(1 seed per size; a difference is run B with random shifts minus run A without\):$/)).toBeVisible();
    await expect(widget.getByRole('listitem').filter({ hasText: /^Shifts (lowered|raised) the final validation loss/ })).toContainText(`100 digits (median ${median ?? ''}, `);
    await expect(widget.getByRole('img', { name: /^The shifts’ difference in final validation loss \(run B minus run A\)/ })).toHaveAccessibleName(new RegExp(`100 digits, median ${(median ?? '').replace('+', '\\+')}`));

    // The link restores the remedy (and the runs start afresh).
    const restored = await openWidget(page, page.url().replace(/^.*\?/, '?'));
    await expect(restored.getByRole('combobox', { name: 'Remedy (run B)' })).toHaveValue('shifts');
    await expect(status(restored)).toContainText('without and with random shifts');
    // Both together: dropout's controls come back beside the shifts.
    await restored.getByRole('combobox', { name: 'Remedy (run B)' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(page).toHaveURL(/claim-remedy=both/);
    await expect(restored.getByRole('slider', { name: 'Dropout rate p (run B)' })).toBeVisible();
    await expect(restored.getByRole('combobox', { name: 'Random shifts (run B)' })).toBeVisible();
    await expect(status(restored)).toContainText('without and with dropout and random shifts');
  });

  test('rows stream in; Stop cancels the runs left and keeps the finished ones; a bad link gets defaults with a message', async ({ page }) => {
    const widget = await openWidget(page, '?claim-sizes=100,300&claim-seeds=10&claim-epochs=5&claim-p=7');
    await expect(widget.getByText('Ignored “claim-p=7” from the link: expected a number from 0.1 to 0.8. Using 0.5.')).toBeVisible();
    await expect(widget.getByRole('slider', { name: 'Dropout rate p (run B)' })).toHaveAttribute('aria-valuetext', '0.5');
    await widget.getByRole('button', { name: 'Run', exact: true }).click();
    // Rows stream in: the first pair at 100 digits gives a row while most of the 40 runs are still to come.
    await expect(cell(widget, '100', 0)).toContainText(/helped in \d+ of \d+$/, TRAINING);
    await expect(status(widget)).toContainText(/^Running: [1-9]\d* of 40 runs done/);
    await widget.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(status(widget)).toHaveText(/^Stopped after \d+ of 40 runs/);
    const stopped = (await status(widget).textContent()) ?? '';
    await expect(widget.getByRole('button', { name: 'Stop', exact: true })).toBeDisabled();
    await expect(widget.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
    // Nothing is left running: the progress bar and the status no longer move.
    await expect(widget.getByRole('progressbar', { name: 'Runs done' })).toHaveAttribute('value', stopped.match(/after (\d+) of/)?.[1] ?? 'none');
    await expect(status(widget)).toHaveText(stopped);
  });

  test('fits 375 px in the dark theme, axe clean with results shown', async ({ page }) => {
    await useTheme(page, 'dark');
    await page.setViewportSize({ width: 375, height: 800 });
    const widget = await openWidget(page, '?claim-sizes=100&claim-seeds=1&claim-epochs=1');
    await widget.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(status(widget)).toHaveText(/^Done: 2 of 2 runs/, TRAINING);
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page, WIDGETS);
  });
});
