import { WIDGETS, expect, expectNoAxeViolations, test, useTheme, pageSettled } from './fixtures';

const LESSON = '/lessons/activation-functions/';

/** The explorer's widget frame, once its island has started. */
async function openExplorer(page: import('@playwright/test').Page, query = '') {
  await page.goto(`${LESSON}${query}`);
  const widget = page.getByRole('region', { name: 'Activation explorer' });
  await widget.scrollIntoViewIfNeeded();
  await expect(widget.locator('astro-island')).not.toHaveAttribute('ssr');
  return widget;
}

function readoutCell(widget: import('@playwright/test').Locator, fn: string, column: 1 | 2 | 3) {
  return widget.getByRole('row', { name: new RegExp(`^${fn}\\b`) }).getByRole('cell').nth(column - 1);
}

test.describe('activation explorer', () => {
  test('arrow keys on the plot move the crosshair and update the readout and the link', async ({ page }) => {
    const widget = await openExplorer(page);
    await expect(widget.getByRole('table')).toContainText('z = 1.00');
    await expect(readoutCell(widget, 'Sigmoid', 1)).toHaveText('0.731');
    const crosshair = widget.getByRole('slider', { name: /Crosshair position z/ });
    await crosshair.focus();
    await page.keyboard.press('ArrowRight');
    await expect(widget.getByRole('table')).toContainText('z = 1.12');
    await expect(readoutCell(widget, 'Sigmoid', 1)).toHaveText('0.754');
    await expect(crosshair).toHaveAttribute('aria-valuetext', /^z = 1\.12: Sigmoid 0\.754, slope 0\.185/);
    await page.keyboard.press('Shift+ArrowLeft');
    await expect(widget.getByRole('table')).toContainText('z = −0.08');
    await page.keyboard.press('End');
    await expect(widget.getByRole('table')).toContainText('z = 6.00');
    await expect(page).toHaveURL(/[?&]z=6(&|$)/);
  });

  test('keyboard steps land on the sample grid: from z = 0.24 two steps left give exactly 0, in the readout and in the link', async ({ page }) => {
    const widget = await openExplorer(page, '?z=0.24');
    const crosshair = widget.getByRole('slider', { name: /Crosshair position z/ });
    await crosshair.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page).toHaveURL(/[?&]z=0\.12(&|$)/);
    await page.keyboard.press('ArrowLeft');
    await expect(widget.getByRole('table')).toContainText('z = 0.00');
    await expect(page).toHaveURL(/[?&]z=0(&|$)/);
    await expect(crosshair).toHaveAttribute('aria-valuenow', '0');
    for (let i = 0; i < 7; i++) await page.keyboard.press(i % 2 ? 'Shift+ArrowRight' : 'ArrowLeft');
    await expect(page).toHaveURL(/[?&]z=3\.12(&|$)/);
    expect(new URL(page.url()).searchParams.get('z')).not.toMatch(/e/i);
  });

  test('Identity backpropagates: its f′(z) from the engine is 1 at every z, as the lesson says against the notes', async ({ page }) => {
    const widget = await openExplorer(page, '?fns=identity&z=-4');
    await expect(readoutCell(widget, 'Identity', 2)).toHaveText('1.000');
    const crosshair = widget.getByRole('slider', { name: /Crosshair position z/ });
    await crosshair.focus();
    await page.keyboard.press('End');
    await expect(widget.getByRole('table')).toContainText('z = 6.00');
    await expect(readoutCell(widget, 'Identity', 2)).toHaveText('1.000');
    await expect(readoutCell(widget, 'Identity', 3)).toHaveText('no');
  });

  test('moving the α slider with the keyboard changes the leaky ReLU readout', async ({ page }) => {
    const widget = await openExplorer(page, '?fns=leakyRelu&z=-2');
    await expect(readoutCell(widget, 'Leaky ReLU', 1)).toHaveText('−0.200');
    await expect(readoutCell(widget, 'Leaky ReLU', 2)).toHaveText('0.100');
    const alpha = widget.getByRole('slider', { name: 'Leaky ReLU slope α' });
    await alpha.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(alpha).toHaveValue('0.12');
    await expect(readoutCell(widget, 'Leaky ReLU', 1)).toHaveText('−0.240');
    await expect(readoutCell(widget, 'Leaky ReLU', 2)).toHaveText('0.120');
  });

  test('lowering ε with the keyboard moves the saturation threshold in the summary', async ({ page }) => {
    const widget = await openExplorer(page, '?fns=sigmoid&range=10');
    const summary = widget.locator('.explorer__summary');
    await expect(summary).toContainText('Sigmoid has |f′(z)| < ε for |z| > 4.58');
    const eps = widget.getByRole('slider', { name: 'Saturation threshold ε' });
    await eps.focus();
    await page.keyboard.press('ArrowLeft'); // 0.01 → 0.005
    await expect(eps).toHaveAttribute('aria-valuetext', '0.005');
    await expect(summary).toContainText('for |z| > 5.29');
  });

  test('ticking a function adds its curve and its row', async ({ page }) => {
    const widget = await openExplorer(page);
    await expect(widget.getByRole('row', { name: /^Swish/ })).toHaveCount(0);
    await widget.getByRole('checkbox', { name: 'Swish' }).check();
    await expect(readoutCell(widget, 'Swish', 1)).toHaveText('0.731'); // 1 · σ(1)
    await expect(widget.locator('.explorer-panel__curve')).toHaveCount(8);
    await expect(page).toHaveURL(/fns=sigmoid%2Ctanh%2Crelu%2Cswish|fns=sigmoid,tanh,relu,swish/);
  });

  test('a shared link restores the state', async ({ page }) => {
    const widget = await openExplorer(page, '?fns=tanh,swish&range=10&eps=0.001&z=-3&beta=2');
    await expect(widget.getByRole('checkbox', { name: 'Tanh' })).toBeChecked();
    await expect(widget.getByRole('checkbox', { name: 'Sigmoid' })).not.toBeChecked();
    await expect(widget.getByRole('table')).toContainText('z = −3.00');
    await expect(widget.getByRole('slider', { name: 'Swish β' })).toHaveValue('2');
    await expect(widget.getByRole('slider', { name: 'Range of z (±R)' })).toHaveAttribute('aria-valuetext', '±10');
    await expect(readoutCell(widget, 'Tanh', 1)).toHaveText('−0.995');
  });

  test('bad values in the link fall back with a visible notice, and the widget keeps working', async ({ page }) => {
    const widget = await openExplorer(page, '?alpha=abc&fns=gelu&z=1e999');
    const notice = widget.getByRole('status').filter({ hasText: 'Ignored' });
    await expect(notice).toContainText('Ignored “alpha=abc” from the link: expected a number from 0 to 1. Using 0.1.');
    await expect(notice).toContainText('Ignored “fns=gelu”');
    await expect(notice).toContainText('Ignored “z=1e999”');
    await expect(readoutCell(widget, 'Sigmoid', 1)).toHaveText('0.731');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
    await expect(page).not.toHaveURL(/alpha=/);
  });

  test('Reset returns every setting to its default', async ({ page }) => {
    const widget = await openExplorer(page, '?fns=swish&z=-4&beta=3');
    await widget.getByRole('button', { name: 'Reset' }).click();
    await expect(widget.getByRole('checkbox', { name: 'Sigmoid' })).toBeChecked();
    await expect(widget.getByRole('table')).toContainText('z = 1.00');
    await expect(page).not.toHaveURL(/beta=/);
  });

  test('the pointer moves the crosshair', async ({ page }) => {
    const widget = await openExplorer(page);
    const panel = widget.locator('.explorer-panel').first();
    const box = await panel.boundingBox();
    if (!box) throw new Error('no plot');
    // The left plot margin is 46 px and the right 12: the middle of the plotted area is z = 0.
    await page.mouse.move(box.x + 46 + (box.width - 58) / 2, box.y + box.height / 2);
    await expect(widget.getByRole('table')).toContainText(/z = 0\.0\d|z = −0\.0\d/);
  });
});

