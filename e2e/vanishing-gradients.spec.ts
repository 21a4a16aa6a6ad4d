import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test, useTheme } from './fixtures';
import { copyPyTorch, expectChartsAligned, expectLevel, lossReadoutAt, openTraining, playUntil, run, stepOf } from './training';

const LESSON = '/lessons/vanishing-gradients/';
const TITLE = 'Vanishing gradients';

test('Play trains both runs, the readouts and the boundary change, and Pause stops', async ({ page }) => {
  const widget = await openTraining(page, LESSON, TITLE);
  const lossBefore = await run(widget, 'B').getByTestId('loss').textContent();
  const boundary = run(widget, 'B').getByRole('img', { name: /Decision boundary/ });
  const boundaryBefore = await boundary.getAttribute('aria-label');
  // While the runs play, the summary below them (rewritten at every report) never gets shorter:
  // a line more and a line less in turn would move the page below, laid out and painted again each time.
  const summary = widget.locator('.training-widget__summary');
  const heights: number[] = [];
  await widget.getByRole('button', { name: 'Play', exact: true }).click();
  await expect
    .poll(async () => {
      heights.push(await summary.evaluate((el) => el.getBoundingClientRect().height));
      return Math.min(await stepOf(widget, 'A'), await stepOf(widget, 'B'));
    }, { timeout: 45_000, intervals: [100] })
    .toBeGreaterThanOrEqual(150);
  expect(heights, 'the summary\'s heights while playing').toEqual([...heights].sort((x, y) => x - y));
  await widget.getByRole('button', { name: 'Pause', exact: true }).click();
  await expectLevel(widget);
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
  const level = await playUntil(widget, 12);
  await widget.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(run(widget, 'A').getByTestId('step')).toHaveText(String(level + 1));
  await expect(run(widget, 'B').getByTestId('step')).toHaveText(String(level + 1));
  await page.waitForTimeout(500);
  expect(await stepOf(widget, 'A')).toBe(level + 1);
});

// Step 25, the first evaluation after step 0: the run is seeded (weights, minibatches), so a Reset
// that failed to restore any of it (weights, optimizer state, the minibatch generator) shows in the
// loss by then as it would at step 50, and a new seed changes the loss from the first update on.
test('Reset reproduces the first run exactly: the same loss at step 25; a new seed changes it', async ({ page }) => {
  test.slow(); // three runs to step 25
  const widget = await openTraining(page, LESSON, TITLE);
  await playUntil(widget, 25);
  const first = await lossReadoutAt(page, widget, 'B', 25);
  await widget.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(run(widget, 'B').getByTestId('step')).toHaveText('0');
  await playUntil(widget, 25);
  expect(await lossReadoutAt(page, widget, 'B', 25)).toBe(first);
  await widget.getByRole('button', { name: 'New seed' }).click();
  await expect(page).toHaveURL(/seed=2/);
  await expect(run(widget, 'B').getByTestId('step')).toHaveText('0');
  await playUntil(widget, 25);
  expect(await lossReadoutAt(page, widget, 'B', 25)).not.toBe(first);
});

// One trained page for two behaviours that both need the default runs played to step 40 (each
// assertion names which one it checks).
test('at full speed the two runs are kept in step: after Pause both rest at the same step, and the summary compares that step; deep sigmoid starves layer 1 while ReLU + He keeps it fed, as the summary says, naming layers as the bars do', async ({ page }) => {
  const widget = await openTraining(page, LESSON, TITLE);
  await expect(widget.getByRole('combobox', { name: 'Speed' }), 'the default speed is full speed').toHaveValue('0');
  const a = await playUntil(widget, 40);
  expect(await stepOf(widget, 'B'), 'kept in step: run B rests at run A’s step').toBe(a);
  const summary = widget.locator('.training-widget__summary');
  await expect(summary, 'the summary compares the step both rest at').toContainText(`Run A (Sigmoid, PyTorch default init) at step ${a}:`);
  await expect(summary, 'the summary compares the step both rest at').toContainText(`Run B (ReLU, He (Kaiming) init) at step ${a}:`);
  await expect(summary, "deep sigmoid: layer 1's gradient a power of ten below the output's").toContainText(/Run A \(Sigmoid, PyTorch default init\) at step \d+: test accuracy [\d.]+%( \(evaluated at step \d+\))?; layer 1's gradient is 10⁻[⁰¹²³⁴⁵⁶⁷⁸⁹·]+ times output's\./);
  const bars = run(widget, 'A').getByRole('table', { name: /^Gradient norm/ });
  await expect(bars.getByRole('rowheader', { name: 'layer 1', exact: true }), 'the bars name layers as the summary does').toHaveCount(1);
  await expect(bars.getByRole('rowheader', { name: 'output', exact: true }), 'the bars name layers as the summary does').toHaveCount(1);
});

test('each hidden layer’s activations are drawn as a histogram, with a table of their statistics', async ({ page }) => {
  const widget = await openTraining(page, LESSON, TITLE);
  const table = run(widget, 'A').getByRole('table', { name: /^Activations h = g\(z\) of each hidden layer over 256 training points, before training/ });
  await expect(table.getByRole('row')).toHaveCount(11); // a header and ten layers
  await expect(table.getByRole('rowheader', { name: 'layer 10', exact: true })).toHaveCount(1);
  // Sigmoid units with PyTorch's default weights sit near z = 0: RMS slope near ¼.
  await expect(table.getByRole('row', { name: /^layer 5 / })).toContainText(/0\.2[3-5]\d/);
  await expect(run(widget, 'A').getByText(/^Activations per layer, before training \(step 0\): 256 training points$/)).toBeVisible();
});

