import { writeFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { WIDGETS, expect, expectNoAxeViolations, expectNoHorizontalScroll, test, useTheme } from './fixtures';
import { pasteText } from './text-input';
import { blackPng } from './png';
import { csvRows, exportAs, expectTabStopBefore, firstFamily, parseSvg, readPng } from './export-files';
import { formatDecimals } from '../lib/common/number-format';

const LESSON = '/lessons/convolution/';

/** A widget's frame, once its island has started. */
async function openWidget(page: Page, title: string, query = ''): Promise<Locator> {
  await page.goto(`${LESSON}${query}`);
  const widget = page.getByRole('region', { name: title, exact: true });
  await widget.scrollIntoViewIfNeeded();
  await expect(widget.locator('astro-island')).not.toHaveAttribute('ssr');
  return widget;
}

const grayWidget = (page: Page, query = '') => openWidget(page, 'Convolution', query);

/** The step-through's total and the engine's value at the highlighted cell, once both are there. */
async function expectStepMatchesEngine(widget: Locator): Promise<void> {
  const engine = widget.locator('.step-through__engine');
  await expect(engine).toContainText('the same number');
  const total = await widget.locator('.step-through__total strong').textContent();
  await expect(engine).toContainText(`gives ${total ?? '?'} at this cell`);
}

/** A PNG of the given size, drawn by the browser itself (a gradient and a disc), as bytes. */
async function makePng(page: Page, width: number, height: number): Promise<Buffer> {
  const dataUrl = await page.evaluate(
    ([w, h]) => {
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      const gradient = ctx.createLinearGradient(0, 0, w, 0);
      gradient.addColorStop(0, '#000');
      gradient.addColorStop(1, '#fff');
      ctx.fillStyle = gradient;
      ctx.fillRect(0, 0, w, h);
      ctx.fillStyle = '#c00';
      ctx.beginPath();
      ctx.arc(w / 2, h / 2, Math.min(w, h) / 4, 0, 2 * Math.PI);
      ctx.fill();
      return canvas.toDataURL('image/png');
    },
    [width, height] as const,
  );
  return Buffer.from(dataUrl.split(',')[1] ?? '', 'base64');
}

test.describe('convolution widget', () => {
  test('arrow keys on the output map move the window; the products add up to the engine’s value, and the link follows', async ({ page }) => {
    const widget = await grayWidget(page);
    const cursor = widget.getByRole('slider', { name: /Output cell of filter 0/ });
    await expect(cursor).toHaveAttribute('aria-valuetext', /^Filter 0, row 12, column 14 of 26 × 26: y = /);
    await expect(widget.locator('.step-through')).toContainText('Output y[0, 12, 14] reads the input window starting at row 12, column 14.');
    await expectStepMatchesEngine(widget);
    await cursor.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await expect(cursor).toHaveAttribute('aria-valuetext', /^Filter 0, row 13, column 15 of 26 × 26: y = /);
    await expect(widget.locator('.step-through')).toContainText('y[0, 13, 15]');
    await expectStepMatchesEngine(widget);
    await page.keyboard.press('Control+End');
    await expect(cursor).toHaveAttribute('aria-valuetext', /row 25, column 25 of 26 × 26/);
    await expect(page).toHaveURL(/[?&]row=25&col=25|[?&]col=25.*row=25|row=25.*col=25/);
    await page.keyboard.press('Home');
    await expect(cursor).toHaveAttribute('aria-valuetext', /row 25, column 0 of/);
  });

  test('a kernel preset and the kernel-size slider, by keyboard, change the weights, the formula and the output', async ({ page }) => {
    const widget = await grayWidget(page);
    const preset = widget.getByRole('combobox', { name: 'Kernel of filter 0' });
    await preset.focus();
    await preset.selectOption('box');
    await expect(widget.getByRole('textbox', { name: 'Weight row 1, column 1' })).toHaveValue('0.111111');
    await expect(widget.locator('.kernel-editor__hint')).toContainText('Every weight 1/k²');
    await expectStepMatchesEngine(widget);
    const k = widget.getByRole('slider', { name: 'Kernel size k' });
    await k.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(k).toHaveAttribute('aria-valuetext', '5 × 5');
    await expect(widget.getByRole('textbox', { name: /^Weight row/ })).toHaveCount(25);
    await expect(widget.getByRole('textbox', { name: 'Weight row 5, column 5' })).toHaveValue('0.04');
    await expect(widget.locator('.size-formula')).toContainText('⌊(28 + 2·0 − 1·(5 − 1) − 1) / 1⌋ + 1 = ⌊23 / 1⌋ + 1 = 23 + 1 = 24');
    await expect(widget.locator('.layer-summary__check')).toContainText('shape [1, 1, 24, 24]');
    await expect(page).toHaveURL(/[?&]k=5/);
    await expectStepMatchesEngine(widget);
    // The link holds all of it: reload and the same layer comes back.
    await expect(page).toHaveURL(/[?&]w=0\.04/);
    await page.reload();
    await widget.scrollIntoViewIfNeeded();
    await expect(widget.getByRole('slider', { name: 'Kernel size k' })).toHaveAttribute('aria-valuetext', '5 × 5');
    await expect(widget.getByRole('combobox', { name: 'Kernel of filter 0' })).toHaveValue('box');
    await expect(widget.locator('.layer-summary__check')).toContainText('shape [1, 1, 24, 24]');
  });

  test('a weight that is not a number is pointed out, and the widget keeps the last good value', async ({ page }) => {
    const widget = await grayWidget(page);
    const w = widget.getByRole('textbox', { name: 'Weight row 2, column 3' });
    await w.fill('3');
    await expect(widget.getByRole('combobox', { name: 'Kernel of filter 0' })).toHaveValue('custom');
    await expectStepMatchesEngine(widget);
    const before = await widget.locator('.step-through__total strong').textContent();
    await w.fill('3x');
    await expect(widget.getByText('“3x” is not a number; still using 3.')).toBeVisible();
    await expect(widget.locator('.step-through__total strong')).toHaveText(before ?? '');
    await expect(page).toHaveURL(/w=-1%2C0%2C1%2C-2%2C0%2C3%2C-1%2C0%2C1|w=-1,0,1,-2,0,3,-1,0,1/);
  });

  test('a million characters pasted into a weight, or 1e9, are refused with the limits, and the widget keeps working', async ({ page }) => {
    const widget = await grayWidget(page);
    await expect(widget.getByText('Weights and biases are numbers from −1,000 to 1,000')).toBeVisible();
    const w = widget.getByRole('textbox', { name: 'Weight row 2, column 3' });
    await w.fill('3');
    await expectStepMatchesEngine(widget);
    const before = await widget.locator('.step-through__total strong').textContent();
    await pasteText(w, '7'.repeat(1_000_000));
    await expect(widget.getByText('too long: 1,000,000 characters (a number here has at most 32); still using 3.')).toBeVisible();
    await expect(w).toHaveAttribute('aria-invalid', 'true');
    await expect(widget.locator('.step-through__total strong')).toHaveText(before ?? '');
    // Leaving the box keeps what was pasted (nothing the reader typed is lost), and the message.
    await page.keyboard.press('Tab');
    expect(await w.inputValue()).toHaveLength(1_000_000);
    await pasteText(w, '1e9');
    await expect(widget.getByText('use a number from −1,000 to 1,000; still using 3.')).toBeVisible();
    const bias = widget.getByRole('textbox', { name: 'Bias b of filter 0' });
    await pasteText(bias, `${'1'.repeat(40)}x`);
    await expect(widget.getByText('too long: 41 characters (a number here has at most 32); still using 0.')).toBeVisible();
    // The widget still computes with good values.
    await w.fill('4');
    await expect(w).not.toHaveAttribute('aria-invalid');
    await expectStepMatchesEngine(widget);
    await expect(page).toHaveURL(/w=-1%2C0%2C1%2C-2%2C0%2C4%2C-1%2C0%2C1|w=-1,0,1,-2,0,4,-1,0,1/);
  });

  test('stride that does not divide evenly: the formula says what the floor drops', async ({ page }) => {
    const widget = await grayWidget(page, '?s=2');
    const formula = widget.locator('.size-formula');
    await expect(formula).toContainText('⌊25 / 2⌋ + 1 = 12 + 1 = 13');
    await expect(formula).toContainText('25 / 2 = 12.5 is not a whole number: the floor drops the remainder 1, so the last row of the padded input is never covered by a window. It is a real input row, which this layer never reads.');
    const p = widget.getByRole('slider', { name: 'Padding p' });
    await p.focus();
    await page.keyboard.press('ArrowRight');
    await expect(formula).toContainText('⌊27 / 2⌋ + 1 = 13 + 1 = 14');
    await expect(formula).toContainText('It is padding, so no input value is lost.');
  });

  test('a kernel larger than the padded image gives a message, and the widget recovers when the settings fit again', async ({ page }) => {
    const widget = await grayWidget(page, '?img=dot&k=5&d=3');
    const alert = widget.getByRole('alert');
    await expect(alert).toContainText('No output: the kernel covers 13 (dilation 3 × (5 − 1) + 1) but the padded input is only 9 (9 + 2 × 0).');
    await expect(widget.locator('.step-through')).toHaveCount(0);
    const d = widget.getByRole('slider', { name: 'Dilation d' });
    await d.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(alert).toHaveCount(0);
    await expect(widget.getByRole('slider', { name: /Output cell of filter 0/ })).toHaveAttribute('aria-valuetext', / of 1 × 1: y = /);
    await expectStepMatchesEngine(widget);
  });

  test('a shared link restores the layer, the image and the window', async ({ page }) => {
    const widget = await grayWidget(page, '?img=checkerboard&k=3&s=2&p=1&d=2&w=0,0,0,0,2,0,0,0,0&b=0.5&row=3&col=4');
    await expect(widget.getByRole('combobox', { name: 'Image' })).toHaveValue('checkerboard');
    await expect(widget.getByRole('slider', { name: 'Stride s' })).toHaveValue('2');
    await expect(widget.getByRole('slider', { name: 'Dilation d' })).toHaveValue('2');
    await expect(widget.getByRole('textbox', { name: 'Weight row 2, column 2' })).toHaveValue('2');
    await expect(widget.getByRole('textbox', { name: 'Bias b of filter 0' })).toHaveValue('0.5');
    // H = 24: ⌊(24 + 2 − 4 − 1) / 2⌋ + 1 = 11.
    await expect(widget.locator('.size-formula')).toContainText('= ⌊21 / 2⌋ + 1 = 10 + 1 = 11');
    await expect(widget.locator('.step-through')).toContainText('Output y[0, 3, 4] reads the input window starting at row 5, column 7.');
    await expectStepMatchesEngine(widget);
  });

  test('bad values in the link fall back with a notice, and weights of the wrong length are explained', async ({ page }) => {
    const widget = await grayWidget(page, '?k=99&w=1,2&img=cat');
    const notice = widget.getByRole('status').filter({ hasText: 'Ignored' });
    await expect(notice).toContainText('Ignored “k=99” from the link: expected a whole number from 1 to 7. Using 3.');
    await expect(notice).toContainText('Ignored “img=cat”');
    await expect(notice).toContainText('Ignored “w” from the link: 1 filter × 1 channel × 3 × 3 need 9 weights, got 2. Using the default filters.');
    await expectStepMatchesEngine(widget);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
  });

  test('the reader’s own image is read in the page and scaled down; a huge one too', async ({ page }) => {
    const widget = await grayWidget(page);
    const file = widget.getByLabel('Or your own image');
    await file.setInputFiles({ name: 'gradient.png', mimeType: 'image/png', buffer: await makePng(page, 300, 200) });
    const note = widget.locator('.image-picker__note');
    await expect(note).toContainText('Your image “gradient.png”, 300 pixels wide and 200 high, is used at H × W = 43 × 64.');
    await expect(note).toContainText('The browser decodes it channels last, (H, W, 4) = (43, 64, 4) bytes');
    await expect(note).toContainText('(C, H, W) = (1, 43, 64)');
    await expect(widget.locator('.input-maps .map-title')).toHaveText('Input x: 1 × 43 × 64');
    await expect(widget.locator('.output-maps .map-title')).toHaveText('Output y: 1 × 41 × 62');
    await expectStepMatchesEngine(widget);
    await widget.getByRole('radio', { name: /Colour/ }).check();
    await expect(widget.locator('.input-maps .map-title')).toHaveText('Input x: 3 × 43 × 64');
    await expect(note).toContainText('moves the channels first, (C, H, W) = (3, 43, 64), as permute(2, 0, 1) would.');
    await file.setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: await makePng(page, 4000, 3000) });
    await expect(note).toContainText('4000 pixels wide and 3000 high, is used at H × W = 48 × 64.');
    await expectStepMatchesEngine(widget);
    await widget.getByRole('button', { name: 'Reset' }).click();
    await expect(widget.locator('.input-maps .map-title')).toHaveText('Input x: 1 × 28 × 28');
  });

  test('a file that is not an image, or an image that cannot be decoded, gives a message and the widget keeps working', async ({ page }) => {
    const widget = await grayWidget(page);
    const file = widget.getByLabel('Or your own image');
    await file.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') });
    const alert = widget.getByRole('alert');
    await expect(alert).toContainText('“notes.txt” is not an image (its type is text/plain).');
    await expect(alert).toContainText('The widget keeps using the previous image.');
    await file.setInputFiles({ name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a0000000d4948445200', 'hex') });
    await expect(alert).toContainText('“broken.png” is cut off: it starts as a PNG file, but its data ends before the image does.');
    await expect(widget.locator('.input-maps .map-title')).toHaveText('Input x: 1 × 28 × 28');
    await expectStepMatchesEngine(widget);
  });

  test('a 20,000 × 20,000 PNG of 390 KB is refused from its header, in a worker, before anything decodes it', async ({ page }) => {
    const widget = await grayWidget(page);
    const png = await blackPng(20_000, 20_000);
    expect(png.length).toBeLessThan(500_000);
    const worker = page.waitForEvent('worker');
    await widget.getByLabel('Or your own image').setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: png });
    expect((await worker).url()).toMatch(/decode-image\.worker/);
    await expect(widget.getByRole('alert')).toContainText(
      '“huge.png” is 20,000 × 20,000 = 400,000,000 pixels; the widget decodes images of at most 64,000,000 pixels (8,000 × 8,000). Scale it down first.',
    );
    await expect(widget.locator('.input-maps .map-title')).toHaveText('Input x: 1 × 28 × 28');
    await expectStepMatchesEngine(widget);
  });

  test('a file over 40 MB is refused with both sizes in the same unit, exactly', async ({ page }, testInfo) => {
    const widget = await grayWidget(page);
    const big = Buffer.alloc(42_000_000);
    (await blackPng(2, 2)).copy(big);
    // From a file on disk: the browser reads it there, instead of 42 MB travelling through the test protocol.
    const path = testInfo.outputPath('big.png');
    await writeFile(path, big);
    await widget.getByLabel('Or your own image').setInputFiles(path);
    await expect(widget.getByRole('alert')).toContainText('“big.png” is 42 MB (42,000,000 bytes); the widget reads images of at most 40 MB (40,000,000 bytes).');
    await expect(widget.locator('.input-maps .map-title')).toHaveText('Input x: 1 × 28 × 28');
  });

  test('a cut-off 8,000 × 8,000 PNG is refused, not shown as a complete picture; a whole one of that size is read', async ({ page }) => {
    const widget = await grayWidget(page);
    const whole = await blackPng(8_000, 8_000);
    const file = widget.getByLabel('Or your own image');
    await file.setInputFiles({ name: 'cut.png', mimeType: 'image/png', buffer: whole.subarray(0, Math.floor(whole.length / 2)) });
    await expect(widget.getByRole('alert')).toContainText('“cut.png” is cut off: it starts as a PNG file, but its data ends before the image does.');
    await expect(widget.locator('.input-maps .map-title')).toHaveText('Input x: 1 × 28 × 28');
    await file.setInputFiles({ name: 'whole.png', mimeType: 'image/png', buffer: whole });
    await expect(widget.locator('.image-picker__note')).toContainText('Your image “whole.png”, 8000 pixels wide and 8000 high, is used at H × W = 64 × 64.', { timeout: 20_000 });
    await expect(widget.getByRole('alert')).toHaveCount(0);
  });

  test('the pointer on the input map moves the window there', async ({ page }) => {
    const widget = await grayWidget(page);
    const map = widget.locator('.input-maps .pixel-map').first();
    const box = await map.boundingBox();
    if (!box) throw new Error('no input map');
    // Press at pixel (row 5, column 20): the window centred there belongs to output (4, 19).
    await page.mouse.click(box.x + (20.5 / 28) * box.width, box.y + (5.5 / 28) * box.height);
    await expect(widget.locator('.step-through')).toContainText('Output y[0, 4, 19]');
  });
});

