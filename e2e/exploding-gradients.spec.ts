import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test, useTheme } from './fixtures';
import { copyPyTorch, expectChartsAligned, openTraining, run, stepOf } from './training';

const LESSON = '/lessons/exploding-gradients/';
const TITLE = 'Exploding gradients';

test('before anything runs, the summary gives the real gradient norm at the initial weights, not NaN', async ({ page }) => {
  const widget = await openTraining(page, LESSON, TITLE);
  const summary = widget.locator('.training-widget__summary');
  await expect(summary).toContainText(/^Run A \(no clipping\) at step 0, before any update: loss [\d.,×⁰¹²³⁴⁵⁶⁷⁸⁹]+, gradient norm [\d.,×⁰¹²³⁴⁵⁶⁷⁸⁹]+ at the initial weights\./);
  await expect(summary).toContainText(/Run B \(Global norm \(clip_grad_norm_\), threshold 1\) at step 0, before any update/);
  await expect(summary).not.toContainText('NaN');
  // The bars show the same step-0 gradient, finite in every layer.
  const bars = run(widget, 'A').getByRole('table', { name: /^Gradient norm/ });
  await expect(bars).toContainText('before training (step 0)');
  await expect(bars).not.toContainText('NaN');
});

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

test('the threshold and the clipping mode are set by keyboard and kept in the link, and Copy as PyTorch writes them', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
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
  const b = await copyPyTorch(page, widget, 'B');
  expect(b).toContain('Neural Notebook: Exploding gradients, run B');
  expect(b).toContain('nn.Linear(20, 64), nn.ReLU(),');
  expect(b).toContain('torch.optim.SGD(model.parameters(), lr=0.01)');
  expect(b).toContain('if tensor_norm > 0.3:');
  const a = await copyPyTorch(page, widget, 'A');
  expect(a).toContain('loss_fn = nn.MSELoss()');
  expect(a).not.toContain('utils.clip_grad');
});

test('the RNN setup explodes too, for another seed as well, and a bad link value falls back with a notice', async ({ page }) => {
  test.slow(); // two RNN runs over 30-step sequences, twice
  const widget = await openTraining(page, `${LESSON}?model=rnn&seqlen=abc`, TITLE);
  await expect(widget.getByRole('status').filter({ hasText: 'Ignored' })).toContainText('Ignored “seqlen=abc”');
  await expect(widget.getByRole('slider', { name: 'Sequence length L' })).toHaveAttribute('aria-valuetext', '30');
  await widget.getByRole('button', { name: 'RNN over 30 steps' }).click();
  await expect(widget.getByRole('slider', { name: 'Initial weight scale' })).toHaveAttribute('aria-valuetext', '× 2');
  await expect(widget.getByRole('slider', { name: 'Learning rate' })).toHaveAttribute('aria-valuetext', '0.01');
  await widget.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(run(widget, 'A').getByRole('alert')).toContainText(/(Loss|The gradient norm) became (NaN|Infinity) at step \d+/, { timeout: 30_000 });
  // Run B still trains: pause it, so that the new seed starts paused at step 0.
  await widget.getByRole('button', { name: 'Pause', exact: true }).click();
  await widget.getByRole('button', { name: 'New seed' }).click();
  await expect(page).toHaveURL(/seed=2/);
  await expect(run(widget, 'A').getByRole('alert')).toHaveCount(0);
  await widget.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(run(widget, 'A').getByRole('alert')).toContainText(/(Loss|The gradient norm) became (NaN|Infinity) at step \d+/, { timeout: 30_000 });
});

test('side by side, run B’s charts are level with run A’s although only run B has clipping settings', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const widget = await openTraining(page, LESSON, TITLE);
  await expectChartsAligned(page, widget, [1440, 1280, 1100]);
  for (let i = 0; i < 4; i++) await widget.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(run(widget, 'A').getByRole('alert')).toBeVisible();
  await expectChartsAligned(page, widget, [1280]);
});

for (const theme of ['light', 'dark'] as const) {
  test(`no axe violations after a run diverged, ${theme} theme`, async ({ page }) => {
    await useTheme(page, theme);
    const widget = await openTraining(page, LESSON, TITLE);
    for (let i = 0; i < 4; i++) await widget.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(run(widget, 'A').getByRole('alert')).toBeVisible();
    await expectNoAxeViolations(page, '.training-widget');
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

test('the experiment exercise: set up from its link, clip run B per tensor in the widget, and Check re-runs it', async ({ page }) => {
  test.slow(); // the check re-trains the RNN for 500 steps in a worker, on a shared machine
  const id = 'exploding-gradients/rnn-clipping';
  const exercise = page.locator(`section.exercise[data-exercise="${id}"]`);
  // One page load, at the address the exercise's link gives (checked below): a reader who followed it.
  const widget = await openTraining(page, `${LESSON}?model=rnn#the-experiment`, TITLE);
  await exercise.scrollIntoViewIfNeeded();
  await expect(exercise.getByRole('button', { name: 'Check', exact: true })).toBeEnabled({ timeout: 30_000 });
  await expect(exercise.getByRole('link', { name: 'Set up the widget for this exercise' })).toHaveAttribute('href', '?model=rnn#the-experiment');
  await widget.getByRole('combobox', { name: 'Clipping (B)' }).selectOption('tensor');
  await expect(page).toHaveURL(/clip=tensor/);
  await exercise.scrollIntoViewIfNeeded();
  await exercise.getByRole('button', { name: 'Use the widget’s current settings' }).click();
  await expect(exercise.getByText('Your answer: clip: tensor')).toBeVisible();
  await exercise.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(exercise.getByRole('status').first()).toContainText('Goal reached: Run B reached training loss 0.315 after 500 steps', { timeout: 120_000 });
});
