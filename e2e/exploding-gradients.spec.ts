import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test, useTheme } from './fixtures';
import { openTraining, run, stepOf } from './training';

const LESSON = '/lessons/exploding-gradients/';
const TITLE = 'Exploding gradients';

test('the unclipped run stops cleanly with a NaN message, the clipped run keeps training, Reset recovers', async ({ page }) => {
  const widget = await openTraining(page, LESSON, TITLE);
  await widget.getByRole('button', { name: 'Play', exact: true }).click();
  const alert = run(widget, 'A').getByRole('alert');
  await expect(alert).toContainText(/Loss became (NaN|Infinity) at step 3: training stopped\./);
  await expect.poll(() => stepOf(widget, 'B'), { timeout: 30_000 }).toBeGreaterThan(20);
  await widget.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(widget.locator('.training-widget__summary')).toContainText(/Run A \(no clipping\): Loss became (NaN|Infinity) at step 3/);
  await widget.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(run(widget, 'A').getByRole('alert')).toHaveCount(0);
  await expect(run(widget, 'A').getByTestId('step')).toHaveText('0');
  await expect(widget.getByRole('button', { name: 'Play', exact: true })).toBeEnabled();
});

test('clipping by global norm holds the norm at the threshold, read from the chart by keyboard', async ({ page }) => {
  const widget = await openTraining(page, LESSON, TITLE);
  for (let i = 0; i < 5; i++) await widget.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(run(widget, 'B').getByTestId('step')).toHaveText('5');
  const chart = run(widget, 'B').getByRole('slider', { name: /^Global gradient norm/ });
  await chart.focus();
  await page.keyboard.press('End');
  await expect(chart).toHaveAttribute('aria-valuetext', /^Step 5: norm [\d.,×⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+ before clipping, 1\.000 after\.$/);
});

test('the threshold and the clipping mode are set by keyboard and kept in the link', async ({ page }) => {
  const widget = await openTraining(page, `${LESSON}?clip=value&max=0.1`, TITLE);
  await expect(widget.getByRole('combobox', { name: 'Clipping (B)' })).toHaveValue('value');
  const threshold = widget.getByRole('slider', { name: 'Threshold' });
  await expect(threshold).toHaveAttribute('aria-valuetext', '0.1');
  await threshold.focus();
  await page.keyboard.press('ArrowRight');
  await expect(threshold).toHaveAttribute('aria-valuetext', '0.3');
  await expect(page).toHaveURL(/max=0\.3/);
  await widget.getByRole('combobox', { name: 'Clipping (B)' }).selectOption('tensor');
  await expect(page).toHaveURL(/clip=tensor/);
});

test('the RNN setup explodes too, and a bad link value falls back with a notice', async ({ page }) => {
  const widget = await openTraining(page, `${LESSON}?model=rnn&scale=1.5&lr=0.001&seqlen=abc`, TITLE);
  await expect(widget.getByRole('status').filter({ hasText: 'Ignored' })).toContainText('Ignored “seqlen=abc”');
  await expect(widget.getByRole('slider', { name: 'Sequence length L' })).toHaveAttribute('aria-valuetext', '50');
  await widget.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(run(widget, 'A').getByRole('alert')).toContainText(/Loss became (NaN|Infinity) at step \d+/, { timeout: 30_000 });
});

for (const theme of ['light', 'dark'] as const) {
  test(`no axe violations after a run diverged, ${theme} theme`, async ({ page }) => {
    await useTheme(page, theme);
    const widget = await openTraining(page, LESSON, TITLE);
    for (let i = 0; i < 4; i++) await widget.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(run(widget, 'A').getByRole('alert')).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

  test('fits the width and steps', async ({ page }) => {
    const widget = await openTraining(page, LESSON, TITLE);
    await widget.getByRole('button', { name: 'Step', exact: true }).tap();
    await expect(run(widget, 'B').getByTestId('step')).toHaveText('1');
    await expectNoHorizontalScroll(page);
  });
});
