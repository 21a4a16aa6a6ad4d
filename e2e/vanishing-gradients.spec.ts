import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test, useTheme } from './fixtures';
import { expectSettled, lossReadoutAt, openTraining, playUntil, run, stepOf } from './training';

const LESSON = '/lessons/vanishing-gradients/';
const TITLE = 'Vanishing gradients';

test('Play trains both runs, the readouts and the boundary change, and Pause stops', async ({ page }) => {
  const widget = await openTraining(page, LESSON, TITLE);
  const lossBefore = await run(widget, 'B').getByTestId('loss').textContent();
  const boundary = run(widget, 'B').getByRole('img', { name: /Decision boundary/ });
  const boundaryBefore = await boundary.getAttribute('aria-label');
  await playUntil(widget, 30);
  expect(await stepOf(widget, 'B')).toBeGreaterThan(0);
  await expect(run(widget, 'B').getByTestId('loss')).not.toHaveText(lossBefore ?? '');
  await expect(boundary).not.toHaveAttribute('aria-label', boundaryBefore ?? '');
  const paused = await stepOf(widget, 'A');
  await page.waitForTimeout(600);
  expect(await stepOf(widget, 'A')).toBe(paused);
});

test('Step advances each run by exactly one update', async ({ page }) => {
  const widget = await openTraining(page, LESSON, TITLE);
  await widget.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(run(widget, 'A').getByTestId('step')).toHaveText('1');
  await expect(run(widget, 'B').getByTestId('step')).toHaveText('1');
  await playUntil(widget, 12);
  const a = await expectSettled(widget, 'A');
  const b = await expectSettled(widget, 'B');
  await widget.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(run(widget, 'A').getByTestId('step')).toHaveText(String(a + 1));
  await expect(run(widget, 'B').getByTestId('step')).toHaveText(String(b + 1));
  await page.waitForTimeout(500);
  expect(await stepOf(widget, 'A')).toBe(a + 1);
});

test('Reset reproduces the first run exactly: the same loss at step 50', async ({ page }) => {
  test.slow(); // three runs to step 50
  const widget = await openTraining(page, LESSON, TITLE);
  await playUntil(widget, 50);
  const first = await lossReadoutAt(page, widget, 'B', 50);
  await widget.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(run(widget, 'B').getByTestId('step')).toHaveText('0');
  await playUntil(widget, 50);
  expect(await lossReadoutAt(page, widget, 'B', 50)).toBe(first);
  await widget.getByRole('button', { name: 'New seed' }).click();
  await expect(page).toHaveURL(/seed=2/);
  await expect(run(widget, 'B').getByTestId('step')).toHaveText('0');
  await playUntil(widget, 50);
  expect(await lossReadoutAt(page, widget, 'B', 50)).not.toBe(first);
});

test('deep sigmoid starves layer 1 while ReLU + He keeps it fed, as the summary says', async ({ page }) => {
  const widget = await openTraining(page, LESSON, TITLE);
  await playUntil(widget, 40);
  const summary = widget.locator('.training-widget__summary');
  await expect(summary).toContainText(/Run A \(Sigmoid, PyTorch default init\) at step \d+: test accuracy [\d.]+%; layer 1's gradient is 10⁻/);
  await expect(summary).toContainText(/Run B \(ReLU, He \(Kaiming\) init\)/);
  await expect(run(widget, 'A').getByRole('table')).toContainText('layer 1');
});

test('a preset and a shared link set the settings; bad link values fall back with a notice', async ({ page }) => {
  const widget = await openTraining(page, `${LESSON}?depth=5&a=tanh&ainit=xavier&width=99&opt=lbfgs`, TITLE);
  await expect(widget.getByRole('slider', { name: 'Hidden layers' })).toHaveValue('5');
  await expect(widget.getByRole('combobox', { name: 'Activation (A)' })).toHaveValue('tanh');
  await expect(widget.getByRole('combobox', { name: 'Initialisation (A)' })).toHaveValue('xavier');
  const notice = widget.getByRole('status').filter({ hasText: 'Ignored' });
  await expect(notice).toContainText('Ignored “width=99” from the link: expected a whole number from 2 to 64. Using 32.');
  await expect(notice).toContainText('Ignored “opt=lbfgs”');
  await widget.getByRole('button', { name: 'Narrow: ReLU vs leaky ReLU' }).click();
  await expect(page).toHaveURL(/width=4/);
  await expect(widget.getByRole('combobox', { name: 'Activation (B)' })).toHaveValue('leakyRelu');
  await widget.getByRole('button', { name: 'Default settings' }).click();
  await expect(widget.getByRole('slider', { name: 'Hidden layers' })).toHaveValue('10');
});

test('the settings and the charts work by keyboard', async ({ page }) => {
  const widget = await openTraining(page, LESSON, TITLE);
  const depth = widget.getByRole('slider', { name: 'Hidden layers' });
  await depth.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(depth).toHaveValue('9');
  await expect(page).toHaveURL(/depth=9/);
  const table = run(widget, 'A').getByRole('table');
  await expect(table.getByRole('rowheader', { name: 'layer 10 (output)', exact: true })).toHaveCount(1);
  await expect(table.getByRole('rowheader', { name: /^layer 11/ })).toHaveCount(0);
  await widget.getByRole('button', { name: 'Play', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => stepOf(widget, 'A')).toBeGreaterThan(5);
  await page.keyboard.press('Enter'); // the same button now says Pause
  await expectSettled(widget, 'A');
  const grad = run(widget, 'A').getByRole('slider', { name: /^Gradient norm per layer over steps/ });
  await grad.focus();
  await page.keyboard.press('Home');
  await expect(grad).toHaveAttribute('aria-valuetext', /^Step 1: layer 1's gradient is 10/);
});

for (const theme of ['light', 'dark'] as const) {
  test(`no axe violations with the widget running, ${theme} theme`, async ({ page }) => {
    await useTheme(page, theme);
    const widget = await openTraining(page, LESSON, TITLE);
    await playUntil(widget, 10);
    await expectNoAxeViolations(page);
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

  test('the runs stack, fit the width and train', async ({ page }) => {
    const widget = await openTraining(page, LESSON, TITLE);
    await expect(widget.locator('.training-widget__runs--row')).toHaveCount(0);
    await widget.getByRole('button', { name: 'Step', exact: true }).tap();
    await expect(run(widget, 'A').getByTestId('step')).toHaveText('1');
    await expectNoHorizontalScroll(page);
  });
});