test.describe('activation explorer on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

  test('tapping the plot moves the crosshair, and the panels stack', async ({ page }) => {
    const widget = await openExplorer(page);
    await expect(widget.locator('.explorer__panels--row')).toHaveCount(0);
    const panel = widget.locator('.explorer-panel').nth(1);
    const box = await panel.boundingBox();
    if (!box) throw new Error('no plot');
    await panel.tap({ position: { x: 46 + 2, y: box.height / 2 } });
    await expect(widget.getByRole('table')).toContainText(/z = −5\.\d\d/);
  });

  test('the value table shows all four columns without scrolling, with every function ticked', async ({ page }) => {
    const widget = await openExplorer(page, '?fns=identity,sigmoid,tanh,relu,leakyRelu,swish&z=-5.5');
    const table = widget.getByRole('table');
    await expect(readoutCell(widget, 'Tanh', 2)).toHaveText('6.68×10⁻⁵');
    const box = widget.locator('.explorer__readout-scroll');
    expect(await box.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await expect(box).not.toHaveAttribute('role', 'region');
    const frame = await widget.locator('.widget__frame').boundingBox();
    const last = await table.getByRole('columnheader', { name: 'Saturated?' }).boundingBox();
    if (!frame || !last) throw new Error('no table');
    expect(last.x + last.width).toBeLessThanOrEqual(frame.x + frame.width);
  });
});