test('Xavier’s gain is a visible choice kept in the link, and the presets change one thing at a time', async ({ page }) => {
  const widget = await openTraining(page, LESSON, TITLE);
  await expect(widget.getByRole('combobox', { name: 'Xavier gain (B)' })).toHaveCount(0);
  await widget.getByRole('button', { name: 'Tanh: default vs Xavier init' }).click();
  const gain = widget.getByRole('combobox', { name: 'Xavier gain (B)' });
  await expect(gain).toHaveValue('1');
  await gain.selectOption('tanh');
  await expect(page).toHaveURL(/bgain=tanh/);
  await expect(widget.locator('.training-widget__summary')).toContainText('Run B (Tanh, Xavier (Glorot), gain 5/3 init)');
  await widget.getByRole('button', { name: 'Xavier init: sigmoid vs tanh' }).click();
  await expect(widget.getByRole('combobox', { name: 'Activation (A)' })).toHaveValue('sigmoid');
  await expect(widget.getByRole('combobox', { name: 'Initialisation (A)' })).toHaveValue('xavier');
  await expect(widget.getByRole('combobox', { name: 'Initialisation (B)' })).toHaveValue('xavier');
  await widget.getByRole('button', { name: 'Tanh: zero init vs Xavier' }).click();
  await expect(widget.getByRole('combobox', { name: 'Initialisation (A)' })).toHaveValue('zeros');
  await expect(widget.locator('.training-widget__summary')).toContainText("Run A (Tanh, Zeros init) at step 0");
  await expect(widget.locator('.training-widget__summary')).toContainText("output's gradient is exactly zero");
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
  const table = run(widget, 'A').getByRole('table', { name: /^Gradient norm/ });
  await expect(table.getByRole('rowheader', { name: 'layer 9', exact: true })).toHaveCount(1);
  await expect(table.getByRole('rowheader', { name: 'layer 10', exact: true })).toHaveCount(0);
  await expect(table.getByRole('rowheader', { name: 'output', exact: true })).toHaveCount(1);
  await widget.getByRole('button', { name: 'Play', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => stepOf(widget, 'A'), { timeout: 30_000 }).toBeGreaterThan(5);
  await page.keyboard.press('Enter'); // the same button now says Pause
  await expectLevel(widget);
  const grad = run(widget, 'A').getByRole('slider', { name: /^Gradient norm per layer over steps/ });
  await grad.focus();
  await page.keyboard.press('Home');
  await expect(grad).toHaveAttribute('aria-valuetext', /^Step 1: layer 1's gradient is 10/);
});

test('side by side, the two runs’ charts line up even when their settings differ', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  // Run B shows a Xavier gain control that run A does not.
  const widget = await openTraining(page, `${LESSON}?binit=xavier`, TITLE);
  await expectChartsAligned(page, widget, [1440, 1280, 1100]);
});

for (const theme of ['light', 'dark'] as const) {
  test(`no axe violations with the widget running, ${theme} theme`, async ({ page }) => {
    await useTheme(page, theme);
    const widget = await openTraining(page, LESSON, TITLE);
    await playUntil(widget, 10);
    // The widget only: site.spec.ts checks whole pages, and axe over this long lesson takes most of a minute on a busy machine.
    await expectNoAxeViolations(page, '.training-widget');
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

test('Copy as PyTorch copies each run as a script with its layers, initialisation and optimizer; refused by the clipboard, it shows the script to select', async ({ page, context }) => {
  test.slow(); // two scripts written and copied, then axe, on a shared machine
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const widget = await openTraining(page, `${LESSON}?depth=3&width=16&a=tanh&ainit=xavier&again=tanh&opt=adam&lr=0.01`, TITLE);
  const a = await copyPyTorch(page, widget, 'A');
  expect(a).toContain('Neural Notebook: Vanishing gradients, run A');
  expect(a).toContain('nn.Linear(2, 16), nn.Tanh(),\n        nn.Linear(16, 16), nn.Tanh(),\n        nn.Linear(16, 16), nn.Tanh(),\n        nn.Linear(16, 1),');
  expect(a).toMatch(/nn\.init\.xavier_uniform_\(layer\.weight, gain=1\.66666/);
  expect(a).toContain('torch.optim.Adam(model.parameters(), lr=0.01)');
  expect(a).toContain('STEPS = 3000');
  const b = await copyPyTorch(page, widget, 'B');
  expect(b).toContain('nn.Linear(2, 16), nn.ReLU(),');
  expect(b).toContain("nn.init.kaiming_normal_(layer.weight, nonlinearity='relu')");

  // Without the clipboard the script opens below the buttons, selected, to copy by hand.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  await widget.getByRole('button', { name: 'Copy run A as PyTorch' }).click();
  await expect(widget.getByRole('status').filter({ hasText: 'Copy failed' })).toContainText('the script of run A is below');
  const box = widget.getByRole('textbox', { name: 'PyTorch script of run A' });
  await expect(box).toBeVisible();
  expect(await box.inputValue()).toBe(a);
  await expectNoAxeViolations(page, '.training-widget');
});
