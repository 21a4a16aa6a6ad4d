import { expect, expectNoAxeViolations, test, useTheme, WIDGETS } from './fixtures';
import { csvRows, exportAs, parseSvg, readPng } from './export-files';
import { openTraining, run } from './training';
import { toyValue } from '../lib/course/hyperparameter-search';

test('the softmax bars (SVG) export as a standalone SVG, a 2× PNG and their data, by keyboard too', async ({ page }) => {
  test.slow(); // six downloads and axe
  await page.goto('/lessons/activation-functions/?logits=2,1,0.5');
  const widget = page.getByRole('region', { name: 'Softmax', exact: true });
  await widget.scrollIntoViewIfNeeded();
  await expect(widget.locator('astro-island')).not.toHaveAttribute('ssr');
  const chart = widget.locator('.probability-bars');
  const exportName = 'Export Softmax probabilities by class';
  await expect(widget.locator('tbody tr td:nth-child(3)')).toHaveText(['0.6285', '0.2312', '0.1402']);

  const svg = await exportAs(page, chart, exportName, 'SVG');
  expect(svg.name).toBe('softmax-probabilities.svg');
  const text = svg.bytes.toString('utf8');
  expect(text).not.toContain('var(');
  const parsed = await parseSvg(page, text);
  expect(parsed).toMatchObject({ error: false, root: 'svg', xmlns: 'http://www.w3.org/2000/svg', title: 'Softmax probabilities by class', images: [] });
  expect(parsed.viewBox).toBe(`0 0 ${parsed.width} ${parsed.height}`);
  // The bars carry the theme's colour as a value, the same the page computes from --chart-1.
  const barFill = await chart.locator('.softmax-bars__bar').first().evaluate((el) => getComputedStyle(el).fill);
  expect(parsed.fills.filter((f) => f === barFill)).toHaveLength(3);

  const png = readPng((await exportAs(page, chart, exportName, 'PNG')).bytes);
  expect([png.width, png.height]).toEqual([2 * parsed.width, 2 * parsed.height]);

  const csv = await exportAs(page, chart, exportName, 'Data (CSV)');
  expect(csv.name).toBe('softmax-probabilities.csv');
  const rows = csvRows(csv.bytes);
  expect(rows[0]).toEqual(['class', 'probability']);
  expect(rows.slice(1).map((r) => r[0])).toEqual(['1', '2', '3']);
  // Full precision, and the same probabilities the table rounds to four places.
  expect(rows.slice(1).map((r) => Number(r[1]).toFixed(4))).toEqual(['0.6285', '0.2312', '0.1402']);
  expect(rows[1]?.[1]?.length).toBeGreaterThan(8);

  // By keyboard: Enter opens, Tab reaches the choices, Escape closes and gives focus back.
  const toggle = chart.getByRole('button', { name: exportName, exact: true });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Tab');
  await expect(chart.getByRole('button', { name: 'SVG', exact: true })).toBeFocused();
  await expectNoAxeViolations(page, `${WIDGETS} .softmax`);
  await page.keyboard.press('Escape');
  await expect(chart.getByRole('group', { name: `${exportName} as` })).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();
});

