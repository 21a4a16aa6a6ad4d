import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test, useTheme } from './fixtures';
import { copyPyTorch, expectLevel, run, stepOf } from './training';
import { csvRows, exportAs, parseSvg } from './export-files';
import { decodeDigits } from '../lib/course/dropout';

const LESSON = '/lessons/overfitting-and-dropout/';
// The kernel starts in a worker on a shared 2-core machine: generous waits, no assertion on time.
const SLOW = { timeout: 30_000 };

test.describe('overfitting and dropout lesson', () => {
  test.beforeEach(() => test.slow());

  test('the data note’s “download the digits” link fetches the 3,000 digits it describes, 300 of each, in 297,008 bytes', async ({ page, request }) => {
    await page.goto(LESSON);
    const link = page.getByRole('link', { name: 'download the digits' });
    const url = new URL((await link.getAttribute('href')) ?? '', page.url());
    const response = await request.get(url.pathname);
    expect(response.status(), url.pathname).toBe(200);
    const bytes = new Uint8Array(await response.body());
    expect(bytes.length).toBe(297_008);
    const digits = decodeDigits(bytes);
    expect([digits.n, digits.side]).toEqual([3000, 14]);
    const perClass = new Array<number>(10).fill(0);
    for (const label of digits.labels) perClass[label] = (perClass[label] ?? 0) + 1;
    expect(perClass).toEqual(new Array<number>(10).fill(300));
    expect(digits.pixels.every((p) => p >= 0 && p <= 1)).toBe(true);
  });

  test('the code cell builds the CNN and prints its parameter count, 89 % of it in the Linear layers', async ({ page }) => {
    await page.goto(LESSON);
    const cell = page.getByRole('region', { name: "Code cell: Build the lesson's CNN and count its parameters" });
    await cell.scrollIntoViewIfNeeded();
    const run = cell.getByRole('button', { name: 'Run', exact: true });
    await expect(run).toBeEnabled(SLOW);
    await run.click();
    const output = cell.getByRole('log', { name: /^Output of cell/ });
    await expect(output).toContainText('parameters: 11178', SLOW);
    await expect(output).toContainText('in the two Linear layers: 9930 (89 %)');
    await expect(output).toContainText('[ 2, 10 ]');
  });

  // Whole-page axe in both themes is site.spec.ts's; the widget's own, trained, is below.
  test('states the data source and licence, and fits 375 px', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(LESSON);
    const note = page.getByRole('complementary', { name: "The data's source and licence" });
    await expect(note).toContainText('Creative Commons Attribution-Share Alike 3.0');
    await expect(note).toContainText('MIT licence');
    await expect(page.getByRole('link', { name: 'pooling lesson' })).toHaveAttribute('href', '/lessons/pooling/');
    await expectNoHorizontalScroll(page);
  });
});

const TITLE = 'Dropout on two runs';
/** Training on a shared 2-core machine: generous waits, no assertion on time. */
const TRAINING = { timeout: 90_000 };