test.describe('convolution exports', () => {
  test('a feature map exports beside its caption, outside its keyboard control: SVG with its font, a 2× PNG, and the numbers the table shows', async ({ page }) => {
    test.slow(); // six downloads
    const widget = await grayWidget(page);
    const cursor = widget.getByRole('slider', { name: /Output cell of filter 0/ });
    await expect(widget.locator('.step-through__engine')).toContainText('the same number');
    const map = widget.locator('.output-maps__map').first();
    const name = 'Export Output map, filter 0';
    // The export is its own tab stop just before the map's: no part of the slider, whose arrow keys still move the window.
    await expectTabStopBefore(page, cursor, map.getByRole('button', { name, exact: true }));
    await page.keyboard.press('ArrowRight');
    await expect(cursor).toHaveAttribute('aria-valuetext', /^Filter 0, row 12, column 15 of 26 × 26/);

    const svg = await exportAs(page, map, name, 'SVG');
    expect(svg.name).toBe('convolution-output-map-filter-0.svg');
    const parsed = await parseSvg(page, svg.bytes.toString('utf8'));
    expect(parsed).toMatchObject({ error: false, root: 'svg', title: 'Output map, filter 0', images: ['data:image/png;base64,'] });
    expect(parsed.texts.slice(0, 3)).toEqual(['Output map, filter 0', expect.stringMatching(/^\+\d/), expect.stringMatching(/^−\d/)]);
    // The font the heading is set in travels inside the file, as a woff2 data: URL.
    const family = await firstFamily(map.locator('.export-frame__picture'));
    expect(parsed.fonts).toContainEqual({ family, type: 'data:font/woff2' });
    const png = readPng((await exportAs(page, map, name, 'PNG')).bytes);
    expect([png.width, png.height]).toEqual([2 * parsed.width, 2 * parsed.height]);

    const csv = await exportAs(page, map, name, 'Data (CSV)');
    expect(csv.name).toBe('convolution-output-map-filter-0.csv');
    const rows = csvRows(csv.bytes);
    expect(rows[0]).toEqual(['row', ...Array.from({ length: 26 }, (_, c) => `column ${c}`)]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(Array.from({ length: 26 }, (_, r) => String(r)));
    // Full precision, and exactly what the table of numbers shows when rounded as it rounds.
    await widget.getByText('Feature map of filter 0 as numbers').click();
    const table = widget.locator('.output-table');
    const shown = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')));
    expect(shown).toEqual(rows.slice(1).map((r) => r.slice(1).map((v) => formatDecimals(Number(v)))));
    expect(new Set(shown.flat()).size).toBeGreaterThan(5);

    // The table exports too: the same CSV, and an SVG that draws its numbers as text.
    const tableName = 'Export Output values, filter 0';
    expect((await exportAs(page, table, tableName, 'Data (CSV)')).bytes.equals(csv.bytes)).toBe(true);
    const tableSvg = await parseSvg(page, (await exportAs(page, table, tableName, 'SVG')).bytes.toString('utf8'));
    expect(tableSvg.error).toBe(false);
    expect(tableSvg.texts).toEqual(expect.arrayContaining(shown[12] ?? ['missing row']));

    // The input image: its 28 × 28 pixels, indices from 0 as the widget counts them.
    const input = widget.locator('.input-maps__image');
    const pixels = csvRows((await exportAs(page, input, 'Export Input image x, 1 × 28 × 28', 'Data (CSV)')).bytes);
    expect(pixels).toHaveLength(29);
    expect(pixels[0]).toEqual(['row', ...Array.from({ length: 28 }, (_, c) => `column ${c}`)]);
    const values = pixels.slice(1).flatMap((r) => r.slice(1).map(Number));
    expect(values.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(Math.max(...values)).toBeGreaterThan(0.5);
  });
});

test.describe('convolution over colour channels', () => {
  const rgbWidget = (page: Page, query = '') => openWidget(page, 'Convolution over colour channels', query);

  test('the step-through adds three channel sums and the bias; filters and parameters follow C_out', async ({ page }) => {
    const widget = await rgbWidget(page);
    await expect(widget.locator('.step-through__channel')).toHaveCount(3);
    await expect(widget.locator('.step-through__total')).toContainText('y[0, 7, 2] = ΣR + ΣG + ΣB + b =');
    await expectStepMatchesEngine(widget);
    await expect(widget.locator('.layer-summary')).toContainText('(3 · 3 · 3 + 1) · 2 = 56 (54 weights and 2 biases)');
    const cout = widget.getByRole('slider', { name: 'Filters (out_channels)' });
    await cout.focus();
    await page.keyboard.press('ArrowRight');
    await expect(widget.locator('.layer-summary')).toContainText('(3 · 3 · 3 + 1) · 3 = 84');
    await expect(widget.locator('.output-maps__map')).toHaveCount(3);
    await widget.getByRole('radio', { name: '1', exact: true }).check();
    await expect(widget.getByRole('combobox', { name: 'Kernel of filter 1, channel R' })).toHaveValue('identity');
    await widget.getByRole('radio', { name: 'B', exact: true }).check();
    await expect(widget.getByRole('textbox', { name: 'Weight row 2, column 2' })).toHaveValue('-1');
    const cursor = widget.getByRole('slider', { name: /Output cell of filter 1/ });
    await cursor.focus();
    await page.keyboard.press('ArrowUp');
    await expect(cursor).toHaveAttribute('aria-valuetext', /^Filter 1, row 6, column 2 of 30 × 30/);
    await expectStepMatchesEngine(widget);
    // The two widgets keep separate state in one URL.
    await expect(page).toHaveURL(/rgb-cout=3/);
    await expect(page).not.toHaveURL(/[?&]cout=/);
  });
  test('every channel and every filter’s map exports its own numbers; the image’s CSV holds the three channels', async ({ page }) => {
    test.slow(); // five downloads
    const widget = await rgbWidget(page);
    await expect(widget.locator('.step-through__engine')).toContainText('the same number');
    const input = widget.locator('.input-maps__image');
    const imageName = (await input.getByRole('button', { name: /^Export Input image x, 3 × \d+ × \d+$/ }).getAttribute('aria-label')) ?? '';
    const image = csvRows((await exportAs(page, input, imageName, 'Data (CSV)')).bytes);
    expect(image[0]?.slice(0, 3)).toEqual(['channel', 'row', 'column 0']);
    expect(new Set(image.slice(1).map((r) => r[0]))).toEqual(new Set(['R', 'G', 'B']));
    const plane = widget.locator('.input-maps__plane').nth(1);
    const green = csvRows((await exportAs(page, plane, 'Export Input channel G', 'Data (CSV)')).bytes);
    expect(green.slice(1)).toEqual(image.filter((r) => r[0] === 'G').map((r) => r.slice(1)));

    // Filter 1's map (not the selected one) has its own control; its numbers are the ones its table shows once selected.
    const second = widget.locator('.output-maps__map').nth(1);
    const rows = csvRows((await exportAs(page, second, 'Export Output map, filter 1', 'Data (CSV)')).bytes);
    await widget.getByRole('radio', { name: '1', exact: true }).check();
    await widget.getByText('Feature map of filter 1 as numbers').click();
    const shown = await widget.locator('.output-table tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')));
    expect(shown).toEqual(rows.slice(1).map((r) => r.slice(1).map((v) => formatDecimals(Number(v)))));
    const svg = await parseSvg(page, (await exportAs(page, second, 'Export Output map, filter 1', 'SVG')).bytes.toString('utf8'));
    expect(svg).toMatchObject({ error: false, title: 'Output map, filter 1' });
    // With a menu open, the widget still has nothing for axe to report.
    await second.getByRole('button', { name: 'Export Output map, filter 1', exact: true }).click();
    await expect(second.getByRole('group', { name: 'Export Output map, filter 1 as' })).toBeVisible();
    await expectNoAxeViolations(page, `${WIDGETS} .conv`);
  });
});

