import type { Locator, Page } from '@playwright/test';
import { WIDGETS, expect, expectNoAxeViolations, expectNoHorizontalScroll, test, useTheme } from './fixtures';
import { pasteText } from './text-input';
import { csvRows, exportAs, expectTabStopBefore, firstFamily, parseSvg, readPng } from './export-files';
import { formatDecimals } from '../lib/common/number-format';

const LESSON = '/lessons/pooling/';

/** The pooling widget's frame, once its island has started and the engine has answered. */
async function openPooling(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${LESSON}${query}`);
  const widget = page.getByRole('region', { name: 'Pooling', exact: true });
  await widget.scrollIntoViewIfNeeded();
  await expect(widget.locator('astro-island')).not.toHaveAttribute('ssr');
  return widget;
}

/** Cell (row, col) of the table with this caption, as text. */
function cell(widget: Locator, caption: RegExp, row: number, col: number): Locator {
  return widget
    .getByRole('table', { name: caption })
    .locator('tbody tr')
    .filter({ has: widget.page().getByRole('rowheader', { name: String(row), exact: true }) })
    .locator('td')
    .nth(col);
}

const sentences = (widget: Locator) => widget.locator('.pool__sentence');

test.describe('pooling widget', () => {
  test('arrow keys on the output move the window; max pooling names the cell it took, ties to the first', async ({ page }) => {
    const widget = await openPooling(page);
    await expect(sentences(widget).first()).toHaveText(
      'y[1, 2] = max(1, 0, 4, 4) = 4, taken from x[3, 4] (2 cells tie; PyTorch keeps the first in row-major order, so this one gets the gradient).',
    );
    const cursor = widget.getByRole('slider', { name: /Output cell/ });
    await cursor.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(cursor).toHaveAttribute('aria-valuetext', 'Output row 1, column 1 of 3 × 3: y = 7');
    await expect(sentences(widget).first()).toHaveText('y[1, 1] = max(7, 3, 3, 2) = 7, taken from x[2, 2].');
    await page.keyboard.press('PageDown');
    await expect(sentences(widget).first()).toContainText('y[2, 1] = max(1, 8, 0, 3) = 8, taken from x[4, 3]');
    await expect(page).toHaveURL(/row=2/);
    await expect(widget.locator('.size-formula')).toContainText('⌊(6 + 2·0 − 2) / 2⌋ + 1 = ⌊4 / 2⌋ + 1 = 2 + 1 = 3');
    await expect(widget.locator('.pool__params')).toContainText('Parameters: 0.');
  });

  test('average pooling by keyboard: the mean of the window, and the gradient split into k² shares', async ({ page }) => {
    const widget = await openPooling(page);
    await widget.getByRole('radio', { name: /Average/ }).focus();
    await page.keyboard.press('Space');
    await expect(sentences(widget).first()).toHaveText('y[1, 2] = (1 + 0 + 4 + 4) / 4 = 9 / 4 = 2.25.');
    await expect(cell(widget, /^Output y/, 1, 2)).toHaveText(/^2\.25/);
    await expect(sentences(widget).nth(1)).toContainText('dL/dy[1, 2] = 1 is split into k² = 4 equal shares of 0.25');
    await expect(cell(widget, /^dL\/dx/, 0, 0)).toHaveText('0.25');
    await expect(widget.locator('.pool__totals')).toContainText('Σ dL/dy = 9; Σ dL/dx = 9.');
  });

  test('backward for a single output: the whole gradient lands on its arg-max', async ({ page }) => {
    const widget = await openPooling(page);
    await widget.getByRole('radio', { name: 'Only the selected output (L = that y)' }).check();
    await expect(sentences(widget).nth(1)).toContainText('dL/dy[1, 2] = 1 goes entirely to x[3, 4], the maximum of its window; the other 3 cells of the window get nothing from it.');
    await expect(cell(widget, /^dL\/dx/, 3, 4)).toHaveText(/^1/);
    await expect(cell(widget, /^dL\/dx/, 3, 5)).toHaveText(/^0/);
    await expect(widget.locator('.pool__totals')).toContainText('Σ dL/dy = 1; Σ dL/dx = 1.');
    await expect(page).toHaveURL(/grad=cell/);
    // Round trip: move the window, reload, and the same state comes back.
    await widget.getByRole('slider', { name: /Output cell/ }).focus();
    await page.keyboard.press('ArrowUp');
    await expect(page).toHaveURL(/row=0/);
    await page.reload();
    await widget.scrollIntoViewIfNeeded();
    await expect(widget.getByRole('radio', { name: 'Only the selected output (L = that y)' })).toBeChecked();
    await expect(sentences(widget).nth(1)).toContainText('dL/dy[0, 2] = 1 goes entirely to x[1, 5]');
  });

  test('a custom upstream gradient of the wrong size is explained and all ones are used until it fits', async ({ page }) => {
    const widget = await openPooling(page);
    await widget.getByRole('radio', { name: 'Your own values' }).check();
    const box = widget.getByRole('textbox', { name: /^dL\/dy/ });
    await expect(box).toHaveValue('1  1  1\n1  1  1\n1  1  1');
    await box.fill('2 0 0\n0 0 0');
    await expect(widget.getByRole('alert')).toHaveText('dL/dy must have the output’s size, 3 × 3; yours is 2 × 3. Using all ones until it fits.');
    await expect(widget.locator('.pool__totals')).toContainText('Σ dL/dy = 9');
    await box.fill('2 0 0\n0 0 0\n0 0 -1');
    await expect(widget.getByRole('alert')).toHaveCount(0);
    await expect(cell(widget, /^dL\/dx/, 1, 0)).toHaveText(/^2/);
    await expect(cell(widget, /^dL\/dx/, 5, 5)).toHaveText(/^−1/);
    await expect(widget.locator('.pool__totals')).toContainText('Σ dL/dy = 1; Σ dL/dx = 1.');
  });

  test('a line of the feature map that cannot be read is pointed at, and the last good map stays in use', async ({ page }) => {
    const widget = await openPooling(page);
    const map = widget.getByRole('textbox', { name: 'Feature map x (one row per line)' });
    await map.fill('1 2 3 4\n5 x 7 8\n9 10 11 12\n13 14 15 16');
    await expect(widget.getByText('Line 2: “x” is not a number. Still using the last matrix that could be read.')).toBeVisible();
    await expect(map).toHaveAttribute('aria-invalid', 'true');
    await expect(widget.getByRole('table', { name: /^Input x/ })).toHaveAccessibleName(/Input x \(6 × 6\)/);
    await map.fill('1 2 3 4\n5 6 7 8\n9 10 11 12\n13 14 15 16');
    await expect(widget.getByRole('table', { name: /^Input x/ })).toHaveAccessibleName(/Input x \(4 × 4\)/);
    await expect(cell(widget, /^Output y/, 1, 1)).toHaveText(/^16/);
    await expect(map).toHaveValue('1 2 3 4\n5 6 7 8\n9 10 11 12\n13 14 15 16');
  });

  test('a pasted million characters is refused by its length at once, and the widget keeps working', async ({ page }) => {
    const widget = await openPooling(page);
    const map = widget.getByRole('textbox', { name: 'Feature map x (one row per line)' });
    await pasteText(map, '7 '.repeat(500_000));
    await expect(widget.getByText('The text is 1,000,000 characters long; a matrix of at most 10 × 10 numbers fits in 2,200, so none of it was read. Still using the last matrix that could be read.')).toBeVisible();
    await expect(map).toHaveAttribute('aria-invalid', 'true');
    await expect(widget.getByText('At most 10 rows of 10 numbers, each from −1,000 to 1,000.')).toBeVisible();
    // Nothing the reader pasted is thrown away, and the last good map is still pooled.
    expect(await map.inputValue()).toHaveLength(1_000_000);
    await expect(widget.getByRole('table', { name: /^Input x/ })).toHaveAccessibleName(/Input x \(6 × 6\)/);
    await expect(sentences(widget).first()).toContainText('y[1, 2] = max(1, 0, 4, 4) = 4');
    // "1;2;3"-style rows: ";" ends a row, and the note says how the text was read.
    await map.fill('1 2 3;4 5 6;7 8 9');
    await expect(widget.getByText('Read as 3 rows of 3 numbers: “;” ends a row, as in this page’s links.')).toBeVisible();
    await expect(widget.getByRole('table', { name: /^Input x/ })).toHaveAccessibleName(/Input x \(3 × 3\)/);
    await expect(cell(widget, /^Output y/, 0, 0)).toHaveText(/^5/);
  });

  test('a pasted million characters in dL/dy is refused too, and the gradient in use stays', async ({ page }) => {
    const widget = await openPooling(page);
    await widget.getByRole('radio', { name: 'Your own values' }).check();
    const box = widget.getByRole('textbox', { name: /^dL\/dy/ });
    await pasteText(box, `${'9'.repeat(999_999)}x`);
    await expect(widget.getByText(/^The text is 1,000,000 characters long/)).toBeVisible();
    await expect(widget.locator('.pool__totals')).toContainText('Σ dL/dy = 9');
    await box.fill('1e999 0 0\n0 0 0\n0 0 0');
    await expect(widget.getByText('Line 1: “1e999” is too large to be a number here. Still using the last matrix that could be read.')).toBeVisible();
    await box.fill('2 0 0\n0 0 0\n0 0 0');
    await expect(widget.locator('.pool__totals')).toContainText('Σ dL/dy = 2');
  });

  test('padding over half the kernel gives PyTorch’s reason, and the widget recovers', async ({ page }) => {
    const widget = await openPooling(page);
    const p = widget.getByRole('slider', { name: 'Padding p' });
    await p.focus();
    await page.keyboard.press('End');
    await expect(widget.getByRole('alert')).toContainText(
      'No output: padding 2 is more than half the kernel size 2: PyTorch refuses it (“pad should be at most half of kernel size”, in PyTorch 1.13’s words)',
    );
    await expect(widget.getByRole('table', { name: /^Output y/ })).toHaveCount(0);
    await page.keyboard.press('ArrowLeft');
    await expect(widget.getByRole('alert')).toHaveCount(0);
    // Padding 1 on 6 × 6 with k = 2, s = 2: ⌊(6 + 2 − 2) / 2⌋ + 1 = 4, padding shown as −∞.
    await expect(widget.getByRole('table', { name: /^Output y/ })).toHaveAccessibleName(/Output y \(4 × 4\)/);
    await expect(widget.getByRole('table', { name: /^Input x/ })).toHaveAccessibleName(/padding shown as −∞/);
  });

  test('shifting the bright line by one column changes inputs but no pooled output', async ({ page }) => {
    const widget = await openPooling(page);
    await widget.getByRole('combobox', { name: 'Start from' }).selectOption('line');
    await expect(widget.getByRole('table', { name: /^Output y/ })).toHaveAccessibleName(/Output y \(3 × 4\)/);
    await widget.getByRole('button', { name: 'Shift one column right' }).click();
    await expect(widget.getByRole('status').filter({ hasText: 'Shifted' })).toHaveText(
      'Shifted one column right: 12 of 48 input values changed, and 0 of 12 pooled outputs.',
    );
    await widget.getByRole('button', { name: 'Shift one column right' }).click();
    await expect(widget.getByRole('status').filter({ hasText: 'Shifted' })).toContainText('and 6 of 12 pooled outputs');
  });

  test('a shared link restores mode, settings, map and gradient; a bad map falls back with a notice', async ({ page }) => {
    const widget = await openPooling(page, '?mode=avg&k=3&s=1&p=1&map=1,1,1;1,1,1;1,1,1&row=0&col=0&grad=custom&g=1,0,0;0,0,0;0,0,0');
    await expect(widget.getByRole('radio', { name: /Average/ })).toBeChecked();
    await expect(sentences(widget).first()).toHaveText(
      'y[0, 0] = (0 + 0 + 0 + 0 + 1 + 1 + 0 + 1 + 1) / 9 = 4 / 9 = 0.4444. The padding counts as 0 and the divisor stays k² = 9 (PyTorch’s default count_include_pad=True).',
    );
    await expect(widget.locator('.pool__totals')).toContainText('Σ dL/dy = 1; Σ dL/dx = 0.4444. Average pooling loses the shares that fell on padding');
    const bad = await openPooling(page, '?map=1,2;3&k=9');
    const notice = bad.getByRole('status').filter({ hasText: 'Ignored' });
    await expect(notice).toContainText('Ignored “map=1,2;3” from the link');
    await expect(notice).toContainText('Ignored “k=9” from the link: expected a whole number from 1 to 5. Using 2.');
    await expect(sentences(bad).first()).toContainText('y[1, 2] = max(1, 0, 4, 4) = 4');
  });

  test('Reset returns every setting to its default', async ({ page }) => {
    const widget = await openPooling(page, '?mode=avg&k=3&grad=cell');
    await widget.getByRole('button', { name: 'Reset' }).click();
    await expect(widget.getByRole('radio', { name: /Max/ })).toBeChecked();
    await expect(sentences(widget).first()).toContainText('y[1, 2] = max(1, 0, 4, 4) = 4');
    await expect(page).not.toHaveURL(/mode=|grad=/);
  });
});

test.describe('pooling exports', () => {
  /** The numbers a grid shows, row by row, read from its cells. */
  const shownGrid = (grid: Locator): Promise<string[][]> =>
    grid.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td:not(.value-grid__cell--pad)'), (td) => td.firstChild?.textContent ?? '')).filter((row) => row.length > 0));

  test('each grid exports beside its caption (the output’s outside its keyboard control): SVG drawing the numbers, a 2× PNG, CSV holding them', async ({ page, problems }) => {
    test.slow(); // six downloads and axe
    const widget = await openPooling(page, '?mode=avg&p=1&k=3&s=2');
    await expect(widget.locator('.pool__totals')).toBeVisible();
    const cursor = widget.getByRole('slider', { name: /Output cell/ });
    const output = widget.locator('figure', { has: page.getByRole('slider', { name: /Output cell/ }) });
    const name = 'Export Output y (3 × 3)';
    await expectTabStopBefore(page, cursor, output.getByRole('button', { name, exact: true }));
    await page.keyboard.press('ArrowLeft');
    await expect(cursor).toHaveAttribute('aria-valuetext', /^Output row 1, column 1 of 3 × 3/);

    const shown = await shownGrid(output);
    const svg = await exportAs(page, output, name, 'SVG');
    expect(svg.name).toBe('pooling-output-y.svg');
    const parsed = await parseSvg(page, svg.bytes.toString('utf8'));
    expect(parsed).toMatchObject({ error: false, root: 'svg', title: 'Output y (3 × 3)', images: [] });
    expect(svg.bytes.toString('utf8')).not.toContain('var(');
    // The table is drawn cell by cell: every number, the indices, the cells' boxes.
    expect(parsed.texts).toEqual(expect.arrayContaining([...shown.flat(), '0', '1', '2']));
    expect(parsed.fills.length).toBeGreaterThanOrEqual(9);
    expect(parsed.fonts).toContainEqual({ family: await firstFamily(output.locator('td').first()), type: 'data:font/woff2' });
    const png = readPng((await exportAs(page, output, name, 'PNG')).bytes);
    expect([png.width, png.height]).toEqual([2 * parsed.width, 2 * parsed.height]);
    // With the font files out of reach, the picture still exports, naming its fonts without carrying them.
    await page.route('**/*.woff2', (route) => route.abort());
    problems.allow(/\.woff2 \(net::ERR_FAILED\)|Failed to load resource/);
    const bare = await parseSvg(page, (await exportAs(page, output, name, 'SVG')).bytes.toString('utf8'));
    expect(bare).toMatchObject({ error: false, fonts: [], width: parsed.width, height: parsed.height });
    await page.unroute('**/*.woff2');

    const csv = csvRows((await exportAs(page, output, name, 'Data (CSV)')).bytes);
    expect(csv[0]).toEqual(['row', 'column 0', 'column 1', 'column 2']);
    expect(csv.slice(1).map((r) => r[0])).toEqual(['0', '1', '2']);
    expect(csv.slice(1).map((r) => r.slice(1).map((v) => formatDecimals(Number(v), 3)))).toEqual(shown);

    // Input x without its padding ring, and dL/dx as backward() gave it.
    const input = widget.locator('figure', { has: page.getByRole('table', { name: /^Input x/ }) });
    const x = csvRows((await exportAs(page, input, 'Export Input x (6 × 6)', 'Data (CSV)')).bytes);
    expect(x.slice(1).map((r) => r.slice(1))).toEqual(await shownGrid(input));
    const dx = widget.locator('figure', { has: page.getByRole('table', { name: /^dL\/dx/ }) });
    const grad = await exportAs(page, dx, 'Export dL/dx from backward() (6 × 6)', 'Data (CSV)');
    expect(grad.name).toBe('pooling-dl-dx.csv');
    expect(csvRows(grad.bytes).slice(1).map((r) => r.slice(1).map((v) => formatDecimals(Number(v), 3)))).toEqual(await shownGrid(dx));

    await dx.getByRole('button', { name: 'Export dL/dx from backward() (6 × 6)', exact: true }).click();
    await expect(dx.getByRole('group', { name: 'Export dL/dx from backward() (6 × 6) as' })).toBeVisible();
    await expectNoAxeViolations(page, WIDGETS);
  });
});

for (const theme of ['light', 'dark'] as const) {
  test(`the widget, started, has no axe violations, ${theme} theme`, async ({ page }) => {
    await useTheme(page, theme);
    const widget = await openPooling(page, '?p=1&grad=custom&g=1,2;3,4');
    await expect(widget.getByRole('alert')).toBeVisible();
    await expect(widget.locator('.pool__totals')).toBeVisible();
    await expectNoAxeViolations(page, WIDGETS); // the prose: site.spec.ts
  });
}

test.describe('pooling on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

  test('the widget fits 375 px, and tapping an output cell selects it', async ({ page }) => {
    const widget = await openPooling(page, '?p=1&mode=avg&k=3&s=1');
    await expectNoHorizontalScroll(page);
    const target = cell(widget, /^Output y/, 4, 0);
    await target.scrollIntoViewIfNeeded();
    await target.tap();
    await expect(sentences(widget).first()).toContainText('y[4, 0] =');
    await expectNoHorizontalScroll(page);
  });
});