/** Opens the lesson (with `query`) and waits until both runs show their first snapshot at epoch 0. */
async function openWidget(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${LESSON}${query}`);
  const widget = page.getByRole('region', { name: TITLE, exact: true });
  await widget.getByRole('button', { name: 'Step', exact: true }).scrollIntoViewIfNeeded();
  for (const name of ['A', 'B'] as const) await expect(run(widget, name).getByTestId('loss')).not.toHaveText('…', TRAINING);
  await expect(run(widget, 'A').getByTestId('epoch')).toHaveText('0');
  // The first snapshot's parts are drawn over a few frames after its numbers (useFrameDelayed): the
  // widget is ready when the last of them, run B's epoch table and both runs' filters, are there.
  await expect(run(widget, 'B').locator('.epoch-table tbody tr')).toHaveCount(1, TRAINING);
  await expect(widget.locator('.first-filters__list')).toHaveCount(2, TRAINING);
  return widget;
}

const epochOf = async (widget: Locator, name: 'A' | 'B'): Promise<number> => Number(await run(widget, name).getByTestId('epoch').textContent());

/** Presses Step and waits until both runs show `epoch`. */
async function stepTo(widget: Locator, epoch: number): Promise<void> {
  await widget.getByRole('button', { name: 'Step', exact: true }).click();
  for (const name of ['A', 'B'] as const) await expect(run(widget, name).getByTestId('epoch')).toHaveText(String(epoch), TRAINING);
}

/** Answers the lesson's experiment exercise `id` with the widget's current settings (its set-up link and the changes shown first), checks it, and expects `feedback`. */
async function checkExperiment(page: Page, id: string, expected: { link: string; answer: string }, feedback: string): Promise<void> {
  const exercise = page.locator(`section.exercise[data-exercise="overfitting-and-dropout/${id}"]`);
  await exercise.scrollIntoViewIfNeeded();
  await expect(exercise.getByRole('link', { name: 'Set up the widget for this exercise' })).toHaveAttribute('href', expected.link);
  await exercise.getByRole('button', { name: 'Use the widget’s current settings' }).click();
  await expect(exercise.getByText(`Your answer: ${expected.answer}`)).toBeVisible();
  await exercise.getByRole('button', { name: 'Check', exact: true }).click();
  // The check re-trains run B in a worker on a shared 2-core machine: room, not a speed claim.
  await expect(exercise.getByRole('status').first()).toContainText(feedback, { timeout: 180_000 });
}

test.describe('the dropout widget', () => {
  test.beforeEach(() => test.slow());

  test('Step trains exactly one epoch (16 updates of 32 of 500 digits), and Reset returns to epoch 0 with the same numbers after', async ({ page }) => {
    const widget = await openWidget(page);
    await stepTo(widget, 1);
    for (const name of ['A', 'B'] as const) await expect(run(widget, name).getByTestId('step')).toHaveText('16');
    const loss = await run(widget, 'B').getByTestId('loss').textContent();
    await stepTo(widget, 2);
    await expect(run(widget, 'A').getByTestId('step')).toHaveText('32');
    await page.waitForTimeout(600);
    expect(await stepOf(widget, 'A')).toBe(32);
    await widget.getByRole('button', { name: 'Reset', exact: true }).click();
    for (const name of ['A', 'B'] as const) await expect(run(widget, name).getByTestId('epoch')).toHaveText('0', TRAINING);
    await expect(run(widget, 'A').getByTestId('step')).toHaveText('0');
    await stepTo(widget, 1);
    await expect(run(widget, 'B').getByTestId('loss')).toHaveText(loss ?? '');
  });

  test('Play trains both runs in step: the charts, tables and summary follow; Pause stops them; Step from mid-epoch ends that epoch', async ({ page }) => {
    const widget = await openWidget(page);
    const chart = run(widget, 'A').getByRole('slider', { name: /^Loss per epoch:/ });
    await expect(chart).toHaveAttribute('aria-valuetext', /^Epoch 0: training loss/);
    // The widget keeps its height while it trains: a change would move the page below it, which is
    // then laid out and painted again (the speed readout's wrapping once did, a long task each time).
    const height = () => widget.evaluate((el) => Math.round(el.getBoundingClientRect().height));
    const heights = new Set([await height()]);
    await widget.getByRole('button', { name: 'Play', exact: true }).click();
    await expect
      .poll(async () => {
        heights.add(await height());
        return Math.min(await epochOf(widget, 'A'), await epochOf(widget, 'B'));
      }, TRAINING)
      .toBeGreaterThanOrEqual(2);
    await expect(widget.getByTestId('steps-per-second')).toHaveText(/^\d+(\.\d)?$/);
    heights.add(await height());
    expect([...heights], 'the widget\'s heights while training').toHaveLength(1);
    await expect(widget.getByTestId('epochs-per-minute')).toHaveText(/^\d+\.\d$/);
    await widget.getByRole('button', { name: 'Pause', exact: true }).click();
    const level = await expectLevel(widget);
    await page.waitForTimeout(600);
    expect(await stepOf(widget, 'A')).toBe(level);
    const epoch = await epochOf(widget, 'A');
    expect(epoch).toBe(Math.floor(level / 16));
    await expect(chart).toHaveAttribute('aria-valuetext', new RegExp(`^Epoch ${epoch}: training loss \\d\\.\\d{3}, validation loss \\d\\.\\d{3}, gap −?\\d\\.\\d{3}; lowest validation loss up to here`));
    const summary = widget.locator('.training-widget__summary');
    await expect(summary).toContainText(new RegExp(`^(At epoch ${epoch} of 30|Before training)`));
    // The table has a row per epoch so far; the confusion matrix and the misclassified digits agree with the accuracy.
    const table = run(widget, 'B').getByRole('table', { name: /^Run B: dropout p = 0\.5, between the fully connected layers: loss and accuracy after each epoch/ });
    await run(widget, 'B').getByText('Every epoch as a table').click();
    await expect(table.locator('tbody tr')).toHaveCount(epoch + 1);
    const accuracy = Number((await run(widget, 'B').getByTestId('accuracy').textContent())?.replace(' %', ''));
    const wrong = Math.round(500 * (1 - accuracy / 100));
    await expect(run(widget, 'B').getByText(new RegExp(`^Misclassified validation digits at epoch ${epoch}: ${wrong}\\b`))).toBeVisible();
    await expect(run(widget, 'B').getByRole('img', { name: /^a \d read as \d$/ })).toHaveCount(Math.min(24, wrong));
    const matrix = run(widget, 'B').getByRole('table', { name: new RegExp(`^Confusion matrix, validation set \\(500 digits\\), epoch ${epoch}`) });
    const diagonal = await matrix.evaluate((t) => [...t.querySelectorAll('tbody tr')].reduce((n, row, r) => n + Number(row.querySelectorAll('td')[r]?.textContent), 0));
    expect(diagonal).toBe(500 - wrong);
    // Each exports: the matrix's counts as shown, the digits it gets wrong with their pixels, and the first-layer filters' weights.
    const shownCounts = await matrix.evaluate((t) => [...t.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const confusion = run(widget, 'B').locator('.dropout-run__confusion');
    const counts = csvRows((await exportAs(page, confusion, `Export Confusion matrix, validation set, epoch ${epoch}`, 'Data (CSV)')).bytes);
    expect(counts[0]).toEqual(['true digit', ...Array.from({ length: 10 }, (_, c) => `predicted ${c}`)]);
    expect(counts.slice(1).map((r) => r.slice(1))).toEqual(shownCounts);
    const matrixSvg = await parseSvg(page, (await exportAs(page, confusion, `Export Confusion matrix, validation set, epoch ${epoch}`, 'SVG')).bytes.toString('utf8'));
    expect(matrixSvg.error).toBe(false);
    expect(matrixSvg.texts).toEqual(expect.arrayContaining(shownCounts[3] ?? ['no row']));
    const digits = run(widget, 'B').locator('.misclassified');
    const wrongCsv = csvRows((await exportAs(page, digits, `Export Misclassified validation digits, epoch ${epoch}`, 'Data (CSV)')).bytes);
    expect(wrongCsv[0]?.slice(0, 4)).toEqual(['validation index', 'true', 'predicted', 'pixel 1-1']);
    expect(wrongCsv[0]).toHaveLength(3 + 14 * 14);
    expect(wrongCsv).toHaveLength(1 + Math.min(24, wrong));
    for (const row of wrongCsv.slice(1)) expect(row[1]).not.toBe(row[2]);
    const digitsSvg = await parseSvg(page, (await exportAs(page, digits, `Export Misclassified validation digits, epoch ${epoch}`, 'SVG')).bytes.toString('utf8'));
    expect(digitsSvg.images).toHaveLength(Math.min(24, wrong));
    expect(digitsSvg.texts).toContain(`${wrongCsv[1]?.[1]}→${wrongCsv[1]?.[2]}`);
    const filters = widget.locator('.first-filters__run').nth(1);
    const weights = csvRows((await exportAs(page, filters, `Export Run B: first-layer filters, after epoch ${epoch}`, 'Data (CSV)')).bytes);
    expect(weights[0]).toEqual(['filter', 'row', 'column 1', 'column 2', 'column 3']);
    expect(new Set(weights.slice(1).map((r) => r[0])).size * 3).toBe(weights.length - 1);
    // Step from wherever Pause left the runs trains to the end of that epoch.
    await stepTo(widget, epoch + 1);
    await expect(run(widget, 'A').getByTestId('step')).toHaveText(String(16 * (epoch + 1)));
  });

  test('a control change restarts both runs and reaches the URL; the URL restores the whole configuration (and Copy as PyTorch writes it); a bad value falls back with a notice', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    let widget = await openWidget(page);
    await stepTo(widget, 1);
    await widget.getByRole('combobox', { name: 'Dropout placement (run B)' }).selectOption('both');
    await expect(page).toHaveURL(/at=both/);
    await expect(run(widget, 'B')).toHaveAccessibleName('Run B: dropout p = 0.5, both');
    await expect(run(widget, 'B').getByTestId('epoch')).toHaveText('0', TRAINING);
    // Both runs restart: while they wait for their first snapshots, the widget keeps its height (no
    // confusion matrices or digits for a moment used to move the page below up by 570 px and back).
    const heightsWhile = await widget.evaluate((el) => {
      const seen: number[] = [];
      const record = (): void => {
        seen.push(Math.round(el.getBoundingClientRect().height));
        if (seen.length < 600) requestAnimationFrame(record);
      };
      requestAnimationFrame(record);
      (window as unknown as { restartHeights: number[] }).restartHeights = seen;
      return seen.length;
    });
    expect(heightsWhile).toBe(0);
    const size = widget.getByRole('slider', { name: 'Training digits' });
    await size.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page).toHaveURL(/n=300/);
    await expect(run(widget, 'A').getByText('(10 an epoch)')).toBeVisible(TRAINING);
    await expect(run(widget, 'B').locator('.epoch-table tbody tr')).toHaveCount(1, TRAINING);
    await expect(widget.locator('.first-filters__list li canvas')).toHaveCount(16, TRAINING);
    await page.waitForTimeout(300);
    const restart = await page.evaluate(() => (window as unknown as { restartHeights: number[] }).restartHeights);
    const [first = 0, lastHeight = 0] = [restart[0], restart.at(-1)];
    expect(Math.min(...restart), `the widget's heights across the restart: ${[...new Set(restart)].join(', ')}`).toBeGreaterThanOrEqual(Math.min(first, lastHeight));

    widget = await openWidget(page, '?n=100&p=0.25&at=pools&wd=0.001&epochs=10&lr=0.01&seed=7');
    await expect(run(widget, 'B')).toHaveAccessibleName('Run B: dropout p = 0.25, after each pool');
    for (const [label, value] of [['Training digits', '100'], ['Dropout rate p (run B)', '0.25'], ['Weight decay', '0.001'], ['Epochs', '10'], ['Learning rate', '0.01']] as const) {
      await expect(widget.getByRole('slider', { name: label })).toHaveAttribute('aria-valuetext', value);
    }
    await expect(run(widget, 'A').locator('.run__status')).toContainText('Epoch 0 of 10');
    await expect(widget.getByText('Both runs share seed 7')).toBeVisible();
    const b = await copyPyTorch(page, widget, 'B');
    expect(b).toContain('Neural Notebook: Dropout, run B');
    expect(b).toContain('    nn.MaxPool2d(2),\n    nn.Dropout(p=0.25),');
    expect(b).toContain('torch.optim.Adam(model.parameters(), lr=0.01, weight_decay=0.001)');
    expect(b).toContain('EPOCHS = 10');
    expect(b).toMatch(/DATA_URL = 'http:\/\/[^']+\/data\/mnist-digits-14\.bin'/);
    expect(await copyPyTorch(page, widget, 'A')).not.toContain('nn.Dropout');
    await widget.getByRole('button', { name: 'New seed' }).click();
    await expect(page).toHaveURL(/seed=8/);

    widget = await openWidget(page, '?n=50&p=0.5');
    await expect(widget.getByRole('status').filter({ hasText: 'Ignored' })).toContainText('Ignored “n=50” from the link: expected a whole number from 100 to 2000. Using 500.');
    await expect(widget.getByRole('slider', { name: 'Training digits' })).toHaveAttribute('aria-valuetext', '500');
  });

  test('a slow speed chosen by keyboard: in the URL and restored from it; training moves update by update through each epoch, in order; the readout says what was asked and what the machine does', async ({ page }) => {
    let widget = await openWidget(page);
    const speed = widget.getByRole('combobox', { name: 'Speed' });
    await expect(speed).toHaveValue('0');
    await expect(widget.getByText('Speed asked: as fast as the CPU allows.', { exact: true })).toBeVisible();
    await expect(widget.getByText('Measured while playing: press Play.', { exact: true })).toBeVisible();
    await speed.focus();
    for (const value of ['1', '2', '5', '10']) {
      await page.keyboard.press('ArrowDown');
      await expect(speed).toHaveValue(value);
    }
    await expect(page).toHaveURL(/[?&]pace=10\b/);
    // The link restores the speed; the settings of the runs are untouched (still epoch 0, 500 digits).
    widget = await openWidget(page, new URL(page.url()).search);
    await expect(widget.getByRole('combobox', { name: 'Speed' })).toHaveValue('10');
    await expect(widget.getByText('Speed asked: 10 s an epoch.', { exact: true })).toBeVisible();

    // At 10 s an epoch (16 updates of 32 digits) the page shows the updates of epoch 0 one after another:
    // most of the 15 between the epoch's start and its end are seen, each later than the last.
    await widget.getByRole('button', { name: 'Play', exact: true }).click();
    const seen: number[] = [];
    await expect
      .poll(async () => {
        const [step, epoch] = [await stepOf(widget, 'A'), await epochOf(widget, 'A')];
        if (epoch === 0 && step > 0 && step < 16 && seen.at(-1) !== step) seen.push(step);
        return epoch;
      }, { ...TRAINING, intervals: [100] })
      .toBeGreaterThanOrEqual(1);
    expect(seen.length, `updates seen within epoch 0: ${seen.join(', ')}`).toBeGreaterThanOrEqual(10);
    expect(seen, 'in order').toEqual([...seen].sort((x, y) => x - y));
    await expect(widget.getByTestId('seconds-per-epoch')).toHaveText(/^\d+\.\d$/, TRAINING);
    await expect(widget.getByTestId('steps-per-second')).toHaveText(/^\d+(\.\d)?$/);
    await widget.getByRole('button', { name: 'Pause', exact: true }).click();
    await expectLevel(widget);
  });

  test('works by keyboard: Step by Enter, a chart read epoch by epoch with the arrow keys', async ({ page }) => {
    const widget = await openWidget(page);
    await widget.getByRole('button', { name: 'Step', exact: true }).focus();
    await page.keyboard.press('Enter');
    for (const name of ['A', 'B'] as const) await expect(run(widget, name).getByTestId('epoch')).toHaveText('1', TRAINING);
    await page.keyboard.press('Space');
    for (const name of ['A', 'B'] as const) await expect(run(widget, name).getByTestId('epoch')).toHaveText('2', TRAINING);
    const chart = run(widget, 'B').getByRole('slider', { name: /^Accuracy per epoch:/ });
    await chart.focus();
    await page.keyboard.press('Home');
    await expect(chart).toHaveAttribute('aria-valuetext', /^Epoch 0: training accuracy/);
    await page.keyboard.press('ArrowRight');
    await expect(chart).toHaveAttribute('aria-valuetext', /^Epoch 1: training accuracy \d+\.\d %, validation accuracy \d+\.\d %, gap −?\d+\.\d points\.$/);
  });

  test('random shifts for run B, set by keyboard (375 px, dark): in the URL and run B\'s name, after one epoch run B\'s numbers are no longer run A\'s, the shifts exercise checks them, Copy as PyTorch writes them', async ({ page, context }) => {
    // The exercise's check alone may take its 180 s on a busy machine (60 epochs re-trained in a worker): the test's own budget must exceed it.
    test.setTimeout(360_000);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await useTheme(page, 'dark');
    await page.setViewportSize({ width: 375, height: 800 });
    // Run B without dropout and without shifts is run A: the same seed, the same numbers.
    const widget = await openWidget(page, '?n=100&epochs=60&at=none#two-runs-side-by-side');
    await expect(run(widget, 'B')).toHaveAccessibleName('Run B: no remedy, as run A');
    await stepTo(widget, 1);
    const plain = await run(widget, 'A').getByTestId('loss').textContent();
    await expect(run(widget, 'B').getByTestId('loss')).toHaveText(plain ?? '');
    const shifts = widget.getByRole('combobox', { name: 'Random shifts (run B)' });
    await shifts.focus();
    await page.keyboard.press('ArrowDown');
    await expect(shifts).toHaveValue('1');
    await expect(page).toHaveURL(/shift=1/);
    await expect(run(widget, 'B')).toHaveAccessibleName('Run B: shifts up to 1 pixel, no dropout');
    // Only run B restarts; Reset brings run A back to epoch 0 too, and the same seed gives it the same numbers.
    await expect(run(widget, 'B').getByTestId('epoch')).toHaveText('0', TRAINING);
    await widget.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect(run(widget, 'A').getByTestId('epoch')).toHaveText('0', TRAINING);
    await stepTo(widget, 1);
    await expect(run(widget, 'A').getByTestId('loss')).toHaveText(plain ?? '');
    await expect(run(widget, 'B').getByTestId('loss')).not.toHaveText(plain ?? '');

    // The shifts exercise, answered with these settings and checked in the page's worker.
    await checkExperiment(page, 'shifts-or-dropout', { link: '?n=100&epochs=60#two-runs-side-by-side', answer: 'at: none, shift: 1' }, 'Goal reached: Run B reached a validation accuracy of 78.4 % after 60 epochs');

    await shifts.focus();
    await page.keyboard.press('ArrowDown');
    await expect(page).toHaveURL(/shift=2/);
    await widget.getByRole('combobox', { name: 'Dropout placement (run B)' }).selectOption('fc');
    await expect(run(widget, 'B')).toHaveAccessibleName('Run B: dropout p = 0.5, between the fully connected layers; shifts up to 2 pixels');
    const b = await copyPyTorch(page, widget, 'B');
    expect(b).toContain('MAX_SHIFT = 2');
    expect(b).toContain('x = shift_batch(x_train[rows], torch.randint(-MAX_SHIFT, MAX_SHIFT + 1, (len(rows), 2)))');
    expect(await copyPyTorch(page, widget, 'A')).not.toContain('shift_batch');
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page, { include: 'section.widget' });
  });

  test('the experiment exercise: its link sets the widget up, and Check re-trains run B from the widget\'s settings in a worker that fetches the digits', async ({ page }) => {
    // One page load (leaving a page mid-load aborts its requests): the widget already set up as the link does, with p changed.
    const widget = await openWidget(page, '?n=200&epochs=20&p=0.25#two-runs-side-by-side');
    await expect(run(widget, 'B')).toHaveAccessibleName('Run B: dropout p = 0.25, between the fully connected layers');
    await checkExperiment(page, 'dropout-rate', { link: '?n=200&epochs=20#two-runs-side-by-side', answer: 'p: 0.25' }, 'Goal reached: Run B reached a validation loss of 0.600 after 20 epochs');
  });

  test('draw a digit: a mouse stroke is read by both runs\' networks, Clear empties the pad, the keyboard loads and edits a digit; the first-layer filters have text', async ({ page }) => {
    const widget = await openWidget(page);
    await stepTo(widget, 1);
    const pad = widget.getByRole('application', { name: 'Drawing pad, 28 × 28 pixels' });
    await pad.scrollIntoViewIfNeeded();
    await expect(pad).toHaveCSS('touch-action', 'none');
    const empty = widget.getByRole('status').filter({ hasText: 'Draw a digit in the pad' });
    await expect(empty).toBeVisible();
    const readings = widget.getByTestId('reading');
    await expect(readings).toHaveCount(0);

    // A 7, drawn with the mouse.
    const box = await pad.boundingBox();
    if (!box) throw new Error('expected the pad to be laid out');
    const at = (x: number, y: number): [number, number] => [box.x + x * box.width, box.y + y * box.height];
    await page.mouse.move(...at(0.3, 0.25));
    await page.mouse.down();
    for (const [x, y] of [[0.7, 0.25], [0.55, 0.5], [0.45, 0.8]] as const) await page.mouse.move(...at(x, y), { steps: 8 });
    await page.mouse.up();
    await expect(empty).toHaveCount(0);
    await expect(widget.getByRole('img', { name: 'The drawn digit as the networks see it, 14 × 14 pixels' })).toBeVisible();
    const reading = /^After epoch 1, it reads \d \(probability [01]\.\d\d\); next come \d \([01]\.\d\d\) and \d \([01]\.\d\d\)\.$/;
    for (const name of ['A', 'B']) await expect(widget.getByRole('region', { name: new RegExp(`^Reading by Run ${name}\\b`) }).getByTestId('reading')).toHaveText(reading);
    await expect(widget.getByText('in evaluation mode (as after model.eval(): dropout off')).toBeVisible();

    await widget.getByRole('button', { name: 'Clear', exact: true }).click();
    await expect(empty).toBeVisible();
    await expect(readings).toHaveCount(0);

    // By keyboard: validation digit 51 (the validation set is sorted by class: 51 … 100 are 1s), then a pixel toggled.
    const pick = widget.getByRole('textbox', { name: 'Validation digit (1–500)' });
    await pick.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('51');
    await page.keyboard.press('Tab');
    await expect(widget.getByRole('button', { name: 'Load it into the pad' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(widget.getByText('Validation digit 51, a 1, drawn 2 × 2 on the pad.')).toBeVisible();
    await expect(readings).toHaveCount(2);
    await pad.focus();
    await page.keyboard.press('ArrowRight');
    await expect(widget.getByText(/^Row 15, column 16: (ink|paper)$/)).toBeAttached();
    const before = await widget.getByText(/^Row 15, column 16: /).textContent();
    await page.keyboard.press('Space');
    await expect(widget.getByText(/^Row 15, column 16: /)).not.toHaveText(before ?? '');
    await expect(widget.getByText('Validation digit 51, a 1, drawn 2 × 2 on the pad, edited.')).toBeVisible();

    // The first-layer filters: 8 a run, each an image named by its weights and bias.
    for (const name of ['A', 'B']) await expect(widget.getByRole('img', { name: new RegExp(`^Run ${name}, filter \\d: weights row by row: (−?\\d\\.\\d\\d, ){2}−?\\d\\.\\d\\d; .*; bias −?\\d\\.\\d\\d$`) })).toHaveCount(8);
    await expect(widget.getByText('Run B: dropout p = 0.5, between the fully connected layers, after epoch 1')).toBeVisible();
    await expectNoAxeViolations(page, { include: 'section.widget' });
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`the trained widget is accessible (${theme}) at 375 px, without sideways scroll`, async ({ page }) => {
      await useTheme(page, theme);
      await page.setViewportSize({ width: 375, height: 800 });
      const widget = await openWidget(page);
      await stepTo(widget, 1);
      await run(widget, 'A').getByText('Every epoch as a table').click();
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page, { include: 'section.widget' });
    });
  }
});