test('the training charts (canvas) export in the dark theme: the boundary map and the loss chart, data matching what they show', async ({ page }) => {
  test.slow(); // a training widget and six downloads
  await useTheme(page, 'dark');
  const widget = await openTraining(page, '/lessons/vanishing-gradients/', 'Vanishing gradients');
  for (let step = 1; step <= 3; step++) {
    await widget.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(run(widget, 'A').getByTestId('step')).toHaveText(String(step), { timeout: 30_000 });
  }
  const panel = run(widget, 'A');
  await expect(panel.getByRole('img', { name: /Decision boundary/ })).toHaveAttribute('aria-label', /predicts class 1/, { timeout: 30_000 });

  // The decision boundary: a canvas, embedded in the SVG as a PNG image.
  const map = panel.locator('.boundary-map-frame');
  const mapExport = (await map.getByRole('button', { name: /^Export Decision boundary at step \d+$/ }).getAttribute('aria-label')) ?? '';
  const svg = await exportAs(page, map, mapExport, 'SVG');
  expect(svg.name).toBe('vanishing-gradients-run-a-decision-boundary.svg');
  const parsed = await parseSvg(page, svg.bytes.toString('utf8'));
  expect(parsed).toMatchObject({ error: false, root: 'svg', images: ['data:image/png;base64,'] });
  expect(parsed.viewBox).toBe(`0 0 ${parsed.width} ${parsed.height}`);
  expect(svg.bytes.toString('utf8')).not.toContain('var(');

  // The PNG: twice the size, on the dark theme's background (not transparent black).
  const png = readPng((await exportAs(page, map, mapExport, 'PNG')).bytes);
  expect([png.width, png.height]).toEqual([2 * parsed.width, 2 * parsed.height]);
  const background = await widget.evaluate((el) => {
    const probe = document.createElement('canvas').getContext('2d');
    let at: Element | null = el.querySelector('.boundary-map');
    while (at && getComputedStyle(at).backgroundColor === 'rgba(0, 0, 0, 0)') at = at.parentElement;
    if (!probe || !at) return [];
    probe.fillStyle = getComputedStyle(at).backgroundColor;
    probe.fillRect(0, 0, 1, 1);
    return [...probe.getImageData(0, 0, 1, 1).data];
  });
  expect(png.firstPixel).toEqual(background);
  expect(background[0]).toBeLessThan(60); // dark

  // Its data: every grid cell, then the points; the share the map's text gives is the CSV's.
  const csv = csvRows((await exportAs(page, map, mapExport, 'Data (CSV)')).bytes);
  expect(csv[0]).toEqual(['set', 'x1', 'x2', 'P(class 1)', 'label']);
  const grid = csv.filter((r) => r[0] === 'grid');
  expect(Math.sqrt(grid.length) % 1).toBe(0);
  expect(csv.filter((r) => r[0] === 'train').length).toBeGreaterThan(0);
  expect(csv.filter((r) => r[0] === 'test').length).toBeGreaterThan(0);
  const share = grid.filter((r) => Number(r[3]) >= 0.5).length / grid.length;
  await expect(panel.getByRole('img', { name: /Decision boundary/ })).toHaveAttribute('aria-label', new RegExp(`class 1 on ${(100 * share).toFixed(0)}% of the square`));

  // The loss chart (SVG axes, canvas lines): its series joined on the step, one row per step.
  const loss = panel.locator('figure', { has: page.getByRole('slider', { name: /^Loss:/ }) });
  const lossCsv = csvRows((await exportAs(page, loss, 'Export Loss', 'Data (CSV)')).bytes);
  expect(lossCsv[0]).toEqual(['step', 'minibatch', 'train', 'test']);
  const steps = lossCsv.slice(1).map((r) => Number(r[0]));
  expect(steps).toEqual([...new Set(steps)].sort((a, b) => a - b));
  const slider = panel.getByRole('slider', { name: /^Loss:/ });
  const lastEvaluation = Number(await slider.getAttribute('aria-valuemax'));
  expect(lossCsv.filter((r) => r[2] !== '').at(-1)?.[0]).toBe(String(lastEvaluation));
  const lossSvg = await exportAs(page, loss, 'Export Loss', 'SVG');
  expect(lossSvg.name).toBe('vanishing-gradients-run-a-loss.svg');
  const lossParsed = await parseSvg(page, lossSvg.bytes.toString('utf8'));
  expect(lossParsed).toMatchObject({ error: false, title: 'Loss', images: ['data:image/png;base64,'] });
  expect(lossSvg.bytes.toString('utf8')).not.toContain('var(');
  expect(lossSvg.bytes.toString('utf8')).toContain('>minibatch</text>');

  // A chart still reads by keyboard, beside its export control.
  const norms = panel.getByRole('slider', { name: /^Gradient norm per layer over steps:/ });
  await norms.focus();
  await expect(norms).toHaveAttribute('aria-valuetext', /^Step 3:/);
  await page.keyboard.press('Home');
  await expect(norms).toHaveAttribute('aria-valuetext', /^Step 1:/);
  await page.keyboard.press('ArrowRight');
  await expect(norms).toHaveAttribute('aria-valuetext', /^Step 2:/);
});

test('the hyperparameter search surface map exports as SVG, PNG and its 21 × 21 grid as CSV, values matching the toy objective', async ({ page }) => {
  test.slow();
  await page.goto('/lessons/hyperparameter-search/?objective=toy');
  const widget = page.getByRole('region', { name: 'Hyperparameter search race' });
  const map = widget.locator('.hps__map').first();
  await map.scrollIntoViewIfNeeded();
  const name = 'Export True value over important parameter and unimportant parameter';
  await expect(map.getByRole('button', { name, exact: true })).toBeVisible({ timeout: 30_000 });

  const svg = await exportAs(page, map, name, 'SVG');
  expect(svg.name).toMatch(/true-surface\.svg$/);
  const parsed = await parseSvg(page, svg.bytes.toString('utf8'));
  expect(parsed).toMatchObject({ error: false, root: 'svg', title: 'True value over important parameter and unimportant parameter' });
  expect(parsed.fills.length).toBeGreaterThanOrEqual(21 * 21);
  expect(svg.bytes.toString('utf8')).not.toContain('var(');

  const png = readPng((await exportAs(page, map, name, 'PNG')).bytes);
  expect(png.width).toBeGreaterThan(200);
  expect(png.height).toBeGreaterThan(200);

  const csv = csvRows((await exportAs(page, map, name, 'Data (CSV)')).bytes);
  expect(csv[0]).toEqual(['important parameter', 'unimportant parameter', 'value']);
  expect(csv).toHaveLength(1 + 21 * 21);
  // Every row is the toy objective's full-trial value at its point (lib/course/hyperparameter-search).
  for (const row of csv.slice(1)) {
    const [u, v, value] = row.map(Number) as [number, number, number];
    expect(value).toBeCloseTo(toyValue(u, v, 1), 12);
  }
});
