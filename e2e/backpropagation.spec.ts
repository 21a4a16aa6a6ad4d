import type { Locator, Page } from '@playwright/test';
import { WIDGETS, expect, expectNoAxeViolations, expectNoHorizontalScroll, test, useTheme } from './fixtures';
import { copyPyTorch, expectLevel, openTraining, run, stepOf } from './training';
import { csvRows, exportAs, expectTabStopBefore, parseSvg } from './export-files';

const LESSON = '/lessons/backpropagation/';

/** The computation-graph widget's frame, once its island has started. */
async function openGraph(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${LESSON}${query}`);
  const widget = page.getByRole('region', { name: 'Computation graph', exact: true });
  await widget.scrollIntoViewIfNeeded();
  await expect(widget.locator('astro-island')).not.toHaveAttribute('ssr');
  return widget;
}

/** The Gradient cell of the node table's row whose header is `node`. */
async function gradientOf(widget: Locator, node: string): Promise<Locator> {
  const details = widget.locator('details.cgraph__details');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
  return widget
    .getByRole('table', { name: /Nodes in topological order/ })
    .getByRole('row')
    .filter({ has: widget.page().getByRole('rowheader', { name: node, exact: true }) })
    .locator('td')
    .last();
}

const explanation = (widget: Locator) => widget.locator('.cgraph__explain');

const RACE = 'Cross-entropy versus squared error: training from a bad start';
const TITLES = ['Computation graph', 'Cross-entropy versus squared error', RACE, 'Gradient check'];

/** Scrolls to each of the lesson's widgets until its island has started. */
async function startAll(page: Page): Promise<void> {
  for (const title of TITLES) {
    const widget = page.getByRole('region', { name: title, exact: true });
    await widget.scrollIntoViewIfNeeded();
    await expect(widget.locator('astro-island')).not.toHaveAttribute('ssr');
  }
}

test.describe('computation graph widget', () => {
  test('steps the backward pass of (a*b + c).tanh() by button and by keys, with local derivatives and products', async ({ page }) => {
    const widget = await openGraph(page);
    await expect(explanation(widget)).toHaveText('Forward pass done: the output is 0.4621. The backward pass starts from d(output)/d(output) = 1.');
    await expect(await gradientOf(widget, 'a')).toHaveText('not yet');
    await widget.getByRole('button', { name: 'Backward step' }).click();
    await expect(explanation(widget)).toHaveText('Step 1 of 3: tanh (TanhBackward0) has gradient 1 and hands it back to +: local derivative 0.7864, times 1, gives 0.7864.');
    await widget.getByRole('region', { name: /^Computation graph drawing/ }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(explanation(widget)).toContainText('Step 2 of 3: + (AddBackward0) has gradient 0.7864');
    await page.keyboard.press('ArrowRight');
    await expect(explanation(widget)).toHaveText(
      'Step 3 of 3: × (MulBackward0) has gradient 0.7864 and hands it back to a: local derivative −2, times 0.7864, gives −1.573; to b: local derivative 0.5, times 0.7864, gives 0.3932. Every gradient is now complete.',
    );
    // The drawing labels the two edges of the step with their local derivatives.
    await expect(widget.locator('.cgraph__local')).toHaveText(['×−2', '×0.5']);
    await expect(await gradientOf(widget, 'a')).toHaveText('−1.573');
    await expect(await gradientOf(widget, 'c')).toHaveText('0.7864');
    await expect(page).toHaveURL(/step=3/);
    // The drawing exports, its control a tab stop of its own before the drawing's keyboard region: the SVG draws the
    // gradients it shows, the CSV holds them at full precision.
    const drawing = widget.getByRole('region', { name: /^Computation graph drawing/ });
    const frame = widget.locator('.export-frame', { has: page.getByRole('region', { name: /^Computation graph drawing/ }) });
    const name = 'Export Computation graph, step 3 of 3 of the backward pass';
    await expectTabStopBefore(page, drawing, frame.getByRole('button', { name, exact: true }));
    const svg = await parseSvg(page, (await exportAs(page, frame, name, 'SVG')).bytes.toString('utf8'));
    expect(svg).toMatchObject({ error: false, title: 'Computation graph, step 3 of 3 of the backward pass' });
    expect(svg.texts).toEqual(expect.arrayContaining(['grad −1.573', 'grad 0.7864', '×−2', '×0.5']));
    const nodes = csvRows((await exportAs(page, frame, name, 'Data (CSV)')).bytes);
    expect(nodes[0]).toEqual(['node', 'label', 'grad_fn', 'inputs', 'value', 'gradient']);
    const a = nodes.find((r) => r[1] === 'a');
    expect(Number(a?.[5])).toBeCloseTo(-2 * (1 - Math.tanh(0.5) ** 2), 12);
    expect(Number(nodes.find((r) => r[2] === 'TanhBackward0')?.[4])).toBeCloseTo(Math.tanh(0.5), 12);
    await drawing.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(explanation(widget)).toContainText('Step 2 of 3');
    await page.keyboard.press('Home');
    await expect(explanation(widget)).toContainText('Forward pass done');
    // The state survives a reload.
    await page.keyboard.press('End');
    await expect(page).toHaveURL(/step=3/);
    await page.reload();
    await widget.scrollIntoViewIfNeeded();
    await expect(explanation(widget)).toContainText('Step 3 of 3');
  });

  test('editing an input recomputes everything live', async ({ page }) => {
    const widget = await openGraph(page, '?step=3');
    const a = widget.getByRole('textbox', { name: 'a', exact: true });
    await a.fill('1');
    await expect(await gradientOf(widget, 'b')).toHaveText('0.7864'); // a·(1 − tanh²(−0.5))
    await widget.getByRole('button', { name: 'Clear gradients' }).click();
    await expect(explanation(widget)).toContainText('the output is −0.4621');
    await a.fill('1e9');
    await expect(widget.getByText(/still using 1/)).toBeVisible();
    await expect(explanation(widget)).toContainText('the output is −0.4621');
  });

  test('a malformed expression is explained and the last good graph stays; a value used twice gets the sum', async ({ page }) => {
    const widget = await openGraph(page);
    const box = widget.getByRole('textbox', { name: 'Expression' });
    await box.fill('a +');
    await expect(widget.getByText('expected a number, a name or "(", got the end; still showing the last expression that worked.')).toBeVisible();
    await expect(box).toHaveAttribute('aria-invalid', 'true');
    await expect(explanation(widget)).toContainText('the output is 0.4621');
    await box.fill('a*a + a');
    await expect(box).not.toHaveAttribute('aria-invalid');
    await expect(widget.getByRole('combobox', { name: 'Preset' })).toHaveValue('custom');
    await widget.getByRole('textbox', { name: 'a', exact: true }).fill('3');
    await widget.getByRole('button', { name: 'All steps' }).click();
    await expect(await gradientOf(widget, 'a')).toHaveText('7');
    await expect(page).toHaveURL(/expr=a\*a/);
    await box.fill('exp(a)');
    await widget.getByRole('textbox', { name: 'a', exact: true }).fill('800');
    await expect(widget.getByRole('note')).toContainText('overflows float64');
    await expect(explanation(widget)).toContainText('the output is ∞');
  });

  test('the network preset: a loss over nine parameters, every gradient filled in by All steps', async ({ page }) => {
    const widget = await openGraph(page);
    await widget.getByRole('combobox', { name: 'Preset' }).selectOption({ label: 'A 2-2-1 network with a loss' });
    await expect(widget.getByRole('textbox', { name: 'Expression' })).toHaveValue(/^\(sigmoid\(v1\*tanh/);
    await expect(widget.getByRole('textbox', { name: 'w11' })).toHaveValue('0.5');
    await widget.getByRole('button', { name: 'All steps' }).click();
    await expect(explanation(widget)).toContainText('Every gradient is now complete.');
    for (const name of ['v1', 'w11', 'b2', 'c']) await expect(await gradientOf(widget, name)).not.toHaveText('not yet');
    await widget.getByRole('button', { name: 'Reset' }).click();
    await expect(widget.getByRole('textbox', { name: 'Expression' })).toHaveValue('(a*b + c).tanh()');
  });
});

test.describe('cross-entropy versus squared error widget', () => {
  test('the logit slider and the target move both gradients; the charts step by keyboard', async ({ page }) => {
    await page.goto(LESSON);
    const widget = page.getByRole('region', { name: 'Cross-entropy versus squared error', exact: true });
    await widget.scrollIntoViewIfNeeded();
    await expect(widget.locator('astro-island')).not.toHaveAttribute('ssr');
    const sentence = widget.locator('.losscmp__sentence');
    await expect(sentence).toHaveText(
      "At z = −5 the unit predicts p = 0.006693 for target 1: confidently wrong. dL/dz is −0.9933 under cross-entropy and −0.006604 under squared error: cross-entropy's is 150.4 times as large.",
    );
    const slider = widget.getByRole('slider', { name: 'Logit z', exact: true });
    await slider.focus();
    await page.keyboard.press('End');
    await expect(sentence).toContainText('At z = 8 the unit predicts p = 0.9997 for target 1: right.');
    await expect(widget.getByRole('row', { name: /Cross-entropy/ })).toContainText('−0.0003354');
    await widget.getByRole('radio', { name: 'y = 0' }).check();
    await expect(sentence).toContainText('for target 0: confidently wrong');
    await expect(page).toHaveURL(/y=0/);
    const chart = widget.getByRole('slider', { name: /^dL\/dz against the logit z/ });
    await chart.focus();
    await page.keyboard.press('Home');
    await expect(chart).toHaveAttribute('aria-valuetext', /z = −8, p = 0\.0003354: dL\/dz is 0\.0003354 under cross-entropy/);
  });
});

test.describe('gradient check widget', () => {
  test('autograd against central differences per input; h and the precision change the verdict', async ({ page }) => {
    await page.goto(LESSON);
    const widget = page.getByRole('region', { name: 'Gradient check', exact: true });
    await widget.scrollIntoViewIfNeeded();
    await expect(widget.locator('astro-island')).not.toHaveAttribute('ssr');
    const sentence = widget.locator('.gcheck__sentence');
    await expect(sentence).toHaveText('With h = 10⁻⁵ in float64, the largest relative error is 5.7×10⁻¹¹: the check passes.');
    await expect(widget.getByRole('table', { name: "Each input's gradient" }).getByRole('row')).toHaveCount(13);
    await widget.getByRole('combobox', { name: 'Precision' }).selectOption('float32');
    await expect(sentence).toContainText('in float32');
    await expect(sentence).toContainText('the check fails');
    const slider = widget.getByRole('slider', { name: 'Step h', exact: true });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(sentence).toContainText('With h = 10⁻² in float32, the largest relative error is 4.2×10⁻⁵');
    await expect(page).toHaveURL(/e=-2/);
    const chart = widget.getByRole('slider', { name: /^Largest relative error against/ });
    await chart.focus();
    await page.keyboard.press('Home');
    await expect(chart).toHaveAttribute('aria-valuetext', /^h = 10⁻¹⁰: largest relative error .* in float64, 1\.0×10⁰ in float32\.$/);
  });
});

test.describe('loss race widget', () => {
  test('Step, Play, Pause and Reset drive both runs; squared error stays on its plateau while cross-entropy learns', async ({ page }) => {
    const widget = await openTraining(page, LESSON, RACE);
    const summary = widget.locator('.training-widget__summary');
    await expect(summary).toContainText(/^Run A \(cross-entropy\) at step 0, before any update: training accuracy 47\.5 %, loss 4\.2; output layer's gradient norm [\d.]+ at the initial weights\./);
    for (let i = 0; i < 3; i++) await widget.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(run(widget, 'A').getByTestId('step')).toHaveText('3');
    await expect(run(widget, 'B').getByTestId('step')).toHaveText('3');
    const chart = widget.getByRole('slider', { name: /^Output layer's gradient norm, both runs/ });
    await chart.focus();
    await page.keyboard.press('End');
    await expect(chart).toHaveAttribute('aria-valuetext', /^Step 3: output layer's gradient norm [\d.]+ under cross-entropy, [\d.]+×10⁻[⁴⁵] under squared error\.$/);

    await widget.getByRole('combobox', { name: 'Speed' }).selectOption('1');
    await widget.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => stepOf(widget, 'A'), { timeout: 45_000 }).toBeGreaterThanOrEqual(150);
    await widget.getByRole('button', { name: 'Pause', exact: true }).click();
    const step = await expectLevel(widget);
    expect(step).toBeLessThan(1500);
    await expect(summary).toContainText(/Run A \(cross-entropy\) at step \d+: training accuracy (9\d|100)\.\d %/);
    await expect(summary).toContainText(/Run B \(squared error\) at step \d+: training accuracy 47\.5 %, loss 0\.52\d/);

    await widget.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect(run(widget, 'A').getByTestId('step')).toHaveText('0');
    await expect(run(widget, 'B').getByTestId('step')).toHaveText('0');
  });

  test('the bad start and the learning rate are set by keyboard and kept in the link, and Copy as PyTorch writes them', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const widget = await openTraining(page, `${LESSON}?bad=4`, RACE);
    const bad = widget.getByRole('slider', { name: 'Bad start: output bias' });
    await expect(bad).toHaveAttribute('aria-valuetext', '−4');
    await bad.focus();
    await page.keyboard.press('ArrowRight');
    await expect(bad).toHaveAttribute('aria-valuetext', '−6');
    await expect(page).toHaveURL(/bad=6/);
    const lr = widget.getByRole('slider', { name: 'Learning rate' });
    await lr.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/lr=1(&|$)/);
    await expect(run(widget, 'B').getByTestId('step')).toHaveText('0');
    const b = await copyPyTorch(page, widget, 'B');
    expect(b).toContain('return F.mse_loss(torch.sigmoid(logits), y)');
    expect(b).toContain('output.bias.fill_(-6.0)');
    expect(b).toContain('torch.optim.SGD(model.parameters(), lr=1.0)');
    expect(await copyPyTorch(page, widget, 'A')).toContain('loss_fn = nn.BCEWithLogitsLoss()');
    await widget.getByRole('button', { name: 'No bad start (bias 0)' }).click();
    await expect(bad).toHaveAttribute('aria-valuetext', '0');
    await expect(page).toHaveURL(/bad=0/);
  });

  test('the experiment exercise: the learning rate set in the widget, Check re-runs squared error from the bad start', async ({ page }) => {
    test.slow(); // the check re-trains run B for 500 steps in a worker
    const exercise = page.locator('section.exercise[data-exercise="backpropagation/plateau-learning-rate"]');
    const widget = await openTraining(page, LESSON, RACE);
    const lr = widget.getByRole('slider', { name: 'Learning rate' });
    await lr.focus();
    await page.keyboard.press('End');
    await expect(page).toHaveURL(/lr=3(&|$)/);
    await exercise.scrollIntoViewIfNeeded();
    await expect(exercise.getByRole('button', { name: 'Check', exact: true })).toBeEnabled({ timeout: 30_000 });
    await exercise.getByRole('button', { name: 'Use the widget’s current settings' }).click();
    await expect(exercise.getByText('Your answer: lr: 3')).toBeVisible();
    await exercise.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(exercise.getByRole('status').first()).toContainText('Goal reached: Run B reached 100.0 % training accuracy after 500 steps', { timeout: 120_000 });
  });
});

for (const theme of ['light', 'dark'] as const) {
  test(`the lesson's widgets, mid-step, have no axe violations, ${theme} theme`, async ({ page }) => {
    await useTheme(page, theme);
    const widget = await openGraph(page, '?step=2');
    await expect(explanation(widget)).toContainText('Step 2 of 3');
    await widget.locator('details.cgraph__details summary').click();
    await startAll(page);
    await expectNoAxeViolations(page, WIDGETS); // the prose: site.spec.ts
  });
}

test.describe('backpropagation on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

  test('the widget fits 375 px: the graph scrolls inside its own region', async ({ page }) => {
    const widget = await openGraph(page, '?expr=' + encodeURIComponent('(sigmoid(v1*tanh(w11*x1 + w12*x2 + b1) + v2*tanh(w21*x1 + w22*x2 + b2) + c) - y)**2'));
    await expectNoHorizontalScroll(page);
    await widget.getByRole('button', { name: 'Backward step' }).tap();
    await expect(explanation(widget)).toContainText('Step 1 of');
    await startAll(page);
    await expectNoHorizontalScroll(page);
  });
});