for (const theme of ['light', 'dark'] as const) {
  test(`both widgets, started, have no axe violations, ${theme} theme`, async ({ page }) => {
    test.slow(); // every island of a long lesson hydrates, then axe scans them all
    await useTheme(page, theme);
    await page.goto(`${LESSON}?s=2&p=1`);
    for (const island of await page.locator('astro-island').all()) {
      await island.scrollIntoViewIfNeeded();
      await expect(island).not.toHaveAttribute('ssr', { timeout: 15_000 });
    }
    for (const engine of await page.locator('.step-through__engine').all()) await expect(engine).toContainText('the same number');
    await page.getByText(/Feature map of filter 0 as numbers/).first().click();
    await expectNoAxeViolations(page, WIDGETS); // the prose: site.spec.ts
  });
}

test.describe('convolution on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

  test('the widgets fit 375 px, and tapping the output map moves the window', async ({ page }) => {
    const widget = await grayWidget(page);
    for (const island of await page.locator('astro-island').all()) {
      await island.scrollIntoViewIfNeeded();
      await expect(island).not.toHaveAttribute('ssr', { timeout: 15_000 });
    }
    await expectNoHorizontalScroll(page);
    const map = widget.locator('.output-maps .pixel-map').first();
    await map.scrollIntoViewIfNeeded();
    const box = await map.boundingBox();
    if (!box) throw new Error('no output map');
    await map.tap({ position: { x: (3.5 / 26) * box.width, y: (20.5 / 26) * box.height } });
    await expect(widget.locator('.step-through')).toContainText('Output y[0, 20, 3]');
    await expectStepMatchesEngine(widget);
  });
});