test.describe('softmax', () => {
  async function openSoftmax(page: import('@playwright/test').Page, query = '') {
    await page.goto(`${LESSON}${query}`);
    const widget = page.getByRole('region', { name: 'Softmax', exact: true });
    await widget.scrollIntoViewIfNeeded();
    await expect(widget.locator('astro-island')).not.toHaveAttribute('ssr');
    return widget;
  }
  const pColumn = (widget: import('@playwright/test').Locator) => widget.locator('tbody tr td:nth-child(3)');
  const naiveColumn = (widget: import('@playwright/test').Locator) => widget.locator('tbody tr td:nth-child(4)');

  test('computes in float32: (88, 87, 0) still works straight from the formula, (89, 88, 0) already breaks it', async ({ page }) => {
    const widget = await openSoftmax(page, '?logits=88,87,0');
    await expect(widget.getByRole('table')).toContainText('computed by the engine in float32');
    await expect(naiveColumn(widget).nth(0)).toHaveText('0.7311');
    await expect(naiveColumn(widget).nth(1)).toHaveText('0.2689');
    await expect(widget.getByText(/overflows/)).toHaveCount(0);
    await widget.getByRole('button', { name: 'Just past float32 (89, 88, 0)' }).click();
    await expect(naiveColumn(widget)).toHaveText(['NaN', '0.0000', '0.0000']);
    await expect(pColumn(widget).nth(0)).toHaveText('0.7311');
    await expect(widget.getByText(/overflows/)).toContainText('the largest exponent is 89.');
    await expect(page).toHaveURL(/logits=89(%2C|,)88(%2C|,)0/);
  });

  test('stays finite at logits of ±1000 and explains why the plain formula fails', async ({ page }) => {
    const widget = await openSoftmax(page);
    await widget.getByRole('button', { name: 'Huge logits (±1000)' }).click();
    await expect(pColumn(widget)).toHaveText(['0.7311', '0.2689', '0.0000']);
    // In float32, as PyTorch computes by default: e^1000 and e^999 are ∞, e^−1000 is 0.
    await expect(naiveColumn(widget)).toHaveText(['NaN', 'NaN', '0.0000']);
    await expect(widget.getByText(/overflows/)).toContainText('is ∞ for every x above 88.72, and here the largest exponent is 1000.');
    await expect(widget.locator('.softmax-bars__value')).toHaveText(['0.73', '0.27', '0.00']);
    await expect(widget.locator('.softmax-bars')).not.toContainText('NaN');
  });

  test('adding c to every logit, by keyboard, changes no probability', async ({ page }) => {
    const widget = await openSoftmax(page);
    // The worker's first answer replaces the '…' placeholders; read the probabilities only then.
    await expect(pColumn(widget)).toHaveText([/^\d\.\d{4}$/, /^\d\.\d{4}$/, /^\d\.\d{4}$/]);
    const before = await pColumn(widget).allTextContents();
    const shift = widget.getByRole('slider', { name: 'Add c to every logit' });
    await shift.focus();
    await page.keyboard.press('End');
    await expect(shift).toHaveAttribute('aria-valuetext', 'c = 1000');
    await expect(widget.locator('tbody tr td:nth-child(2)').first()).toHaveText('1002.00');
    await expect(pColumn(widget)).toHaveText(before);
    // z + c is rounded to float32 (0.1 + 1000 cannot be held exactly), which moves p by about 10⁻⁶.
    await expect(widget.getByText(/changed the probabilities by at most/)).toContainText(/at most \d\.\d\d×10⁻⁶ \(float32 rounding/);
  });

  test('temperature near zero sharpens to one class, by keyboard', async ({ page }) => {
    const widget = await openSoftmax(page);
    const t = widget.getByRole('slider', { name: 'Temperature T' });
    await t.focus();
    await page.keyboard.press('Home');
    await expect(t).toHaveAttribute('aria-valuetext', '0.05');
    await expect(pColumn(widget).first()).toHaveText('1.0000');
  });

  test('a logit that is not a number is pointed out and the chart keeps its last good value', async ({ page }) => {
    const widget = await openSoftmax(page);
    const z2 = widget.getByRole('textbox', { name: 'z2' });
    await z2.fill('3');
    await expect(pColumn(widget).nth(1)).toHaveText('0.7028');
    await z2.fill('3x');
    await expect(widget.getByText('“3x” is not a number; still using 3.')).toBeVisible();
    await expect(z2).toHaveAttribute('aria-invalid', 'true');
    await expect(pColumn(widget).nth(1)).toHaveText('0.7028');
    await z2.blur(); // leaving the box keeps what was typed (nothing the reader typed is lost), and the message
    await expect(z2).toHaveValue('3x');
    await expect(widget.getByText('“3x” is not a number; still using 3.')).toBeVisible();
  });

  test('logits can be added up to eight and removed down to three', async ({ page }) => {
    const widget = await openSoftmax(page);
    const add = widget.getByRole('button', { name: 'Add logit' });
    for (let i = 0; i < 5; i++) await add.click();
    await expect(widget.getByRole('textbox')).toHaveCount(8);
    await expect(add).toBeDisabled();
    const remove = widget.getByRole('button', { name: 'Remove last' });
    for (let i = 0; i < 5; i++) await remove.click();
    await expect(widget.getByRole('textbox')).toHaveCount(3);
    await expect(remove).toBeDisabled();
  });

  test('a shared link restores logits and temperature', async ({ page }) => {
    const widget = await openSoftmax(page, '?logits=1000,-1000,0,5&T=2');
    await expect(widget.getByRole('textbox')).toHaveCount(4);
    await expect(widget.getByRole('textbox', { name: 'z1' })).toHaveValue('1000');
    await expect(widget.getByRole('slider', { name: 'Temperature T' })).toHaveAttribute('aria-valuetext', '2');
    await expect(pColumn(widget).first()).toHaveText('1.0000');
  });
});

test.describe('two linear layers are one', () => {
  test('the merged layer matches, New draw redraws, and ReLU breaks the equality', async ({ page }) => {
    await page.goto(LESSON);
    const widget = page.getByRole('region', { name: 'Two linear layers are one' });
    await widget.scrollIntoViewIfNeeded();
    await expect(widget.locator('astro-island')).not.toHaveAttribute('ssr');
    const verdict = widget.locator('.collapse__verdict');
    await expect(verdict).toContainText('y = y′: the two linear layers compute exactly');
    const w1 = widget.getByRole('table', { name: 'W₁, 3 by 2' });
    const before = await w1.textContent();
    await widget.getByRole('button', { name: 'New draw' }).click();
    await expect(w1).not.toHaveText(before ?? '');
    await expect(page).toHaveURL(/seed=2/);
    await widget.getByRole('button', { name: 'Reset' }).click();
    await widget.getByRole('checkbox', { name: 'Put a ReLU between the layers' }).check();
    await expect(verdict).toContainText('y ≠ y′: ReLU set 2 hidden values to 0');
    await widget.getByRole('textbox', { name: 'x2' }).fill('5');
    await expect(verdict).toContainText('y = y′ for this x');
  });
});

for (const theme of ['light', 'dark'] as const) {
  test(`every widget, started, has no axe violations, ${theme} theme`, async ({ page }) => {
    test.slow(); // every island of a long lesson hydrates, then axe scans them all
    await useTheme(page, theme);
    await page.goto(`${LESSON}?fns=identity,sigmoid,tanh,relu,leakyRelu,swish&logits=1000,999,-1000`);
    for (const island of await page.locator('astro-island').all()) {
      await island.scrollIntoViewIfNeeded();
      await expect(island).not.toHaveAttribute('ssr', { timeout: 15_000 });
    }
    await expect(page.locator('.explorer')).not.toHaveAttribute('aria-busy');
    await pageSettled(page);
    await expectNoAxeViolations(page, WIDGETS); // the prose: site.spec.ts
  });
}
